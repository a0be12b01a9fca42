type Rgb = [number, number, number];

const DARK = '#0f1720';
const LIGHT = '#ffffff';
const DARK_LUMINANCE = luminance([15, 23, 32]);
/** WCAG AA for normal text, plus a little room so 8-bit rounding of the adjusted fill cannot fall below it. */
const TARGET = 4.6;
/** The darkest fill dark text still reaches TARGET on, and the palest fill white text reaches it on. */
const DARK_TEXT_MIN = TARGET * (DARK_LUMINANCE + 0.05) - 0.05;
const LIGHT_TEXT_MAX = 1.05 / TARGET - 0.05;

/** The text colour (near-black or white) with the higher WCAG contrast ratio on `background`. */
export function readableOn(background: string): string {
  const rgb = parse(background);
  if (!rgb) return DARK;
  const l = luminance(rgb);
  return (l + 0.05) / (DARK_LUMINANCE + 0.05) >= 1.05 / (l + 0.05) ? DARK : LIGHT;
}

/**
 * A fill and its text colour with at least 4.5:1 contrast (WCAG AA). Mid-luminance fills (about 0.18–0.22) give
 * neither near-black nor white text 4.5:1, so those are nudged to the nearer edge of that band: lightened for dark
 * text or darkened for white text, by scaling linear light, which keeps the hue. Any other fill comes back as is.
 */
export function legibleFill(background: string): { fill: string; ink: string } {
  const rgb = parse(background);
  if (!rgb) return { fill: background, ink: DARK };
  const l = luminance(rgb);
  if (l <= LIGHT_TEXT_MAX || l >= DARK_TEXT_MIN) return { fill: background, ink: readableOn(background) };
  const linear = rgb.map(toLinear) as Rgb;
  const darken = l - LIGHT_TEXT_MAX < DARK_TEXT_MIN - l;
  const adjusted = darken
    ? linear.map((c) => c * (LIGHT_TEXT_MAX / l))
    : linear.map((c) => c + (1 - c) * ((DARK_TEXT_MIN - l) / (1 - l)));
  const fill = `rgb(${adjusted.map((c) => Math.round(fromLinear(c) * 255)).join(', ')})`;
  return { fill, ink: darken ? LIGHT : DARK };
}

/** The WCAG 2.x contrast ratio of two colours (1 to 21); NaN when either cannot be read. */
export function contrastRatio(a: string, b: string): number {
  const x = parse(a);
  const y = parse(b);
  if (!x || !y) return NaN;
  const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function parse(color: string): Rgb | undefined {
  const hex = /^#([0-9a-f]{6})$/i.exec(color);
  if (hex) {
    const n = parseInt(hex[1]!, 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  const rgb = /^rgba?\(\s*(\d+)[,\s]+(\d+)[,\s]+(\d+)/i.exec(color);
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : undefined;
}

function toLinear(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

function fromLinear(c: number): number {
  return c <= 0.0031308 ? c * 12.92 : 1.055 * c ** (1 / 2.4) - 0.055;
}

/** Relative luminance, WCAG 2.x. */
function luminance([r, g, b]: Rgb): number {
  return 0.2126 * toLinear(r) + 0.7152 * toLinear(g) + 0.0722 * toLinear(b);
}
