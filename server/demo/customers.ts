import type { CustomerRecord } from '../ingest/types.js';
import type { CommunityPlan } from './communities.js';
import { ACQUISITION_CHANNELS, COUNTRIES, EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, PLANS, slug } from './names.js';
import { DAY, type DemoOptions, type Window } from './options.js';
import { type Rng, beta, chance, gamma, lognormal, pick, uniform, weighted, weightedSampler } from './random.js';

/** A customer with the hidden traits that drive their orders, ties and texts. */
export interface Profile {
  record: CustomerRecord;
  first: string;
  handle: string;
  community: number;
  /** First order (or, for a lead, the day the CRM met them), UTC ms. */
  joinedAt: number;
  /** Purchases per day while active (BG/NBD λ). */
  rate: number;
  /** Chance of going quiet after each purchase (BG/NBD p). */
  dropout: number;
  /** When the customer leaves whatever their p says (the shrinking community dissolves mid-year). */
  quitsAt: number;
  /** Basket-size multiplier; heavy-tailed across customers. */
  spend: number;
  /** Optimism of the customer's texts, 0..1. */
  mood: number;
  lead: boolean;
  /** Filled by the purchases stage. */
  orderTimes: number[];
  /** Invoice number of each purchase, filled by the orders stage. */
  invoices: string[];
  churned: boolean;
  activeUntil: number;
  unhappy: boolean;
}

/** Acquisition weight of each month: steady growth plus a holiday bump in November and December. */
function monthWeights(window: Window, months: number): { from: number; to: number; weight: number }[] {
  const first = new Date(window.start);
  return Array.from({ length: months }, (_, m) => {
    const from = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + m, 1);
    const to = Math.min(window.end, Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + m + 1, 1));
    const calendar = new Date(from).getUTCMonth();
    return { from, to, weight: (1 + 0.03 * m) * (calendar === 10 || calendar === 11 ? 1.4 : 1) };
  });
}

export function createProfiles(options: DemoOptions, window: Window, plan: CommunityPlan, rng: Rng): Profile[] {
  const months = monthWeights(window, options.months);
  const anyMonth = weightedSampler(months.map((m) => m.weight));
  const lateFrom = Math.max(0, months.length - 4);
  const late = weightedSampler(months.slice(lateFrom).map((m) => m.weight));
  const early = Math.min(5, months.length);
  const span = window.end - window.start;

  const profiles: Profile[] = [];
  for (let i = 0; i < options.customers; i++) {
    const community = plan.of[i]!;
    // The forming community's members arrive in the last four months; the shrinking one's in the first five.
    const month =
      community === plan.forming
        ? months[lateFrom + late(rng)]!
        : community === plan.shrinking
          ? months[Math.floor(rng() * early)]!
          : months[anyMonth(rng)]!;
    const first = pick(rng, FIRST_NAMES);
    const last = pick(rng, LAST_NAMES);
    const lead = chance(rng, options.leadShare) && !plan.hubs.includes(i);
    profiles.push({
      record: {
        externalId: '',
        name: `${first} ${last}`,
        country: weighted(rng, COUNTRIES),
        attributes: {
          plan: lead ? 'free' : weighted(rng, PLANS),
          acquisitionChannel: weighted(rng, ACQUISITION_CHANNELS),
          marketingOptIn: chance(rng, 0.62),
          stage: lead ? 'lead' : 'customer',
        },
      },
      first,
      handle: `${slug(first)}${pick(rng, ['', '.', '_'])}${slug(last)}`,
      community,
      joinedAt: uniform(rng, month.from, month.to),
      rate: gamma(rng, 3, 1.2 / 3) / 30,
      dropout: beta(rng, 1, 20),
      quitsAt: community === plan.shrinking ? uniform(rng, month.to + 30 * DAY, window.start + 0.7 * span) : Infinity,
      spend: lognormal(rng, 0, 0.75),
      mood: beta(rng, 4, 3),
      lead,
      orderTimes: [],
      invoices: [],
      churned: false,
      activeUntil: window.end - DAY,
      unhappy: false,
    });
  }
  assignIdentities(profiles, rng);
  return profiles;
}

/** External ids follow arrival, as a CRM's would; handles and emails are made unique with a number. */
function assignIdentities(profiles: Profile[], rng: Rng): void {
  const byArrival = profiles.map((_, i) => i).sort((a, b) => profiles[a]!.joinedAt - profiles[b]!.joinedAt);
  const width = Math.max(4, String(profiles.length).length);
  const handles = new Set<string>();
  const emails = new Set<string>();
  byArrival.forEach((i, rank) => {
    const p = profiles[i]!;
    p.record.externalId = `cust_${String(rank + 1).padStart(width, '0')}`;
    let handle = p.handle;
    while (handles.has(handle)) handle = `${p.handle}${Math.floor(rng() * 90) + 10}`;
    handles.add(handle);
    p.handle = handle;
    p.record.handle = handle;
    const [first = '', ...rest] = (p.record.name ?? '').split(' ');
    const base = `${slug(first)}.${slug(rest.join(''))}`;
    let email = `${base}@${pick(rng, EMAIL_DOMAINS)}`;
    for (let k = 2; emails.has(email); k++) email = `${base}${k}@${pick(rng, EMAIL_DOMAINS)}`;
    emails.add(email);
    p.record.email = email;
  });
}
