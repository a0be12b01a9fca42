import type { Attributes } from 'graphology-types';
import type { NodeLabelDrawingFunction } from 'sigma/rendering';

type Draw<N extends Attributes> = NodeLabelDrawingFunction<N>;
type Box = { left: number; right: number; top: number; bottom: number };

/** Room kept clear around each label, in px. */
const MARGIN = 2;

/**
 * Node labels that never overlap. Sigma 3 chooses labels with a grid (at most `labelDensity` labels per
 * `labelGridCellSize` cell, no collision test: two nodes either side of a cell border both get theirs) and adds every
 * `forceLabel` node on top, so the always-shown influencer labels ran over each other and their neighbours'.
 * `drawNodeLabel` only collects a frame's labels; `flush` (on sigma's `afterRender`) draws them, forced ones first,
 * then larger nodes before smaller, skipping any label whose box meets one already drawn.
 */
export function labelCollisions<N extends Attributes>(draw: Draw<N>) {
  let pending: Parameters<Draw<N>>[] = [];
  const drawNodeLabel: Draw<N> = (...args) => void pending.push(args);
  const flush = () => {
    const frame = pending;
    pending = [];
    frame.sort(([, a], [, b]) => Number(!!b.forceLabel) - Number(!!a.forceLabel) || b.size - a.size);
    const placed: Box[] = [];
    for (const args of frame) {
      const [context, data, settings] = args;
      if (!data.label) continue;
      // Where sigma's drawDiscNodeLabel writes: 3 px right of the disc, baseline a third of the font size below centre.
      context.font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
      const m = context.measureText(data.label);
      const left = data.x + data.size + 3;
      const baseline = data.y + settings.labelSize / 3;
      const box = { left: left - MARGIN, right: left + m.width + MARGIN, top: baseline - m.fontBoundingBoxAscent - MARGIN, bottom: baseline + m.fontBoundingBoxDescent + MARGIN };
      if (placed.some((p) => p.left < box.right && box.left < p.right && p.top < box.bottom && box.top < p.bottom)) continue;
      placed.push(box);
      draw(...args);
    }
  };
  return { drawNodeLabel, flush };
}
