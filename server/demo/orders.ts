import type { OrderRecord } from '../ingest/types.js';
import { CATALOGUE, POPULARITY } from './catalogue.js';
import type { Profile } from './customers.js';
import { DAY, type DemoOptions, type Window } from './options.js';
import { sortBy } from './sort-by.js';
import { type Rng, chance, exponential, poisson, uniform, weighted, weightedSampler } from './random.js';

/** First invoice number; numbers then rise with time, as a shop's till would issue them. */
const FIRST_INVOICE = 100_001;
const QUANTITIES: readonly (readonly [number, number])[] = [
  [1, 48], [2, 22], [3, 9], [4, 7], [6, 6], [12, 5], [24, 2], [48, 1],
];
const productOf = weightedSampler(POPULARITY);

interface Invoice {
  time: number;
  customer: Profile | null;
}

/**
 * Order lines from the purchase times: several lines per invoice, Zipf product popularity, heavy-tailed
 * quantities scaled by each customer's basket size, a few guest invoices, and cancellations
 * (`C` + the cancelled invoice's number, negative quantities, a few days later).
 */
export function createOrders(profiles: Profile[], options: DemoOptions, window: Window, rng: Rng): OrderRecord[] {
  const invoices: Invoice[] = [];
  for (const p of profiles) for (const time of p.orderTimes) invoices.push({ time, customer: p });
  const guests = Math.round(invoices.length * options.guestRate);
  for (let g = 0; g < guests; g++) invoices.push({ time: uniform(rng, window.start, window.end - 1), customer: null });
  invoices.sort((a, b) => a.time - b.time);

  const lines: OrderRecord[] = [];
  invoices.forEach((invoice, k) => {
    const number = String(FIRST_INVOICE + k);
    const spend = invoice.customer?.spend ?? 1;
    invoice.customer?.invoices.push(number);
    const bought = invoiceLines(number, invoice, spend, rng);
    lines.push(...bought);
    const late = invoice.customer?.unhappy === true && invoice.time > invoice.customer.orderTimes.at(-1)! - 60 * DAY;
    if (invoice.customer && chance(rng, options.cancellationRate * (late ? 4 : 1))) {
      lines.push(...cancellation(number, bought, window, rng));
    }
  });
  return sortBy(lines, (line) => line.orderedAt.getTime());
}

function invoiceLines(number: string, invoice: Invoice, spend: number, rng: Rng): OrderRecord[] {
  const count = 1 + poisson(rng, 1.2 + Math.min(4, spend));
  const seen = new Set<number>();
  const lines: OrderRecord[] = [];
  for (let tries = 0; lines.length < count && tries < count * 4; tries++) {
    const k = productOf(rng);
    if (seen.has(k)) continue;
    seen.add(k);
    const product = CATALOGUE[k]!;
    const quantity = Math.max(1, Math.round(weighted(rng, QUANTITIES) * Math.sqrt(spend)));
    lines.push({
      invoice: number,
      lineNo: lines.length + 1,
      customerExternalId: invoice.customer?.record.externalId ?? null,
      orderedAt: new Date(Math.floor(invoice.time)),
      quantity,
      unitPrice: product.unitPrice,
      amount: round2(quantity * product.unitPrice),
      product: product.code,
      description: product.description,
      cancelled: false,
    });
  }
  return lines;
}

function cancellation(number: string, bought: OrderRecord[], window: Window, rng: Rng): OrderRecord[] {
  const when = bought[0]!.orderedAt.getTime() + 3_600_000 + exponential(rng, 3 * DAY);
  if (when >= window.end) return [];
  const cancelled = rng() < 0.5 ? bought : [bought[Math.floor(rng() * bought.length)]!];
  return cancelled.map((line, i) => ({
    ...line,
    invoice: `C${number}`,
    lineNo: i + 1,
    orderedAt: new Date(Math.floor(when)),
    quantity: -line.quantity,
    amount: -line.amount,
    cancelled: true,
  }));
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
