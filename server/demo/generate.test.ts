import { describe, expect, it } from 'vitest';
import { CHANNELS, SENTIMENTS } from '../ingest/types.js';
import { generateDemo, generateDemoWithTruth } from './index.js';
import { rfmSegments } from './test-rfm.js';

const { data, truth } = generateDemoWithTruth();
const { customers, orders, interactions, relationships } = data;

describe('generateDemo', () => {
  it('is deterministic for a seed and differs for another seed', () => {
    const again = generateDemo();
    expect(again.customers).toEqual(customers);
    // The whole data set as JSON (dates as ISO strings): a deep equality that stays fast at 80k records.
    expect(JSON.stringify(again) === JSON.stringify(data)).toBe(true);
    const other = generateDemo({ seed: 'another-seed' });
    expect(other.customers).not.toEqual(customers);
    expect(other.orders.length).not.toBe(orders.length);
  });

  it('makes tenant-sized data', () => {
    expect(customers).toHaveLength(2000);
    expect(orders.length).toBeGreaterThan(20_000);
    expect(interactions.length).toBeGreaterThanOrEqual(10_000);
    expect(interactions.length).toBeLessThanOrEqual(15_000);
    expect(relationships.length).toBeGreaterThanOrEqual(10_000);
    expect(relationships.length).toBeLessThanOrEqual(20_000);
  });

  it('scales down with the customer count', () => {
    const small = generateDemo({ customers: 200, seed: 'small' });
    expect(small.customers).toHaveLength(200);
    expect(small.interactions.length).toBeGreaterThan(500);
    expect(small.relationships.length).toBeGreaterThan(300);
  });

  it('keeps every date inside the 13 months ending 2026-10-31', () => {
    const start = Date.UTC(2025, 9, 1);
    const end = Date.UTC(2026, 10, 1);
    const dates = [
      ...orders.map((o) => o.orderedAt),
      ...interactions.map((i) => i.occurredAt),
      ...relationships.flatMap((r) => [r.firstSeen!, r.lastSeen!]),
    ];
    expect(dates.filter((d) => !(d.getTime() >= start && d.getTime() < end))).toEqual([]);
    const months = new Set(orders.map((o) => o.orderedAt.toISOString().slice(0, 7)));
    expect(months.size).toBe(13);
  });

  it('gives customers unique ids, handles and example-domain emails', () => {
    expect(new Set(customers.map((c) => c.externalId)).size).toBe(customers.length);
    expect(new Set(customers.map((c) => c.handle)).size).toBe(customers.length);
    expect(new Set(customers.map((c) => c.email)).size).toBe(customers.length);
    for (const c of customers) {
      expect(c.email).toMatch(/^[a-z0-9.]+@example\.(com|org|net)$/);
      expect(c.name).toMatch(/^\S+ \S/);
      expect(c.attributes).toHaveProperty('plan');
      expect(c.attributes).toHaveProperty('acquisitionChannel');
    }
    const uk = customers.filter((c) => c.country === 'United Kingdom').length;
    expect(uk / customers.length).toBeGreaterThan(0.25);
    expect(new Set(customers.map((c) => c.country)).size).toBeGreaterThan(10);
  });

  it('references only existing customers', () => {
    const ids = new Set(customers.map((c) => c.externalId));
    expect(orders.filter((o) => o.customerExternalId !== null && !ids.has(o.customerExternalId))).toEqual([]);
    expect(interactions.filter((i) => !ids.has(i.customerExternalId!))).toEqual([]);
    const dangling = relationships.filter(
      (r) => !ids.has(r.sourceExternalId) || !ids.has(r.targetExternalId) || r.sourceExternalId === r.targetExternalId,
    );
    expect(dangling).toEqual([]);
    const planted = [...Object.keys(truth.community), ...truth.hubs, ...truth.unhappy];
    expect(planted.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('yields records valid against the ingest types', () => {
    const channels = new Set<string>(CHANNELS);
    const sentiments = new Set<string>(SENTIMENTS);
    const badInteractions = interactions.filter(
      (i) =>
        !channels.has(i.channel) ||
        !sentiments.has(i.goldLabel!) ||
        ![null, 'inbound', 'outbound'].includes(i.direction ?? null) ||
        i.text.length === 0 ||
        !(i.occurredAt instanceof Date),
    );
    expect(badInteractions).toEqual([]);
    const kinds = ['follows', 'mentions', 'replies', 'colleague', 'referral'];
    const badRelationships = relationships.filter(
      (r) => !kinds.includes(r.kind) || !(r.weight > 0) || r.firstSeen! > r.lastSeen!,
    );
    expect(badRelationships).toEqual([]);
    const keys = new Set(relationships.map((r) => `${r.sourceExternalId}>${r.targetExternalId}:${r.kind}`));
    expect(keys.size).toBe(relationships.length);
  });
});

describe('interactions', () => {
  it('cover every channel and sentiment, with ids in time order', () => {
    for (const channel of CHANNELS) {
      expect(interactions.filter((i) => i.channel === channel).length).toBeGreaterThan(200);
    }
    for (const sentiment of SENTIMENTS) {
      const share = interactions.filter((i) => i.goldLabel === sentiment).length / interactions.length;
      expect(share).toBeGreaterThan(0.15);
    }
    expect(new Set(interactions.map((i) => i.externalId)).size).toBe(interactions.length);
    expect(interactions.every((i, k) => k === 0 || i.occurredAt >= interactions[k - 1]!.occurredAt)).toBe(true);
  });

  it('mention other customers by handle and reply to earlier interactions', () => {
    const handles = new Set(customers.map((c) => c.handle));
    const mentions = interactions.filter((i) => i.channel === 'social' && /^@\w/.test(i.text));
    expect(mentions.length).toBeGreaterThan(200);
    expect(mentions.filter((m) => !handles.has(m.text.slice(1).split(' ')[0]!))).toEqual([]);
    const byId = new Map(interactions.map((i) => [i.externalId, i]));
    const replies = interactions.filter((i) => i.attributes?.['inReplyTo'] !== undefined);
    expect(replies.length).toBeGreaterThan(1000);
    const early = replies.filter((r) => !(byId.get(r.attributes!['inReplyTo'] as string)!.occurredAt <= r.occurredAt));
    expect(early).toEqual([]);
    expect(replies.some((r) => r.direction === 'inbound')).toBe(true);
  });

  it('include a few texts with markup for escaping tests', () => {
    const markup = interactions.filter((i) => /<\/?[a-z]/i.test(i.text));
    expect(markup.length).toBeGreaterThanOrEqual(5);
    expect(markup.some((i) => i.text.includes('<script>'))).toBe(true);
    expect(markup.some((i) => i.text.includes('<b>great</b>'))).toBe(true);
  });

  it('turn negative for unhappy customers before they churn', () => {
    const unhappy = new Set(truth.unhappy);
    expect(unhappy.size).toBeGreaterThanOrEqual(200);
    const negativeShare = (pick: (id: string) => boolean) => {
      const own = interactions.filter((i) => i.direction === 'inbound' && pick(i.customerExternalId!));
      return own.filter((i) => i.goldLabel === 'negative').length / own.length;
    };
    expect(negativeShare((id) => unhappy.has(id))).toBeGreaterThan(2 * negativeShare((id) => !unhappy.has(id)));
  });

  it('happen around the customer\'s orders', () => {
    const times = new Map<string, number[]>();
    for (const o of orders) {
      if (!o.customerExternalId || o.cancelled) continue;
      times.set(o.customerExternalId, [...(times.get(o.customerExternalId) ?? []), o.orderedAt.getTime()]);
    }
    const near = interactions.filter((i) =>
      (times.get(i.customerExternalId!) ?? []).some((t) => Math.abs(t - i.occurredAt.getTime()) < 14 * 86_400_000),
    );
    expect(near.length / interactions.length).toBeGreaterThan(0.6);
  });

  it('are more negative in the lapsing segments than among champions', () => {
    const segments = rfmSegments(orders);
    const negativeShare = (names: string[]) => {
      const own = interactions.filter(
        (i) => i.direction === 'inbound' && names.includes(segments.get(i.customerExternalId!) ?? ''),
      );
      return own.filter((i) => i.goldLabel === 'negative').length / own.length;
    };
    const lapsing = negativeShare(['at_risk', 'cant_lose', 'hibernating']);
    expect(lapsing).toBeGreaterThan(1.3 * negativeShare(['champions', 'loyal_customers']));
  });
});
