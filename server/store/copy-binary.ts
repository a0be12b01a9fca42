/**
 * Rows in PostgreSQL's binary COPY format, for the bulk loads where the database's own parsing of text is a
 * measurable share of the work (numerics and timestamps: ≈ 0.25 of 2.1 CPU-seconds loading Online Retail's lines,
 * docs/ingestion.md). Each row is a field count, then per field its length in bytes (-1 for NULL) and its value in
 * the type's send format. A COPY is `BINARY_HEADER`, the rows, `BINARY_TRAILER`; the stores add those two.
 */

export const BINARY_HEADER = Buffer.from([
  0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, // PGCOPY\n\377\r\n\0
  0, 0, 0, 0, // flags
  0, 0, 0, 0, // header extension length
]);
export const BINARY_TRAILER = Buffer.from([0xff, 0xff]);

/** Refuses rows in the other format than the COPY's: text goes as a string, binary rows as bytes. */
export function checkCopyFormat(rows: string | Uint8Array, format: 'text' | 'binary'): void {
  if (typeof rows === 'string' === (format === 'binary')) {
    throw new TypeError(`rapport/store: a ${format} COPY takes ${format === 'binary' ? 'bytes' : 'text'}`);
  }
}

/** Microseconds from the Unix epoch to PostgreSQL's (2000-01-01). */
const PG_EPOCH_US = 946_684_800_000_000;
const TWO_32 = 2 ** 32;
const NUMERIC_NEG = 0x4000;

/**
 * Appends binary COPY rows to a buffer that grows as needed; `take` hands the rows over and starts afresh. Bytes are
 * set directly rather than through Buffer's checked write methods, and short ASCII text is copied by a loop rather
 * than a native call: this runs eleven times per order line (the first version cost Node more than the database
 * saved).
 */
export class BinaryRows {
  #buf = Buffer.allocUnsafe(1 << 20);
  #at = 0;
  /** Rows written since the last `take`. */
  count = 0;

  row(fields: number): this {
    this.#room(2);
    this.#i16(fields);
    this.count++;
    return this;
  }

  null(): this {
    this.#room(4);
    this.#i32(-1);
    return this;
  }

  text(value: string | null | undefined): this {
    if (value == null) return this.null();
    const n = value.length;
    this.#room(4 + n * 3);
    const b = this.#buf;
    const start = this.#at + 4;
    let i = 0;
    if (n <= 64) for (; i < n; i++) {
      const c = value.charCodeAt(i);
      if (c >= 0x80) break;
      b[start + i] = c;
    }
    const bytes = i === n ? n : b.write(value, start, 'utf8');
    this.#i32(bytes);
    this.#at += bytes;
    return this;
  }

  int4(value: number): this {
    this.#room(8);
    this.#i32(4);
    this.#i32(value);
    return this;
  }

  int8(value: number | null): this {
    if (value === null) return this.null();
    if (!Number.isSafeInteger(value)) throw new RangeError(`rapport/store: ${value} is not a safe integer for bigint`);
    this.#room(12);
    this.#i32(8);
    this.#i64(value);
    return this;
  }

  bool(value: boolean): this {
    this.#room(5);
    this.#i32(1);
    this.#buf[this.#at++] = value ? 1 : 0;
    return this;
  }

  /** A `timestamptz`: microseconds since 2000-01-01 UTC. */
  timestamp(date: Date): this {
    const ms = date.getTime();
    if (!Number.isFinite(ms)) throw new RangeError('rapport/store: cannot copy an invalid date');
    this.#room(12);
    this.#i32(8);
    this.#i64(ms * 1000 - PG_EPOCH_US);
    return this;
  }

  /** A `numeric` holding exactly the decimal `String(value)` spells, with the same scale as that text gets. */
  numeric(value: number): this {
    const cents = Math.round(value * 100);
    if (cents / 100 === value && cents < 1e10 && cents > -1e10) {
      // Whole cents below 10^8 (nearly every price and amount): at most three base-10,000 digits, no allocation.
      const abs = cents < 0 ? -cents : cents;
      const fraction = abs % 100;
      const whole = (abs - fraction) / 100;
      const high = Math.floor(whole / 1e4);
      const low = whole % 1e4;
      const dscale = fraction === 0 ? 0 : fraction % 10 === 0 ? 1 : 2;
      // Digits from the most significant: [high?, low?, fraction?], dropping leading and trailing zeros.
      let first = high ? 0 : low ? 1 : 2;
      let last = fraction ? 2 : low ? 1 : high ? 0 : -1;
      if (last < first) first = last = -1;
      const count = last < 0 ? 0 : last - first + 1;
      this.#room(12 + count * 2);
      this.#i32(8 + count * 2);
      this.#i16(count);
      this.#i16(count ? 1 - first : 0);
      this.#i16(cents < 0 ? NUMERIC_NEG : 0);
      this.#i16(dscale);
      for (let d = first; count && d <= last; d++) this.#i16(d === 0 ? high : d === 1 ? low : fraction * 100);
      return this;
    }
    const { digits, weight, negative, dscale } = numericParts(value);
    this.#room(12 + digits.length * 2);
    this.#i32(8 + digits.length * 2);
    this.#i16(digits.length);
    this.#i16(weight);
    this.#i16(negative ? NUMERIC_NEG : 0);
    this.#i16(dscale);
    for (const d of digits) this.#i16(d);
    return this;
  }

