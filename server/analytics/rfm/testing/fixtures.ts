/**
 * Hand-made order books for edge-case tests, in Online Retail's shape so the same lines can be fed to
 * bench/rfm-pandas.py. Expected scores in the tests were cross-checked against that script.
 */
import { activityFromOrderLines, type DailyActivity } from '../../activity';
import { parseUtc, type RetailLine } from './online-retail';

type Line = [invoice: string, customerId: string, invoiceDate: string, quantity: number, unitPrice: number];

const lines = (rows: Line[]): RetailLine[] =>
  rows.map(([invoice, customerId, invoiceDate, quantity, unitPrice]) => ({
    invoice,
    customerId,
    invoiceDate,
    quantity,
    unitPrice,
    country: 'United Kingdom',
  }));

/** Daily activity with customers indexed in ascending numeric id order (the reference's tie order). */
export function activityOf(book: RetailLine[]): { activity: DailyActivity; ids: string[] } {
  const ids = [...new Set(book.map((l) => l.customerId!))].sort((a, b) => Number(a) - Number(b));
  const index = new Map(ids.map((id, i) => [id, i]));
  const activity = activityFromOrderLines(
    ids.length,
    book.map((l) => ({
      customer: index.get(l.customerId!)!,
      invoice: l.invoice,
      at: parseUtc(l.invoiceDate),
      quantity: l.quantity,
      unitPrice: l.unitPrice,
    })),
  );
  return { activity, ids };
}

export const SINGLE_CUSTOMER = lines([
  ['1001', '7', '2011-03-01 10:00:00', 2, 5],
  ['1002', '7', '2011-03-04 16:30:00', 1, 3.5],
]);

/** Six customers, one order each, all on 2011-05-02. */
export const ONE_DAY = lines(
  ['11', '12', '13', '14', '15', '16'].map((id, i): Line => [`20${i}`, id, `2011-05-02 ${9 + i}:15:00`, i + 1, 2]),
);

/** Ten customers whose frequencies tie across the F quintile edges; recency and monetary tie too. */
export const BOUNDARY_TIES = lines([
  ['300', '110', '2011-01-03 09:00:00', 1, 10],
  ['301', '109', '2011-01-03 09:00:00', 1, 10],
  ['302', '108', '2011-01-10 09:00:00', 1, 10],
  ['303', '107', '2011-01-10 09:00:00', 1, 10],
  ['304', '106', '2011-01-17 09:00:00', 1, 10],
  ['305', '106', '2011-01-17 10:00:00', 1, 10],
  ['306', '105', '2011-01-17 09:00:00', 1, 10],
  ['307', '105', '2011-01-18 09:00:00', 1, 10],
  ['308', '104', '2011-01-24 09:00:00', 1, 10],
  ['309', '104', '2011-01-24 11:00:00', 1, 10],
  ['310', '103', '2011-01-24 09:00:00', 2, 10],
  ['311', '103', '2011-01-25 09:00:00', 1, 10],
  ['312', '103', '2011-01-31 09:00:00', 1, 5],
  ['313', '102', '2011-01-31 09:00:00', 1, 10],
  ['314', '102', '2011-02-01 09:00:00', 1, 10],
  ['315', '102', '2011-02-02 09:00:00', 1, 10],
  ['316', '101', '2011-02-07 08:00:00', 3, 10],
  ['317', '101', '2011-02-07 09:00:00', 1, 10],
  ['318', '101', '2011-02-07 10:00:00', 1, 10],
  ['319', '101', '2011-02-07 11:00:00', 1, 10],
]);

export const CANCELLATIONS_ONLY = lines([
  ['C500', '21', '2011-04-01 10:00:00', -3, 2],
  ['C501', '22', '2011-04-02 10:00:00', -1, 9.5],
  ['502', '23', '2011-04-03 10:00:00', 0, 4],
  ['503', '24', '2011-04-04 10:00:00', -2, 4],
]);

/** Negative and zero prices count (only cancellations and non-positive quantities are excluded). */
export const NEGATIVE_PRICES = lines([
  ['600', '31', '2011-06-01 10:00:00', 1, -11062.06],
  ['601', '32', '2011-06-02 10:00:00', 4, 0],
  ['602', '33', '2011-06-03 10:00:00', 2, 3.25],
  ['603', '34', '2011-06-04 10:00:00', 10, 1.5],
  ['604', '35', '2011-06-05 10:00:00', 1, 100],
  ['605', '31', '2011-06-06 10:00:00', 1, 5],
  ['C606', '35', '2011-06-06 11:00:00', -1, 100],
]);

/** Twelve customers with only three distinct recencies (duplicate R edges; pandas would raise). */
export const FEW_RECENCIES = lines(
  Array.from({ length: 12 }, (_, i): Line => [
    `70${String(i).padStart(2, '0')}`,
    String(41 + i),
    `2011-07-${['01', '05', '10'][i % 3]} 12:00:00`,
    1 + i,
    1,
  ]),
);
