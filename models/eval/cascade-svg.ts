import { scaleLinear } from 'd3-scale';
import type { CascadePoint } from './cascade-curve.js';
import { chartFrame } from './chart-frame.js';
import { escapeXml as esc, pct } from './format.js';

export interface CascadeSeries {
  title: string;
  points: readonly CascadePoint[];
  colour: string;
}

/**
 * A cascade's trade-off as a standalone SVG: macro-F1 against the share of texts its full model sees, one line per set,
 * one marker per margin, the chosen margin filled and named, the quality aim dashed. Where the curve flattens, more
 * texts through the slow model buy nothing.
 */
export function cascadeSvg(model: string, gate: string, series: readonly CascadeSeries[], chosen: number, aim: number): string {
  const [w, h] = [640, 360];
  const m = { left: 64, right: 150, top: 40, bottom: 48 };
  const x = scaleLinear().domain([0, 1]).range([m.left, w - m.right]);
  const values = [aim, ...series.flatMap((s) => s.points.map((p) => p.macroF1))];
  const y = scaleLinear().domain([Math.min(...values) - 0.005, Math.max(...values) + 0.005]).range([h - m.bottom, m.top]).nice();
  const [x0, x1] = x.range() as [number, number];
  const parts = chartFrame({
    width: w, height: h, x, y,
    title: `${model} as a cascade behind ${gate}: macro-F1 against the share of texts it sees`,
    heading: `${model} behind ${gate}: macro-F1 against the share of texts ${model} sees`,
    xTicks: x.ticks(5),
    yTicks: y.ticks(6),
    xFormat: (t) => `${Math.round(t * 100)} %`,
    yFormat: (t) => t.toFixed(3),
    xLabel: `share of texts sent on to ${model} (margins 0 to 1 in steps of 0.05)`,
    yLabel: 'macro-F1',
  });
  parts.push(
    `<line x1="${x0}" y1="${y(aim)}" x2="${x1}" y2="${y(aim)}" stroke="#c0392b" stroke-dasharray="5 4"/>`,
    // Above the line, inside the plot: the series' names take the right margin.
    `<text x="${x(0.7)}" y="${y(aim) - 5}" text-anchor="middle" fill="#c0392b" stroke="#fff" stroke-width="3" paint-order="stroke">aim ${aim.toFixed(2)}</text>`,
  );
  for (const s of series) {
    const path = s.points.map((p, i) => `${i ? 'L' : 'M'}${x(p.share).toFixed(1)} ${y(p.macroF1).toFixed(1)}`).join(' ');
    parts.push(`<path d="${path}" fill="none" stroke="${s.colour}" stroke-width="2"/>`);
    for (const p of s.points) {
      const on = Math.abs(p.margin - chosen) < 1e-9;
      parts.push(
        `<circle cx="${x(p.share)}" cy="${y(p.macroF1)}" r="${on ? 5 : 3}" fill="${on ? s.colour : '#fff'}" stroke="${s.colour}" stroke-width="1.5">` +
          `<title>${esc(s.title)}, margin ${p.margin.toFixed(2)}: ${Math.round(p.share * 100)} % sent on, accuracy ${pct(p.accuracy)}, macro-F1 ${pct(p.macroF1)}</title></circle>`,
      );
    }
    const last = s.points[s.points.length - 1]!;
    parts.push(`<text x="${x1 + 4}" y="${y(last.macroF1) + 4}" fill="${s.colour}">${esc(s.title)}</text>`);
    const pick = s.points.find((p) => Math.abs(p.margin - chosen) < 1e-9);
    if (pick) {
      parts.push(`<text x="${x(pick.share) + 8}" y="${y(pick.macroF1) + 16}" fill="${s.colour}" stroke="#fff" stroke-width="3" paint-order="stroke">margin ${chosen} (${Math.round(pick.share * 100)} %)</text>`);
    }
  }
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
