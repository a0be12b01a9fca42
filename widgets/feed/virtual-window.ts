/** Row offsets for a virtualised list whose rows have a base height plus an optional extra (an open panel). */
export interface RowLayout {
  /** offsets[i] = top of row i; offsets[n] = total height. */
  offsets: Float64Array;
}

export function layoutRows(count: number, height: (index: number) => number): RowLayout {
  const offsets = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) offsets[i + 1] = offsets[i]! + height(i);
  return { offsets };
}

/** First row whose bottom is below `y` (binary search). */
export function rowAt(layout: RowLayout, y: number): number {
  const { offsets } = layout;
  let lo = 0;
  let hi = offsets.length - 2;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1]! <= y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Rows to render for a viewport at `scrollTop` of `height` px, with `overscan` extra rows each side. */
export function visibleRange(layout: RowLayout, scrollTop: number, height: number, overscan = 4): [number, number] {
  const n = layout.offsets.length - 1;
  if (n <= 0) return [0, 0];
  const start = Math.max(0, rowAt(layout, scrollTop) - overscan);
  const end = Math.min(n, rowAt(layout, scrollTop + height) + 1 + overscan);
  return [start, end];
}
