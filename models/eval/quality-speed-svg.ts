import { scaleLinear, scaleLog } from 'd3-scale';
import { chartFrame } from './chart-frame.js';
import { escapeXml as esc, pct, range } from './format.js';

/** One model on the quality / speed chart. */
export interface QualitySpeedPoint {
  name: string;
  /** Airline test macro-F1 and its 95 % bootstrap interval. */
  macroF1: number;
  interval: [number, number];
  /** Texts per CPU-second on onnxruntime-node at batch 64 (independent of the machine's load). */
  speed: number;
  isDefault: boolean;
}

/**
 * Quality against speed as a standalone SVG: airline test macro-F1 with its 95 % interval as a bar, against texts per
 * CPU-second (log scale), the targets as dashed lines; the default model is filled. Where people would rather look than
 * read: which models are both fast enough and good enough, and how much the quality figures overlap.
 */
export function qualitySpeedSvg(points: readonly QualitySpeedPoint[], target: { macroF1: number; speed: number }): string {
  const [w, h] = [640, 360];
  const m = { left: 64, right: 150, top: 40, bottom: 48 };
  const speeds = [target.speed, ...points.map((p) => p.speed)];
  const x = scaleLog().domain([Math.min(...speeds) / 1.3, Math.max(...speeds) * 1.3]).range([m.left, w - m.right]);
  const lows = [target.macroF1, ...points.map((p) => p.interval[0])];
  const highs = [target.macroF1, ...points.map((p) => p.interval[1])];
  const y = scaleLinear().domain([Math.min(...lows) - 0.01, Math.max(...highs) + 0.01]).range([h - m.bottom, m.top]).nice();
  const [x0, x1] = x.range() as [number, number];
  const [y0, y1] = y.range() as [number, number];
  const parts = chartFrame({
    width: w, height: h, x, y,
    title: 'Sentiment models: airline test macro-F1 against server speed',
    heading: 'Airline test macro-F1 (95 % interval) against server speed',
    // 1, 2 and 5 times a power of ten: a log axis labelled at every integer is unreadable.
    xTicks: x.ticks().filter((v) => [1, 2, 5].includes(Number(v.toPrecision(1)[0]))),
    yTicks: y.ticks(6),
    xFormat: (t) => t.toLocaleString('en-US'),
    yFormat: (t) => t.toFixed(2),
    xLabel: 'texts per CPU-second, onnxruntime-node, batch 64 (log scale)',
    yLabel: 'macro-F1',
  });
  parts.push(
    `<line x1="${x0}" y1="${y(target.macroF1)}" x2="${x1}" y2="${y(target.macroF1)}" stroke="#c0392b" stroke-dasharray="5 4"/>`,
    `<text x="${x1 + 4}" y="${y(target.macroF1) + 4}" fill="#c0392b">aim ${target.macroF1.toFixed(2)}</text>`,
    `<line x1="${x(target.speed)}" y1="${y0}" x2="${x(target.speed)}" y2="${y1}" stroke="#c0392b" stroke-dasharray="5 4"/>`,
    `<text x="${x(target.speed) + 4}" y="${y1 + 12}" fill="#c0392b">${target.speed.toLocaleString('en-US')}/s</text>`,
  );
  // Names avoid every marker and each other; they may cross an interval bar, over a white halo.
  const placed: Box[] = points.map((p) => ({ x: x(p.speed) - 6, y: y(p.macroF1) - 6, w: 12, h: 12 }));
  for (const p of points) {
    const [px, py] = [x(p.speed), y(p.macroF1)];
    const label = placeLabel(px, py, p.name, placed);
    const colour = p.isDefault ? '#1f5fa8' : '#555';
    parts.push(
      `<g><title>${esc(p.name)}: macro-F1 ${pct(p.macroF1)} (${range(p.interval)}), ` +
        `${Math.round(p.speed).toLocaleString('en-US')} texts/CPU-s</title>`,
      `<line x1="${px}" y1="${y(p.interval[0])}" x2="${px}" y2="${y(p.interval[1])}" stroke="${colour}" stroke-width="2"/>`,
      `<circle cx="${px}" cy="${py}" r="5" fill="${p.isDefault ? colour : '#fff'}" stroke="${colour}" stroke-width="2"/>`,
      `<text x="${label.x}" y="${label.y + 10}" fill="${colour}" stroke="#fff" stroke-width="3" paint-order="stroke"${p.isDefault ? ' font-weight="bold"' : ''}>${esc(p.name)}</text></g>`,
    );
  }
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * Where a point's name goes: right of the marker, else left of it, else nudged down or up in 14 px steps, the first
 * spot that overlaps no name placed before (12 px text, about 7 px a character).
 */
function placeLabel(px: number, py: number, name: string, placed: Box[]): Box {
  const [w, h] = [7 * name.length + 4, 14];
  for (const dy of [0, 14, -14, 28, -28, 42, -42]) {
    for (const x of [px + 8, px - 8 - w]) {
      const box = { x, y: py - 7 + dy, w, h };
      if (!placed.some((b) => overlaps(b, box))) {
        placed.push(box);
        return box;
      }
    }
  }
  const box = { x: px + 8, y: py - 7, w, h };
  placed.push(box);
  return box;
}
