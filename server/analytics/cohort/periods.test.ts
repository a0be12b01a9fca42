import { describe, expect, it } from 'vitest';
import { civilFromDays, daysFromCivil, isoDate, periodOfDay, periodStartDay } from './periods';

const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe('calendar periods', () => {
  it('civil dates agree with Date for 1900..2100', () => {
    for (let day = dayOf('1900-01-01'); day <= dayOf('2100-12-31'); day += 1) {
      const date = new Date(day * 86_400_000);
      const civil = civilFromDays(day);
      if (civil[0] !== date.getUTCFullYear() || civil[1] !== date.getUTCMonth() + 1 || civil[2] !== date.getUTCDate()) {
        throw new Error(`civilFromDays(${day}) = ${civil} ≠ ${date.toISOString()}`);
      }
      if (daysFromCivil(...civil) !== day) throw new Error(`daysFromCivil(${civil}) ≠ ${day}`);
    }
    expect(isoDate(dayOf('2011-12-09'))).toBe('2011-12-09');
  });

  it('ISO weeks start on Monday', () => {
    expect(isoDate(periodStartDay(periodOfDay(dayOf('2010-12-01'), 'WEEK'), 'WEEK'))).toBe('2010-11-29');
    expect(isoDate(periodStartDay(periodOfDay(dayOf('2011-01-02'), 'WEEK'), 'WEEK'))).toBe('2010-12-27'); // a Sunday
    expect(isoDate(periodStartDay(periodOfDay(dayOf('2011-01-03'), 'WEEK'), 'WEEK'))).toBe('2011-01-03'); // a Monday
    expect(isoDate(periodStartDay(periodOfDay(dayOf('1969-12-29'), 'WEEK'), 'WEEK'))).toBe('1969-12-29');
    expect(periodOfDay(dayOf('2011-01-10'), 'WEEK') - periodOfDay(dayOf('2011-01-03'), 'WEEK')).toBe(1);
  });

  it('months and quarters', () => {
    expect(isoDate(periodStartDay(periodOfDay(dayOf('2011-02-28'), 'MONTH'), 'MONTH'))).toBe('2011-02-01');
    expect(periodOfDay(dayOf('2011-01-01'), 'MONTH') - periodOfDay(dayOf('2010-12-31'), 'MONTH')).toBe(1);
    expect(isoDate(periodStartDay(periodOfDay(dayOf('2011-06-30'), 'QUARTER'), 'QUARTER'))).toBe('2011-04-01');
    expect(isoDate(periodStartDay(periodOfDay(dayOf('2011-12-31'), 'QUARTER'), 'QUARTER'))).toBe('2011-10-01');
    expect(periodOfDay(dayOf('2012-01-01'), 'QUARTER') - periodOfDay(dayOf('2011-12-31'), 'QUARTER')).toBe(1);
    expect(isoDate(periodStartDay(periodOfDay(dayOf('1969-11-15'), 'MONTH'), 'MONTH'))).toBe('1969-11-01');
  });
});
