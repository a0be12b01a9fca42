/** Whether this browser can give sigma a WebGL context (it needs one; the widget falls back to tables otherwise). */
export function hasWebGL(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return !!(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}
