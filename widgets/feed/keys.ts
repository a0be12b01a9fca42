/** The row a key moves to in a list of `count` rows (`page` rows per Page Up/Down); undefined for other keys. */
export function nextIndex(key: string, from: number, count: number, page: number): number | undefined {
  if (!count) return undefined;
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  switch (key) {
    case 'ArrowDown':
      return clamp(from + 1);
    case 'ArrowUp':
      return clamp(from - 1);
    case 'PageDown':
      return clamp(from + page);
    case 'PageUp':
      return clamp(from - page);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}
