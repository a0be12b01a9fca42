import type { CustomerRecord, OrderRecord } from '../types';
import { DateCache } from './dates';
import { widthError } from './map-row';
import { tokenRows } from './token-rows';
import type { AnyRecord, FormatReader } from './format';
import { firstContentIndex, tokens, type Head } from './head';
import { FieldError } from './field-error';
import { LineCounter, toDate, toNumber } from './values';

/**
 * CDNOW (Fader & Hardie): whitespace columns customer id, date YYYYMMDD, number of CDs, dollar value, with an
 * optional header ` customer_id  date number_of_cds  dollar_value`. The 1/10 sample file has a fifth column
 * (sample id) after the customer id; it is recognised and skipped.
 */
const HEADER = ['customer_id', 'date', 'number_of_cds', 'dollar_value'];
const ID = /^\d+$/;
const DAY = /^\d{8}$/;
const AMOUNT = /^-?\d+(\.\d+)?$/;

export const cdnow: FormatReader = {
  name: 'cdnow',
  kinds: ['orders', 'customers'],
  misfit(head) {
    const i = firstContentIndex(head);
    if (i === -1) return 'it has no lines';
    const first = tokens(head.lines[i]!);
    if (isHeader(first) || isRow(first)) return null;
    return 'its first line is neither the CDNOW header nor customer id, YYYYMMDD date, quantity and dollar value';
  },
  hasRows(head: Head) {
    const i = firstContentIndex(head);
    if (i === -1) return false;
    return !isHeader(tokens(head.lines[i]!)) || firstContentIndex(head, undefined, i + 1) !== -1;
  },
  read: (lines, kind) => tokenRows<AnyRecord>(lines, kind === 'customers' ? customerMapper() : orderMapper()),
};

function isHeader(fields: string[]): boolean {
  return fields.length === HEADER.length && fields.every((field, i) => field.toLowerCase() === HEADER[i]);
}

function isRow(fields: string[]): boolean {
  const skip = fields.length - 4;
  return (
    (skip === 0 || (skip === 1 && ID.test(fields[1]!))) &&
    ID.test(fields[0]!) &&
    DAY.test(fields[1 + skip]!) &&
    AMOUNT.test(fields[2 + skip]!) &&
    AMOUNT.test(fields[3 + skip]!)
  );
}

/** Columns decided by the first data row: 4, or 5 in the sample file. */
function layout(): (fields: string[], line: number) => number | null {
  let width = 0;
  return (fields, line) => {
    if (width === 0) {
      if (isHeader(fields)) return null;
      width = fields.length === 5 ? 5 : 4;
    }
    if (fields.length !== width) {
      const error = widthError(line, width, fields.length);
      throw new FieldError(error.column, error.message);
    }
    return width - 4;
  };
}

function orderMapper(): (fields: string[], line: number) => OrderRecord | null {
  const skipOf = layout();
  // One invoice per customer and day; the Map holds one entry per invoice (~69k for the master file).
  const lineNos = new LineCounter();
  const dates = new DateCache();
  return (f, line) => {
    const skip = skipOf(f, line);
    if (skip === null) return null;
    const customerId = f[0]!;
    const day = f[1 + skip]!;
    const invoice = `${customerId}-${day}`;
    const lineNo = lineNos.next(invoice);
    const orderedAt = toDate(day, 'date', 2 + skip, dates, '19970101');
    const quantity = toNumber(f[2 + skip], 'number_of_cds', 3 + skip);
    const amount = toNumber(f[3 + skip], 'dollar_value', 4 + skip);
    return {
      invoice,
      lineNo,
      customerExternalId: customerId,
      orderedAt,
      quantity,
      unitPrice: quantity === 0 ? 0 : amount / quantity,
      amount,
      cancelled: false,
    };
  };
}

/** One record per distinct customer id, at its first line. */
function customerMapper(): (fields: string[], line: number) => CustomerRecord | null {
  const skipOf = layout();
  const seen = new Set<string>();
  return (f, line) => {
    if (skipOf(f, line) === null) return null;
    const externalId = f[0]!;
    if (seen.has(externalId)) return null;
    seen.add(externalId);
    return { externalId };
  };
}
