import type { InteractionRecord } from '../ingest/types.js';
import type { Profile } from './customers.js';
import type { Draft } from './interactions.js';
import { AGENTS } from './names.js';
import { sortBy } from './sort-by.js';
import { type Rng, chance, exponential, pick } from './random.js';
import { MARKUP, REPLIES, fill, mentionText } from './texts.js';

const HOUR = 3_600_000;
/** Chance that staff answer an inbound message, by its sentiment: complaints first. */
const ANSWERED = { positive: 0.12, neutral: 0.25, negative: 0.5 } as const;

/**
 * Conversations on top of the drafts: social posts that mention a neighbour in the graph by @handle (half of
 * them replying to that neighbour's latest post), staff answers, and a few texts with markup in them.
 * Then ids are given in time order and replies point at their parents' ids.
 */
export function threadInteractions(
  drafts: Draft[],
  profiles: Profile[],
  neighbours: number[][],
  end: number,
  rng: Rng,
): InteractionRecord[] {
  for (const d of drafts) {
    const near = neighbours[d.customer]!;
    if (d.record.channel !== 'social' || near.length === 0 || !chance(rng, 0.3)) continue;
    const other = pick(rng, near);
    d.ctx.other = profiles[other]!.handle;
    d.record.text = mentionText(d.sentiment, d.ctx, rng);
    d.record.attributes = { mentions: [d.ctx.other] };
    d.mentioned = other;
  }
  const byTime = sortBy(drafts, (d) => d.record.occurredAt.getTime());
  const lastSocial = new Map<number, Draft>();
  for (const d of byTime) {
    if (d.record.channel !== 'social') continue;
    const previous = d.mentioned === undefined ? undefined : lastSocial.get(d.mentioned);
    if (previous && chance(rng, 0.5)) d.parent = previous;
    lastSocial.set(d.customer, d);
  }

  const replies: Draft[] = [];
  for (const d of byTime) {
    const { channel, direction } = d.record;
    if (direction !== 'inbound' || channel === 'call' || !chance(rng, ANSWERED[d.sentiment])) continue;
    const [template, label] = REPLIES[d.sentiment];
    const agent = pick(rng, AGENTS);
    const time = d.record.occurredAt.getTime() + HOUR / 6 + exponential(rng, 5 * HOUR);
    if (time >= end) continue;
    replies.push({
      record: {
        externalId: '',
        channel,
        direction: 'outbound',
        occurredAt: new Date(Math.floor(time)),
        text: `${fill(template, d.ctx)} – ${agent.split(' ')[0]}`,
        author: agent,
        customerExternalId: d.record.customerExternalId ?? null,
        goldLabel: label,
      },
      customer: d.customer,
      sentiment: label,
      ctx: d.ctx,
      parent: d,
    });
  }
  const all = sortBy([...byTime, ...replies], (d) => d.record.occurredAt.getTime());
  plantMarkup(all, rng);

  const width = Math.max(6, String(all.length).length);
  all.forEach((d, k) => (d.record.externalId = `int_${String(k + 1).padStart(width, '0')}`));
  for (const d of all) {
    if (d.parent) d.record.attributes = { ...d.record.attributes, inReplyTo: d.parent.record.externalId };
  }
  return all.map((d) => d.record);
}

/** Swaps the text of a few inbound messages of matching sentiment for one with markup in it. */
function plantMarkup(drafts: Draft[], rng: Rng): void {
  const used = new Set<Draft>();
  for (const [text, sentiment] of MARKUP) {
    for (let tries = 0; tries < 10_000; tries++) {
      const d = drafts[Math.floor(rng() * drafts.length)]!;
      const { direction, channel } = d.record;
      const fits = d.sentiment === sentiment && direction === 'inbound' && channel !== 'call';
      if (!fits || used.has(d) || d.mentioned !== undefined) continue;
      d.record.text = text;
      used.add(d);
      break;
    }
  }
}
