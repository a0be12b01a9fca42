/**
 * A number as COPY text, the same digits `String` writes. Prices and amounts are nearly always whole cents, which are
 * written from the integer number of cents: exact (when `cents / 100` is the very double, so is the decimal it
 * spells) and several times cheaper than the general shortest-digits conversion, a measurable share of a bulk load.
 */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`rapport/ingest: cannot store the number ${value}`);
  const cents = Math.round(value * 100);
  if (cents / 100 !== value || Math.abs(cents) > 1e15) return String(value);
  const abs = cents < 0 ? -cents : cents;
  const whole = Math.floor(abs / 100);
  const fraction = abs - whole * 100;
  const sign = cents < 0 ? '-' : '';
  if (fraction === 0) return `${sign}${whole}`;
  if (fraction % 10 === 0) return `${sign}${whole}.${fraction / 10}`;
  return `${sign}${whole}.${fraction < 10 ? '0' : ''}${fraction}`;
}
