import { describe, expect, it } from 'vitest';
import { parseDateTime } from './dates';

const utc = (iso: string) => Date.parse(iso);

describe('parseDateTime', () => {
  it('reads the forms the data sets use, zone-less as UTC', () => {
    expect(parseDateTime('2010-12-01 08:26:00')).toBe(utc('2010-12-01T08:26:00Z'));
    expect(parseDateTime('12/1/2010 8:26')).toBe(utc('2010-12-01T08:26:00Z'));
    expect(parseDateTime('19970101')).toBe(utc('1997-01-01T00:00:00Z'));
    expect(parseDateTime('2015-02-24 11:35:52 -0800')).toBe(utc('2015-02-24T19:35:52Z'));
  });

  it('reads ISO 8601 with zones and fractions', () => {
    expect(parseDateTime('2024-03-01')).toBe(utc('2024-03-01T00:00:00Z'));
    expect(parseDateTime('2024-03-01T09:30Z')).toBe(utc('2024-03-01T09:30:00Z'));
    expect(parseDateTime('2024-03-01T09:30:00.250+05:30')).toBe(utc('2024-03-01T04:00:00.250Z'));
    expect(parseDateTime('2024-03-01T09:30:00.123456Z')).toBe(utc('2024-03-01T09:30:00.123Z'));
  });

  it('reads years below 100 as written, not as 19xx', () => {
    expect(new Date(parseDateTime('0099-06-01')).toISOString()).toBe('0099-06-01T00:00:00.000Z');
    expect(new Date(parseDateTime('0001-01-01 10:00:00 +0100')).toISOString()).toBe('0001-01-01T09:00:00.000Z');
    expect(new Date(parseDateTime('0004-02-29')).toISOString()).toBe('0004-02-29T00:00:00.000Z');
  });

  it('refuses times that do not exist or other text', () => {
    for (const text of ['2010-13-01', '2011-02-29', '2010-12-01 24:00:00', '2010-12-01 08:60', '19970231', 'yesterday', '', '2010/12/01']) {
      expect(parseDateTime(text), text).toBeNaN();
    }
    expect(parseDateTime('2012-02-29')).toBe(utc('2012-02-29T00:00:00Z'));
  });
});
