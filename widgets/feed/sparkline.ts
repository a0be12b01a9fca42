import { html, svg } from 'lit';
import type { Formatters } from '../kit/format.js';
import type { SentimentPoint } from './types.js';

const W = 160;
const H = 32;

/** Net sentiment over time as a small line (−1 bottom, +1 top, zero dashed), with a visually hidden table. */
export function sparkline(points: readonly SentimentPoint[], f: Formatters, caption: string) {
  const shown = points.filter((p): p is SentimentPoint & { net: number } => p.net != null && Number.isFinite(p.net));
  if (!shown.length) return '';
  const x = (i: number) => (shown.length === 1 ? W / 2 : (i / (shown.length - 1)) * W);
  const y = (v: number) => ((1 - v) / 2) * H;
  const d = shown.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.net).toFixed(1)}`).join('');
  const last = shown[shown.length - 1]!;
  const sign = last.net > 0 ? '+' : '';
  return html`<figure class="trend" part="sparkline">
    <svg viewBox="0 0 ${W} ${H}" width=${W} height=${H} aria-hidden="true" preserveAspectRatio="none">
      ${svg`<line x1="0" x2=${W} y1=${H / 2} y2=${H / 2} class="zero"></line>
      <path d=${d} class="line"></path>
      <circle cx=${x(shown.length - 1)} cy=${y(last.net)} r="2.5" class="dot"></circle>`}
    </svg>
    <figcaption><span class="meta">Net sentiment</span> <strong class="net">${sign}${f.decimal(last.net, 2)}</strong></figcaption>
    <div class="sr-only"><table>
      <caption>${caption}</caption>
      <thead><tr><th scope="col">Period</th><th scope="col">Interactions</th><th scope="col">Net sentiment</th></tr></thead>
      <tbody>${shown.map((p) => html`<tr><th scope="row">${p.key}</th><td>${f.integer(p.count)}</td><td>${f.decimal(p.net, 2)}</td></tr>`)}</tbody>
    </table></div>
  </figure>`;
}
