// Twelve distinguishable hues (Tableau 10 + two), then repeated lighter; community and track colours.
const BASE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac', '#17becf', '#8c564b'];

export function paletteColor(index: number): string {
  return BASE[((index % BASE.length) + BASE.length) % BASE.length]!;
}

export const MUTED = '#c9ced6';
