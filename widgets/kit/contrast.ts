const DARK = '#0f1720';
const LIGHT = '#ffffff';

/** The text colour (near-black or white) with the higher WCAG contrast ratio on `background`. */
export function readableOn(background: string): string {
  const rgb = parse(background);
  if (!rgb) return DARK;
  const l = luminance(rgb);
  const onDark = (1.05) / (l + 0.05);
  const onLight = (l + 0.05) / (luminance([15, 23, 32]) + 0.05);
  return onLight >= onDark ? DARK : LIGHT;
}

function parse(color: string): [number, number, number] | undefined {
  const hex = /^#([0-9a-f]{6})$/i.exec(color);
  if (hex) {
    const n = parseInt(hex[1]!, 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  const rgb = /^rgba?\(\s*(\d+)[,\s]+(\d+)[,\s]+(\d+)/i.exec(color);
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : undefined;
}

/** Relative luminance, WCAG 2.x. */
function luminance([r, g, b]: [number, number, number]): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}
