/** HTML entity decoding (tweets arrive HTML-escaped: `&amp;`, `&lt;`). Browser-safe: no DOM, no Node APIs. */

const NAMED: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', hellip: '…', mdash: '—', ndash: '–',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', copy: '©', reg: '®', trade: '™', euro: '€', pound: '£',
};

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));/g;

function fromCodePoint(cp: number, raw: string): string {
  // Invalid or surrogate code points stay as written rather than throwing.
  if (!Number.isFinite(cp) || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return raw;
  return String.fromCodePoint(cp);
}

/** Decodes numeric and common named entities once (`&amp;lt;` becomes `&lt;`, as a browser would). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (raw, dec?: string, hex?: string, name?: string) => {
    if (dec !== undefined) return fromCodePoint(parseInt(dec, 10), raw);
    if (hex !== undefined) return fromCodePoint(parseInt(hex, 16), raw);
    return NAMED[name!.toLowerCase()] ?? raw;
  });
}
