import { describe, expect, it } from 'vitest';
import { parseDailyText } from './daily-text';

describe('parseDailyText', () => {
  it('reads ids, invoices, decimal and negative amounts, and the day and second of the last order', () => {
    const day = 15_000;
    const text = `7,2,12.5,${day * 86_400 + 3_600}\n9,1,-3.25,${day * 86_400 + 86_399}\n8,1,1,${day * 86_400}`;
    const columns = parseDailyText(text, (id) => (id === 8 ? -1 : id - 7));
    expect(Array.from(columns.customer)).toEqual([0, 2]);
    expect(Array.from(columns.invoices)).toEqual([2, 1]);
    expect(Array.from(columns.monetary)).toEqual([12.5, -3.25]);
    expect(Array.from(columns.day)).toEqual([day, day]);
    expect(Array.from(columns.lastSecond)).toEqual([3_600, 86_399]);
    expect(parseDailyText('', () => 0).customer).toHaveLength(0);
  });
});
