import { describe, expect, it } from 'vitest';
import { DateCache } from './dates';
import { FieldError } from './field-error';
import { LineCounter, toDate, toNumber } from './values';

describe('LineCounter', () => {
  it('numbers the lines of each key, also when a key comes back after others', () => {
    const lines = new LineCounter();
    const keys = ['A', 'A', 'B', 'A', 'C', 'B', 'B', 'A'];
    expect(keys.map((k) => lines.next(k))).toEqual([1, 2, 1, 3, 1, 2, 3, 4]);
  });
});

describe('toDate and toNumber refuse what no record holds', () => {
  const dates = new DateCache();
  const refusal = (read: () => unknown) => {
    try {
      read();
    } catch (error) {
      return error instanceof FieldError ? `${error.column} ${error.message}` : String(error);
    }
    return 'read';
  };

  it('times before 1900 or more than a day ahead of the clock', () => {
    expect(refusal(() => toDate('9999-12-31', 'InvoiceDate', 5, dates))).toBe('5 InvoiceDate "9999-12-31" is in the future');
    expect(refusal(() => toDate('1899-12-31 23:59:59', 'InvoiceDate', 5, dates))).toBe('5 InvoiceDate "1899-12-31 23:59:59" is before 1900');
    expect(refusal(() => toDate('0099-06-01', 'date', 2, dates))).toBe('2 date "0099-06-01" is before 1900');
    expect(refusal(() => toDate('1900-01-01', 'date', 2, dates))).toBe('read');
    expect(refusal(() => toDate(new Date(Date.now() + 3_600_000).toISOString(), 'date', 2, dates))).toBe('read');
    expect(refusal(() => toDate(new Date(Date.now() + 2 * 86_400_000).toISOString(), 'date', 2, dates))).toMatch(/in the future$/);
  });

  it('numbers beyond ±10¹², which would overflow sums of squares and the store', () => {
    expect(refusal(() => toNumber('1e200', 'UnitPrice', 6))).toBe('6 UnitPrice "1e200" is too large (at most 1,000,000,000,000 either way)');
    expect(refusal(() => toNumber('-1000000000001', 'Quantity', 4))).toMatch(/^4 Quantity .* too large/);
    expect(refusal(() => toNumber('-1000000000000', 'Quantity', 4))).toBe('read');
  });
});
