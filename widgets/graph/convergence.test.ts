import { describe, expect, it } from 'vitest';
import { ConvergenceMeter } from './convergence.js';

/** Feeds one iteration: every node moved by `step` along x (a 100-wide drawing). */
function iterate(meter: ConvergenceMeter, positions: Float64Array, step: number): boolean {
  let ended = false;
  for (let i = 0; i < positions.length / 2; i++) {
    positions[2 * i] = positions[2 * i]! + (i % 2 ? step : -step);
    ended = meter.observe(positions[2 * i]!, positions[2 * i + 1]!);
  }
  return ended;
}

describe('ConvergenceMeter', () => {
  const start = () => Float64Array.from({ length: 200 }, (_, k) => (k % 2 ? (k * 7) % 100 : k / 2));

  it('is stable once the mean displacement per iteration stays below the tolerance, after the minimum iterations', () => {
    const p = start();
    const meter = new ConvergenceMeter(p, { tolerance: 1e-3, window: 5, minIterations: 8 });
    for (let k = 0; k < 6; k++) expect(iterate(meter, p, 5)).toBe(true); // 5 % of the extent per iteration
    expect(meter.stable).toBe(false);
    expect(meter.movement).toBeGreaterThan(0.03); // the drawing widens as it moves
    for (let k = 0; k < 4; k++) iterate(meter, p, 0.01);
    expect(meter.stable).toBe(false); // the window still holds big steps
    iterate(meter, p, 0.01);
    expect(meter.iterations).toBe(11);
    expect(meter.movement).toBeLessThan(1e-3);
    expect(meter.stable).toBe(true);
  });

  it('never calls a layout stable before the minimum number of iterations', () => {
    const p = start();
    const meter = new ConvergenceMeter(p, { window: 2, minIterations: 30 });
    for (let k = 0; k < 29; k++) iterate(meter, p, 0);
    expect(meter.movement).toBe(0);
    expect(meter.stable).toBe(false);
    iterate(meter, p, 0);
    expect(meter.stable).toBe(true);
  });
});

describe('ConvergenceMeter options', () => {
  it('keeps a default for an option passed as undefined', () => {
    const p = Float64Array.from([0, 0, 1, 1]);
    const meter = new ConvergenceMeter(p, { tolerance: undefined, window: undefined, minIterations: 2 });
    for (let k = 0; k < 10; k++) {
      meter.observe(0, 0);
      meter.observe(1, 1);
    }
    expect(meter.movement).toBe(0);
    expect(meter.stable).toBe(true);
  });
});
