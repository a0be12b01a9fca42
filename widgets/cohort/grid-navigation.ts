/** A cell position in the heatmap: row = cohort index, col = periods since acquisition. */
export interface CellPos {
  row: number;
  col: number;
}

/**
 * The cell an arrow/Home/End/PageUp/PageDown key moves to, skipping positions without a value (the triangle's
 * empty corner). `lengths[row]` is how many values a row has. Returns undefined for other keys.
 */
export function nextCell(key: string, from: CellPos, lengths: readonly number[]): CellPos | undefined {
  const last = lengths.length - 1;
  const clampCol = (row: number, col: number) => Math.max(0, Math.min(col, (lengths[row] ?? 1) - 1));
  const vertical = (row: number) => {
    // Rows shorter than the column: move on to the nearest row that has it, else the end of the target row.
    const r = Math.max(0, Math.min(row, last));
    return { row: r, col: clampCol(r, from.col) };
  };
  switch (key) {
    case 'ArrowRight':
      return { row: from.row, col: clampCol(from.row, from.col + 1) };
    case 'ArrowLeft':
      return { row: from.row, col: Math.max(0, from.col - 1) };
    case 'ArrowDown':
      return vertical(from.row + 1);
    case 'ArrowUp':
      return vertical(from.row - 1);
    case 'Home':
      return { row: from.row, col: 0 };
    case 'End':
      return { row: from.row, col: clampCol(from.row, Infinity) };
    case 'PageUp':
      return vertical(0);
    case 'PageDown':
      return vertical(last);
    default:
      return undefined;
  }
}
