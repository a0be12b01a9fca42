/** The generator's knobs. Every count scales with `customers`. */
export interface DemoOptions {
  /** Seed of every random stream; the same seed always gives the same data. @default 'rapport-demo' */
  seed: string;
  /** Number of customers. @default 2000 */
  customers: number;
  /** Months of orders, ending with the month of `end`. @default 13 */
  months: number;
  /** Last day of the data (UTC, inclusive). Fixed, never the clock. @default '2026-10-31' */
  end: string;
  /** Planted social communities before one of them splits. @default 10 */
  communities: number;
  /** Share of customers with a social presence (members of a community). @default 0.85 */
  socialShare: number;
  /** High-degree customers; about a third of them bridge communities. @default 8 */
  hubs: number;
  /** Mean intra-community ties per member. @default 10 */
  meanDegree: number;
  /** Inter-community ties as a share of intra-community ties. @default 0.1 */
  mixing: number;
  /** Share of customers who turn unhappy before they churn. @default 0.15 */
  unhappyShare: number;
  /** Share of customers who never order (leads). @default 0.04 */
  leadShare: number;
  /** Share of invoices later cancelled. @default 0.02 */
  cancellationRate: number;
  /** Guest invoices (no customer) per customer invoice. @default 0.015 */
  guestRate: number;
  /** Mean interactions per customer. @default 6 */
  interactionsPerCustomer: number;
}

export const DEFAULTS: DemoOptions = {
  seed: 'rapport-demo',
  customers: 2000,
  months: 13,
  end: '2026-10-31',
  communities: 10,
  socialShare: 0.85,
  hubs: 8,
  meanDegree: 10,
  mixing: 0.1,
  unhappyShare: 0.15,
  leadShare: 0.04,
  cancellationRate: 0.02,
  guestRate: 0.015,
  interactionsPerCustomer: 6,
};

/** The data's time window: `[start, end)` in UTC milliseconds. */
export interface Window {
  start: number;
  end: number;
}

export const DAY = 86_400_000;

export function resolveOptions(options: Partial<DemoOptions> = {}): DemoOptions {
  const resolved = { ...DEFAULTS, ...options };
  if (!(resolved.customers >= 10)) throw new RangeError('rapport/demo: customers must be at least 10.');
  if (!(resolved.months >= 2)) throw new RangeError('rapport/demo: months must be at least 2.');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(resolved.end)) throw new RangeError('rapport/demo: end must be YYYY-MM-DD.');
  return resolved;
}

/** From the first day of the first month to the end of `end`. */
export function windowOf(options: DemoOptions): Window {
  const last = new Date(`${options.end}T00:00:00Z`);
  const start = Date.UTC(last.getUTCFullYear(), last.getUTCMonth() - (options.months - 1), 1);
  return { start, end: last.getTime() + DAY };
}
