import { LABELS } from '../tokenizer/index.js';
import { escapeXml as esc } from './format.js';

/** A confusion matrix as a small standalone SVG heat map (rows gold, columns predicted, shade = row share). */
export function confusionSvg(confusion: readonly (readonly number[])[], title: string): string {
  const cell = 72;
  const left = 96;
  const top = 64;
  const w = left + cell * LABELS.length + 16;
  const h = top + cell * LABELS.length + 40;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="sans-serif" font-size="12">`,
    `<title>${esc(title)}</title>`,
    `<text x="${w / 2}" y="18" text-anchor="middle" font-size="13" font-weight="bold">${esc(title)}</text>`,
    `<text x="${left + (cell * LABELS.length) / 2}" y="38" text-anchor="middle">predicted</text>`,
    `<text transform="translate(14 ${top + (cell * LABELS.length) / 2}) rotate(-90)" text-anchor="middle">gold</text>`,
  ];
  LABELS.forEach((label, j) => {
    parts.push(`<text x="${left + j * cell + cell / 2}" y="${top - 8}" text-anchor="middle">${label}</text>`);
    parts.push(`<text x="${left - 6}" y="${top + j * cell + cell / 2 + 4}" text-anchor="end">${label}</text>`);
  });
  confusion.forEach((row, i) => {
    const total = row.reduce((a, b) => a + b, 0) || 1;
    row.forEach((n, j) => {
      const share = n / total;
      const light = Math.round(97 - share * 62);
      const x = left + j * cell;
      const y = top + i * cell;
      parts.push(`<rect x="${x}" y="${y}" width="${cell}" height="${cell}" fill="hsl(212 70% ${light}%)" stroke="#fff"/>`);
      parts.push(`<text x="${x + cell / 2}" y="${y + cell / 2 + 4}" text-anchor="middle" fill="${share > 0.5 ? '#fff' : '#111'}">${n}</text>`);
    });
  });
  parts.push(`<text x="${w / 2}" y="${h - 12}" text-anchor="middle" fill="#555">rows: gold label · shade: share of the row</text>`, '</svg>');
  return parts.join('\n') + '\n';
}
