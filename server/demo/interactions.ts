import type { Channel, InteractionRecord, Sentiment } from '../ingest/types.js';
import { CATALOGUE, POPULARITY } from './catalogue.js';
import type { Profile } from './customers.js';
import { AGENTS } from './names.js';
import { DAY, type DemoOptions, type Window } from './options.js';
import { type Rng, chance, exponential, int, pick, poisson, uniform, weighted, weightedSampler } from './random.js';
import { type TextContext, interactionText, ratingOf } from './texts.js';

/** An interaction before ids are known: replies point at their parent draft. */
export interface Draft {
  record: InteractionRecord;
  customer: number;
  sentiment: Sentiment;
  ctx: TextContext;
  parent?: Draft;
  /** The customer a social post names by handle. */
  mentioned?: number;
}

/** Share of interactions that are later added as replies, so the total stays near the target. */
const REPLY_SHARE = 0.2;
const productOf = weightedSampler(POPULARITY);

/**
 * Interactions per customer in proportion to their purchases, most of them near an order (reviews after it,
 * questions around it); sentiment follows each customer's mood, and turns sour in the months before an
 * unhappy customer's last order.
 */
export function draftInteractions(profiles: Profile[], options: DemoOptions, window: Window, rng: Rng): Draft[] {
  const weights = profiles.map((p) => 1 + Math.pow(p.orderTimes.length, 0.8));
  const total = weights.reduce((a, b) => a + b, 0);
  const scale = (options.interactionsPerCustomer * (1 - REPLY_SHARE) * profiles.length) / total;
  const drafts: Draft[] = [];
  profiles.forEach((p, i) => {
    const count = Math.min(60, poisson(rng, weights[i]! * scale));
    for (let k = 0; k < count; k++) {
      const d = draft(p, i, window, rng);
      if (d) drafts.push(d);
    }
  });
  return drafts;
}

function channelOf(p: Profile, rng: Rng): Channel {
  const plan = p.record.attributes?.['plan'];
  return weighted<Channel>(rng, [
    ['social', p.community >= 0 ? 30 : 5],
    ['email', 20],
    ['chat', 15],
    ['call', 8],
    ['meeting', plan === 'pro' || plan === 'enterprise' ? 8 : 2],
    ['note', 9],
    ['review', p.orderTimes.length > 0 ? 12 : 0],
  ]);
}

function sentimentOf(p: Profile, channel: Channel, time: number, rng: Rng): Sentiment {
  let positive = 0.15 + 0.5 * p.mood;
  let negative = 0.08 + 0.32 * (1 - p.mood);
  const last = p.orderTimes.at(-1) ?? Infinity;
  if (p.unhappy && time > last - 75 * DAY) [positive, negative] = [0.06, 0.72];
  else if (p.churned && time > last) negative += 0.1;
  if (channel === 'note') [positive, negative] = [positive * 0.6, negative * 0.6];
  if (channel === 'review') [positive, negative] = [Math.min(0.6, positive * 1.3), Math.min(0.35, negative * 1.3)];
  const x = rng();
  return x < positive ? 'positive' : x < positive + negative ? 'negative' : 'neutral';
}

function draft(p: Profile, customer: number, window: Window, rng: Rng): Draft | undefined {
  const channel = channelOf(p, rng);
  const orders = p.orderTimes.length;
  const anchor = orders > 0 && chance(rng, 0.65) ? Math.floor(rng() * orders) : -1;
  let time: number;
  if (anchor >= 0 && channel === 'review') time = p.orderTimes[anchor]! + DAY + exponential(rng, 6 * DAY);
  else if (anchor >= 0) time = p.orderTimes[anchor]! + (chance(rng, 0.5) ? -1 : 1) * exponential(rng, 4 * DAY);
  else time = uniform(rng, Math.max(window.start, p.joinedAt - 20 * DAY), p.activeUntil);
  // What would fall outside the window has not happened yet (or happened before the data starts).
  if (time < window.start || time >= window.end) return undefined;
  time = Math.floor(time);
  const sentiment = sentimentOf(p, channel, time, rng);
  const ctx: TextContext = {
    first: p.first,
    product: CATALOGUE[productOf(rng)]!.description.split(',')[0]!,
    invoice: p.invoices[anchor >= 0 ? anchor : Math.floor(rng() * orders)] ?? String(int(rng, 100001, 199999)),
    plan: String(p.record.attributes?.['plan'] ?? 'free'),
    days: int(rng, 3, 21),
  };
  // Calls, meetings and notes are written up by staff; a call may have been made by either side.
  const internal = channel === 'note' || channel === 'meeting';
  const staff = internal || channel === 'call';
  const record: InteractionRecord = {
    externalId: '',
    channel,
    direction: internal ? null : channel === 'call' && chance(rng, 0.5) ? 'outbound' : 'inbound',
    occurredAt: new Date(time),
    text: interactionText(channel, sentiment, ctx, rng),
    author: staff ? pick(rng, AGENTS) : channel === 'social' ? `@${p.handle}` : (p.record.name ?? null),
    customerExternalId: p.record.externalId,
    goldLabel: sentiment,
  };
  if (channel === 'review') record.attributes = { rating: ratingOf(sentiment, rng) };
  return { record, customer, sentiment, ctx };
}
