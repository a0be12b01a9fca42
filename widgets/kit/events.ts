/**
 * A Rapport event: `rapport-*`, bubbling and composed so it leaves the widget's shadow root and reaches the host's
 * listeners on any ancestor, with a `detail` that names what was chosen.
 */
export function rapportEvent<D>(type: `rapport-${string}`, detail: D): CustomEvent<D> {
  return new CustomEvent<D>(type, { detail, bubbles: true, composed: true });
}
