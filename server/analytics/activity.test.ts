import { describe, expect, it } from 'vitest';
import {
  activityFromOrderLines,
  activityFromRows,
  isValidOrderLine,
  maskFromIndices,
  maskFromValues,
  tieOrderFromIds,
  type OrderLine,
} from './activity';

const at = (iso: string) => Date.parse(`${iso}Z`);

describe('daily activity', () => {
  it('aggregates valid lines per customer and UTC day: distinct invoices, Σ quantity × price, last second', () => {
    const lines: OrderLine[] = [
      { customer: 1, invoice: '10', at: at('2011-01-05T10:00:00'), quantity: 2, unitPrice: 3 },
      { customer: 1, invoice: '10', at: at('2011-01-05T10:00:00'), quantity: 1, unitPrice: 4 },
      { customer: 1, invoice: '11', at: new Date(at('2011-01-05T17:30:15')), quantity: 1, unitPrice: -1 },
      { customer: 1, invoice: '12', at: at('2011-01-06T00:00:00'), quantity: 1, unitPrice: 1 },
      { customer: 1, invoice: 'C13', at: at('2011-01-06T01:00:00'), quantity: -1, unitPrice: 1 },
      { customer: 0, invoice: '14', at: at('2011-01-06T02:00:00'), quantity: 0, unitPrice: 9 },
      { customer: null, invoice: '15', at: at('2011-01-06T02:00:00'), quantity: 1, unitPrice: 9 },
    ];
    const activity = activityFromOrderLines(2, lines);
    const day = at('2011-01-05T00:00:00') / 86_400_000;
    const rows = Array.from(activity.customer, (c, i) => [c, activity.day[i], activity.invoices[i], activity.monetary[i], activity.lastSecond![i]]);
    expect(rows).toEqual([
      [1, day, 2, 9, 17 * 3600 + 30 * 60 + 15],
      [1, day + 1, 1, 1, 0],
    ]);
    expect(lines.map(isValidOrderLine)).toEqual([true, true, true, true, false, false, false]);
  });

  it('rows from objects; customers out of range are refused', () => {
    const activity = activityFromRows(2, [{ customer: 1, day: 3, invoices: 2, monetary: 5.5 }], { tieOrder: Int32Array.of(1, 0) });
    expect(Array.from(activity.lastSecond!)).toEqual([0]);
    expect(Array.from(activity.tieOrder!)).toEqual([1, 0]);
    expect(() => activityFromRows(2, [{ customer: 2, day: 3, invoices: 1, monetary: 1 }])).toThrow(/^rapport\/activity: row 0 names customer 2/);
  });

  it('tie order from external ids: numeric when all are numbers, else by code unit', () => {
    expect(Array.from(tieOrderFromIds(['17850', '12346', '9', '12346.0']))).toEqual([3, 1, 0, 2]);
    expect(Array.from(tieOrderFromIds(['b', 'B', 'a10', 'a9']))).toEqual([3, 0, 1, 2]);
  });

  it('masks from indices and from per-customer values', () => {
    expect(Array.from(maskFromIndices(4, [3, 0, 9, -1]))).toEqual([1, 0, 0, 1]);
    expect(Array.from(maskFromValues(Int16Array.of(2, -1, 5, 2), [2, 5]))).toEqual([1, 0, 1, 1]);
  });
});
