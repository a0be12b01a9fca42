/**
 * Date parsing for every reader. Times without a zone are read as UTC: the data sets keep local wall-clock time
 * without saying which zone (Online Retail is UK time), and UTC keeps days and months exactly as written.
 */

// 2010-12-01 08:26:00, 2010-12-01T08:26:00.5Z, 2015-02-24 11:35:52 -0800, 2010-12-01
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
// 12/1/2010 8:26 (month first, as Online Retail's spreadsheet writes it)
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
// 19970101 (CDNOW)
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/** Milliseconds since the epoch, or NaN when `text` is not one of the accepted forms or names no real time. */
export function parseDateTime(text: string): number {
  let m = ISO.exec(text);
  if (m) return build(+m[1]!, +m[2]!, +m[3]!, m[4], m[5], m[6], m[7], m[8]);
  m = US.exec(text);
  if (m) return build(+m[3]!, +m[1]!, +m[2]!, m[4], m[5], m[6], undefined, undefined);
  m = COMPACT.exec(text);
  if (m) return build(+m[1]!, +m[2]!, +m[3]!, undefined, undefined, undefined, undefined, undefined);
  return NaN;
}

function build(
  year: number,
  month: number,
  day: number,
  hour: string | undefined,
  minute: string | undefined,
  second: string | undefined,
  fraction: string | undefined,
  zone: string | undefined,
): number {
  const h = hour === undefined ? 0 : +hour;
  const min = minute === undefined ? 0 : +minute;
  const s = second === undefined ? 0 : +second;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || h > 23 || min > 59 || s > 59) return NaN;
  const ms = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  // Date.UTC reads years 0–99 as 1900–1999; 400 Gregorian years later is the same calendar, 12,622,780,800 s on.
  const utc = year < 100 ? Date.UTC(year + 400, month - 1, day, h, min, s, ms) - 12_622_780_800_000 : Date.UTC(year, month - 1, day, h, min, s, ms);
  return utc - offsetMinutes(zone) * 60_000;
}

function offsetMinutes(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z' || zone === 'z') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Parses with a one-entry cache: consecutive rows often repeat a time (all lines of one invoice), and those rows share
 * one Date (records are never mutated), so a bulk load allocates a Date per distinct time, not per row.
 */
export class DateCache {
  private lastText = '';
  private lastDate: Date | null = null;

  /** The time `text` names, or null when it is not a date. */
  parse(text: string): Date | null {
    if (text !== this.lastText) {
      this.lastText = text;
      const ms = parseDateTime(text);
      this.lastDate = Number.isNaN(ms) ? null : new Date(ms);
    }
    return this.lastDate;
  }
}
