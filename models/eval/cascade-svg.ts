import { scaleLinear } from 'd3-scale';
import type { CascadePoint } from './cascade-curve.js';
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
  const [y0, y1] = y.range() as [number, number];
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="sans-serif" font-size="12">`,
    `<title>${esc(model)} as a cascade behind ${esc(gate)}: macro-F1 against the share of texts it sees</title>`,
    `<text x="${w / 2}" y="20" text-anchor="middle" font-size="13" font-weight="bold">${esc(model)} behind ${esc(gate)}: macro-F1 against the share of texts ${esc(model)} sees</text>`,
    `<line x1="${x0}" y1="${y0}" x2="${x1}" y2="${y0}" stroke="#333"/>`,
    `<line x1="${x0}" y1="${y0}" x2="${x0}" y2="${y1}" stroke="#333"/>`,
  ];
  for (const t of x.ticks(5)) {
    parts.push(`<line x1="${x(t)}" y1="${y0}" x2="${x(t)}" y2="${y0 + 4}" stroke="#333"/>`);
    parts.push(`<text x="${x(t)}" y="${y0 + 16}" text-anchor="middle">${Math.round(t * 100)} %</text>`);
  }
  for (const t of y.ticks(6)) {
    parts.push(`<line x1="${x0 - 4}" y1="${y(t)}" x2="${x0}" y2="${y(t)}" stroke="#333"/>`);
    parts.push(`<text x="${x0 - 7}" y="${y(t) + 4}" text-anchor="end">${t.toFixed(3)}</text>`);
  }
  parts.push(
    `<text x="${(x0 + x1) / 2}" y="${h - 10}" text-anchor="middle">share of texts sent on to ${esc(model)} (margins 0 to 1 in steps of 0.05)</text>`,
    `<text transform="translate(16 ${(y0 + y1) / 2}) rotate(-90)" text-anchor="middle">macro-F1</text>`,
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
