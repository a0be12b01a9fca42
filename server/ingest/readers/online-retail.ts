import type { CustomerRecord, OrderRecord } from '../types';
import { columnIndexes, csvHeader, hasLineAfterHeader, lacking } from './csv-header';
import { DateCache } from './dates';
import { csvRows } from './csv-rows';
import type { AnyRecord, FormatReader } from './format';
import { integerId, LineCounter, optional, required, roundCents, toDate, toNumber } from './values';

/**
 * UCI Online Retail (Chen, Sain & Guo 2012): one CSV line per invoice line, columns
 * InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country (found by name, any order).
 */
const COLUMNS = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'] as const;
const REQUIRED = ['InvoiceNo', 'StockCode', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID'] as const;

export const onlineRetail: FormatReader = {
  name: 'online-retail',
  kinds: ['orders', 'customers'],
  misfit: (head) => lacking(csvHeader(head), REQUIRED),
  hasRows: hasLineAfterHeader,
  read: (lines, kind) => csvRows<AnyRecord>(lines, kind === 'customers' ? customerMapper : orderMapper),
};

function orderMapper(header: string[]): (fields: string[]) => OrderRecord {
  const at = columnIndexes(header, COLUMNS);
  // lineNo is the line's position within its invoice, so one Map entry per distinct invoice (25,900 in the full file).
  const lineNos = new LineCounter();
  const dates = new DateCache();
  // One fields object per country (38 in the file) rather than one per line: 406,829 fewer objects to collect.
  const byCountry = new Map<string | null, { country: string | null }>();
  const fieldsFor = (country: string | null) => {
    let fields = byCountry.get(country);
    if (!fields) byCountry.set(country, (fields = { country }));
    return fields;
  };
  return (f) => {
    const invoice = required(f[at.InvoiceNo], 'InvoiceNo', at.InvoiceNo + 1);
    const lineNo = lineNos.next(invoice); // counted before any other check, so a fixed row keeps its key
    const product = required(f[at.StockCode], 'StockCode', at.StockCode + 1);
    const quantity = toNumber(f[at.Quantity], 'Quantity', at.Quantity + 1);
    const orderedAt = toDate(f[at.InvoiceDate], 'InvoiceDate', at.InvoiceDate + 1, dates);
    const unitPrice = toNumber(f[at.UnitPrice], 'UnitPrice', at.UnitPrice + 1);
    const customerId = optional(f[at.CustomerID]);
    const customerExternalId = customerId === null ? null : integerId(customerId);
    return {
      invoice,
      lineNo,
      customerExternalId,
      orderedAt,
      quantity,
      unitPrice,
      amount: roundCents(quantity * unitPrice),
      product,
      description: at.Description < 0 ? null : optional(f[at.Description]),
      cancelled: invoice.charCodeAt(0) === 0x43, // 'C'
      customer: customerExternalId === null ? undefined : fieldsFor(at.Country < 0 ? null : optional(f[at.Country])),
    };
  };
}

/** One record per distinct CustomerID, at its first line; guest lines (no CustomerID) yield nothing. */
function customerMapper(header: string[]): (fields: string[]) => CustomerRecord | null {
  const at = columnIndexes(header, COLUMNS);
  const seen = new Set<string>();
  return (f) => {
    const id = optional(f[at.CustomerID]);
    if (id === null) return null;
    const externalId = integerId(id);
    if (seen.has(externalId)) return null;
    seen.add(externalId);
    return { externalId, country: at.Country < 0 ? null : optional(f[at.Country]) };
  };
}
