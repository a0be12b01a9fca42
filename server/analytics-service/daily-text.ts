/** Parses the store's daily-activity text (`ActivityDump.daily`) straight into typed arrays. */
import { SECONDS_PER_DAY } from '../analytics/activity';

export interface DailyColumns {
  customer: Int32Array;
  day: Int32Array;
  invoices: Int32Array;
  monetary: Float64Array;
  lastSecond: Int32Array;
}

/** `indexOf` maps a store customer id to its index; rows of a customer it does not know (-1) are skipped. */
export function parseDailyText(text: string, indexOf: (id: number) => number): DailyColumns {
  let lines = text.length ? 1 : 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
  const customer = new Int32Array(lines);
  const day = new Int32Array(lines);
  const invoices = new Int32Array(lines);
  const monetary = new Float64Array(lines);
  const lastSecond = new Int32Array(lines);
  let kept = 0;
  let pos = 0;
  // Integers by char code (no substring per field); the amount, a decimal, through Number.
  const integer = (): number => {
    let sign = 1;
    if (text.charCodeAt(pos) === 45) (sign = -1), pos++;
    let value = 0;
    for (let ch = text.charCodeAt(pos); ch >= 48 && ch <= 57; ch = text.charCodeAt(++pos)) value = value * 10 + (ch - 48);
    pos++; // the separator
    return sign * value;
  };
  for (let line = 0; line < lines; line++) {
    const c = indexOf(integer());
    const n = integer();
    const comma = text.indexOf(',', pos);
    const m = Number(text.slice(pos, comma));
    pos = comma + 1;
    const last = integer();
    const d = Math.floor(last / SECONDS_PER_DAY);
    if (c < 0) continue;
    customer[kept] = c;
    day[kept] = d;
    invoices[kept] = n;
    monetary[kept] = m;
    lastSecond[kept] = last - d * SECONDS_PER_DAY;
    kept++;
  }
  return {
    customer: customer.subarray(0, kept),
    day: day.subarray(0, kept),
    invoices: invoices.subarray(0, kept),
    monetary: monetary.subarray(0, kept),
    lastSecond: lastSecond.subarray(0, kept),
  };
}
