/** Sorts by a numeric key computed once per item (not once per comparison); stable. */
export function sortBy<T>(items: readonly T[], key: (item: T) => number): T[] {
  const keys = Float64Array.from(items, key);
  const order = items.map((_, i) => i);
  order.sort((a, b) => keys[a]! - keys[b]! || a - b);
  return order.map((i) => items[i]!);
}
