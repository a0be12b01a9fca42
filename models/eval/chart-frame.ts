import { escapeXml as esc } from './format.js';

/** A scale as d3-scale's: a function from a value to a pixel, and its pixel range. */
type Scale = ((v: number) => number) & { range(): number[] };

export interface FrameOptions {
  width: number;
  height: number;
  /** The SVG's `<title>` and the bold heading over the plot. */
  title: string;
  heading: string;
  x: Scale;
  y: Scale;
  xTicks: readonly number[];
  yTicks: readonly number[];
  xFormat: (v: number) => string;
  yFormat: (v: number) => string;
  xLabel: string;
  yLabel: string;
}

/**
 * The opening of a standalone chart SVG, shared by the evaluation's charts: the `<svg>` tag, title and heading, both
 * axes with their ticks and labels. The caller adds its marks and closes with `</svg>`.
 */
export function chartFrame(o: FrameOptions): string[] {
  const [x0, x1] = o.x.range() as [number, number];
  const [y0, y1] = o.y.range() as [number, number];
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${o.width}" height="${o.height}" viewBox="0 0 ${o.width} ${o.height}" font-family="sans-serif" font-size="12">`,
    `<title>${esc(o.title)}</title>`,
    `<text x="${o.width / 2}" y="20" text-anchor="middle" font-size="13" font-weight="bold">${esc(o.heading)}</text>`,
    `<line x1="${x0}" y1="${y0}" x2="${x1}" y2="${y0}" stroke="#333"/>`,
    `<line x1="${x0}" y1="${y0}" x2="${x0}" y2="${y1}" stroke="#333"/>`,
  ];
  for (const t of o.xTicks) {
    parts.push(`<line x1="${o.x(t)}" y1="${y0}" x2="${o.x(t)}" y2="${y0 + 4}" stroke="#333"/>`);
    parts.push(`<text x="${o.x(t)}" y="${y0 + 16}" text-anchor="middle">${o.xFormat(t)}</text>`);
  }
  for (const t of o.yTicks) {
    parts.push(`<line x1="${x0 - 4}" y1="${o.y(t)}" x2="${x0}" y2="${o.y(t)}" stroke="#333"/>`);
    parts.push(`<text x="${x0 - 7}" y="${o.y(t) + 4}" text-anchor="end">${o.yFormat(t)}</text>`);
  }
  parts.push(
    `<text x="${(x0 + x1) / 2}" y="${o.height - 10}" text-anchor="middle">${esc(o.xLabel)}</text>`,
    `<text transform="translate(16 ${(y0 + y1) / 2}) rotate(-90)" text-anchor="middle">${esc(o.yLabel)}</text>`,
  );
  return parts;
}
