import { scaleLinear } from 'd3-scale';
import type { ReliabilityBin } from './calibration.js';
import { chartFrame } from './chart-frame.js';
import { escapeXml as esc, pct } from './format.js';

export interface ReliabilitySeries {
  title: string;
  colour: string;
  /** The probabilities as served (with the model's temperature). */
  served: readonly ReliabilityBin[];
  /** The graph's own probabilities (temperature 1). */
  raw: readonly ReliabilityBin[];
}

/** Bins with fewer texts than this are left out: their accuracy is mostly noise. */
export const MIN_BIN = 20;

/**
 * A reliability diagram as a standalone SVG: for each set, accuracy against mean top probability, one marker per bin
 * of top probability; solid as served, dashed without the temperature. On the grey diagonal a model is right as often
 * as it says; below it, over-confident.
 */
export function reliabilitySvg(model: string, temperature: number, series: readonly ReliabilitySeries[]): string {
  const [w, h] = [640, 420];
  const m = { left: 64, right: 170, top: 40, bottom: 48 };
  const x = scaleLinear().domain([0.3, 1]).range([m.left, w - m.right]);
  const shown = series.flatMap((s) => [...s.served, ...s.raw]).filter((b) => b.n >= MIN_BIN);
  const low = Math.min(0.2, ...shown.map((b) => Math.floor(b.accuracy * 5) / 5));
  const y = scaleLinear().domain([low, 1]).range([h - m.bottom, m.top]);
  const parts = chartFrame({
    width: w, height: h, x, y,
    title: `${model}: reliability of its probabilities (temperature ${temperature})`,
    heading: `${model}: how often it is right against how sure it says it is`,
    xTicks: [0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1],
    yTicks: y.ticks(5),
    xFormat: (t) => t.toFixed(1),
    yFormat: (t) => t.toFixed(1),
    xLabel: 'probability of the predicted class (mean per bin of 1/15)',
    yLabel: 'share predicted right',
  });
  parts.push(`<line x1="${x(0.3)}" y1="${y(0.3)}" x2="${x(1)}" y2="${y(1)}" stroke="#bbb" stroke-width="1.5"/>`);
  const line = (bins: readonly ReliabilityBin[]) =>
    bins.filter((b) => b.n >= MIN_BIN).map((b, i) => `${i ? 'L' : 'M'}${x(b.confidence).toFixed(1)} ${y(b.accuracy).toFixed(1)}`).join(' ');
  series.forEach((s, i) => {
    parts.push(`<path d="${line(s.raw)}" fill="none" stroke="${s.colour}" stroke-width="1.2" stroke-dasharray="4 3" opacity="0.7"/>`);
    parts.push(`<path d="${line(s.served)}" fill="none" stroke="${s.colour}" stroke-width="2"/>`);
    for (const b of s.served.filter((b) => b.n >= MIN_BIN)) {
      parts.push(
        `<circle cx="${x(b.confidence)}" cy="${y(b.accuracy)}" r="3" fill="${s.colour}">` +
          `<title>${esc(s.title)}: ${b.n} texts with top probability ${b.lo.toFixed(2)}–${b.hi.toFixed(2)}, mean ${pct(b.confidence)}, right ${pct(b.accuracy)}</title></circle>`,
      );
    }
    parts.push(`<text x="${w - m.right + 12}" y="${m.top + 16 + i * 20}" fill="${s.colour}">${esc(s.title)}</text>`);
  });
  const legend = m.top + 16 + series.length * 20 + 12;
  parts.push(
    `<line x1="${w - m.right + 12}" y1="${legend}" x2="${w - m.right + 40}" y2="${legend}" stroke="#333" stroke-width="2"/>`,
    `<text x="${w - m.right + 46}" y="${legend + 4}">as served</text>`,
    `<line x1="${w - m.right + 12}" y1="${legend + 18}" x2="${w - m.right + 40}" y2="${legend + 18}" stroke="#333" stroke-width="1.2" stroke-dasharray="4 3"/>`,
    `<text x="${w - m.right + 46}" y="${legend + 22}">temperature 1</text>`,
    `<text x="${w - m.right + 12}" y="${legend + 44}" fill="#888">diagonal: as sure</text>`,
    `<text x="${w - m.right + 12}" y="${legend + 58}" fill="#888">as right</text>`,
    '</svg>',
  );
  return parts.join('\n') + '\n';
}
