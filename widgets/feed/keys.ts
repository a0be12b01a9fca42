/**
 * The row a key moves to in a feed of `count` rows; undefined for other keys. Page Down / Page Up go to the next /
 * previous article, as the WAI-ARIA feed pattern has them (↓ / ↑ too); Home / End to the first / last.
 */
export function nextIndex(key: string, from: number, count: number): number | undefined {
  if (!count) return undefined;
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  switch (key) {
    case 'ArrowDown':
    case 'PageDown':
      return clamp(from + 1);
    case 'ArrowUp':
    case 'PageUp':
      return clamp(from - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

/** Keys that move between articles from anywhere inside one, its buttons included. */
export const ARTICLE_KEYS = new Set(['PageDown', 'PageUp']);

/** The feed pattern's way out: Ctrl+End to what follows the feed, Ctrl+Home to what precedes it. */
export function feedExit(e: KeyboardEvent): 'before' | 'after' | undefined {
  if (!e.ctrlKey || e.altKey || e.metaKey || e.shiftKey) return undefined;
  return e.key === 'End' ? 'after' : e.key === 'Home' ? 'before' : undefined;
}