  /** The rows written since the last call (a copy: the buffer is reused). */
  take(): Buffer {
    const rows = Buffer.from(this.#buf.subarray(0, this.#at));
    this.#at = 0;
    this.count = 0;
    return rows;
  }

  #i16(value: number): void {
    const b = this.#buf;
    b[this.#at] = value >> 8;
    b[this.#at + 1] = value;
    this.#at += 2;
  }

  #i32(value: number): void {
    const b = this.#buf;
    const at = this.#at;
    b[at] = value >>> 24;
    b[at + 1] = value >>> 16;
    b[at + 2] = value >>> 8;
    b[at + 3] = value;
    this.#at = at + 4;
  }

  #i64(value: number): void {
    const high = Math.floor(value / TWO_32);
    this.#i32(high);
    this.#i32(value - high * TWO_32);
  }

  #room(bytes: number): void {
    if (this.#at + bytes <= this.#buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.#buf.length * 2, this.#at + bytes));
    this.#buf.copy(bigger, 0, 0, this.#at);
    this.#buf = bigger;
  }
}

interface NumericParts {
  /** Base-10,000 digits, most significant first, without leading or trailing zero digits. */
  digits: number[];
  /** Power of 10,000 of the first digit. */
  weight: number;
  negative: boolean;
  /** Decimal digits after the point. */
  dscale: number;
}

/**
 * The parts of the numeric `String(value)` spells (`BinaryRows.numeric` splits whole cents itself), read from that
 * shortest decimal text, exponent and all.
 */
function numericParts(value: number): NumericParts {
  if (!Number.isFinite(value)) throw new RangeError(`rapport/store: cannot copy the number ${value}`);
  return fromText(String(value));
}

function fromText(text: string): NumericParts {
  const negative = text.startsWith('-');
  const [mantissa, exponent] = (negative ? text.slice(1) : text).split('e') as [string, string | undefined];
  const [whole, fraction = ''] = mantissa.split('.') as [string, string | undefined];
  let all = whole + fraction;
  let point = whole.length + (exponent === undefined ? 0 : Number(exponent)); // digits of `all` before the point
  if (point < 0) {
    all = '0'.repeat(-point) + all;
    point = 0;
  }
  if (point > all.length) all += '0'.repeat(point - all.length);
  const intText = all.slice(0, point);
  const fracText = all.slice(point);
  const dscale = fracText.length;
  const intPadded = '0'.repeat((4 - (intText.length % 4)) % 4) + intText;
  const fracPadded = fracText + '0'.repeat((4 - (fracText.length % 4)) % 4);
  const digits: number[] = [];
  for (let i = 0; i < intPadded.length; i += 4) digits.push(Number(intPadded.slice(i, i + 4)));
  for (let i = 0; i < fracPadded.length; i += 4) digits.push(Number(fracPadded.slice(i, i + 4)));
  return trim({ digits, weight: intPadded.length / 4 - 1, negative, dscale });
}

/** Drops leading zero digits (lowering the weight) and trailing ones; zero has no digits, weight 0, and no sign. */
function trim(p: NumericParts): NumericParts {
  let start = 0;
  while (start < p.digits.length && p.digits[start] === 0) start++;
  let end = p.digits.length;
  while (end > start && p.digits[end - 1] === 0) end--;
  if (start === end) return { digits: [], weight: 0, negative: false, dscale: p.dscale };
  return { digits: p.digits.slice(start, end), weight: p.weight - start, negative: p.negative, dscale: p.dscale };
}

/**
 * Checks that every row of binary COPY data holds `tenant` in field `col` (the tenant-scoped stores' guard, as
 * `checkCopyTenant` is for text). Returns false on the first row that does not, or on data that is not whole rows.
 */
export function rowsHoldTenant(rows: Uint8Array, col: number, tenant: string): boolean {
  const b = Buffer.isBuffer(rows) ? rows : Buffer.from(rows.buffer, rows.byteOffset, rows.byteLength);
  const want = Buffer.from(tenant, 'utf8');
  let at = 0;
  while (at < b.length) {
    if (at + 2 > b.length) return false;
    const fields = b.readInt16BE(at);
    at += 2;
    if (fields <= col) return false;
    for (let f = 0; f < fields; f++) {
      if (at + 4 > b.length) return false;
      const length = b.readInt32BE(at);
      at += 4;
      if (f === col && (length !== want.length || !b.subarray(at, at + length).equals(want))) return false;
      if (length > 0) at += length;
      if (at > b.length) return false;
    }
  }
  return true;
}
