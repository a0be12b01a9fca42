import { scaleSequential, scaleSequentialSqrt } from 'd3-scale';
import { interpolateYlGnBu } from 'd3-scale-chromatic';

/** Maps 0…1 to a CSS colour; any d3-scale-chromatic interpolator fits. */
export type Interpolator = (t: number) => string;

/** YlGnBu without its palest and darkest ends, so every cell stays visible on light and dark pages. */
export const defaultInterpolator: Interpolator = (t) => interpolateYlGnBu(0.1 + 0.8 * t);

/** A clamped sequential colour scale over `domain`; `sqrt` for skewed amounts such as money. */
export function sequentialColor(
  domain: readonly [number, number],
  interpolator: Interpolator = defaultInterpolator,
  kind: 'linear' | 'sqrt' = 'linear',
): (value: number) => string {
  const [lo, hi] = domain[0] < domain[1] ? domain : [domain[0], domain[0] + 1];
  const scale = (kind === 'sqrt' && lo >= 0 ? scaleSequentialSqrt(interpolator) : scaleSequential(interpolator))
    .domain([lo, hi])
    .clamp(true);
  return (value) => scale(value);
}
