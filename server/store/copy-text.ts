/** Encodes values in PostgreSQL's COPY text format: tab-separated, `\N` for NULL, backslash escapes. */

const SPECIAL = /[\\\t\n\r]/g;
const HAS_SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  // Most values need no escaping; testing first is cheaper than a replace that finds nothing.
  if (typeof value === 'string') return HAS_SPECIAL.test(value) ? value.replace(SPECIAL, (c) => ESCAPES[c]!) : value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`rapport/store: cannot copy non-finite number ${value}`);
    return String(value);
  }
  return JSON.stringify(value).replace(SPECIAL, (c) => ESCAPES[c]!);
}

export function copyLine(values: readonly unknown[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) line += (i ? '\t' : '') + copyValue(values[i]);
  return line + '\n';
}

/** A text value for COPY, `\\N` for null: the hot path of bulk loads, so no array and no dispatch per row. */
export function copyText(value: string | null | undefined): string {
  if (value == null) return '\\N';
  return HAS_SPECIAL.test(value) ? value.replace(SPECIAL, (c) => ESCAPES[c]!) : value;
}
