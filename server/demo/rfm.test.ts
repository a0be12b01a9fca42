import { describe, expect, it } from 'vitest';
import { generateDemo } from './index.js';
import { SEGMENTS, rfmSegments } from './test-rfm.js';

describe('demo orders', () => {
  const { orders } = generateDemo();

  it('fill all ten RFM segments in reasonable proportions', () => {
    const segments = rfmSegments(orders);
    const counts = Object.fromEntries(SEGMENTS.map((s) => [s, 0]));
    for (const s of segments.values()) counts[s]!++;
    for (const s of SEGMENTS) {
      expect(counts[s], s).toBeGreaterThanOrEqual(0.015 * segments.size);
      expect(counts[s], s).toBeLessThanOrEqual(0.3 * segments.size);
    }
  });

  it('repeat purchases like a real shop: one-timers, regulars and a heavy tail', () => {
    const invoices = new Map<string, Set<string>>();
    for (const o of orders) {
      if (o.customerExternalId === null || o.cancelled) continue;
      const own = invoices.get(o.customerExternalId) ?? new Set<string>();
      invoices.set(o.customerExternalId, own.add(o.invoice));
    }
    const frequency = [...invoices.values()].map((s) => s.size);
    const share = (test: (f: number) => boolean) => frequency.filter(test).length / frequency.length;
    expect(share((f) => f === 1)).toBeGreaterThan(0.1);
    expect(share((f) => f >= 5)).toBeGreaterThan(0.3);
    expect(Math.max(...frequency)).toBeGreaterThan(25);
  });

  it('have unique invoices, several lines each, heavy-tailed values', () => {
    const lines = new Map<string, number[]>();
    for (const o of orders) lines.set(o.invoice, [...(lines.get(o.invoice) ?? []), o.lineNo]);
    expect([...lines.values()].every((numbers) => numbers.every((n, k) => n === k + 1))).toBe(true);
    expect(orders.length / lines.size).toBeGreaterThan(2);
    const products = new Set(orders.map((o) => o.product));
    expect(products.size).toBeGreaterThanOrEqual(50);

    const value = new Map<string, number>();
    for (const o of orders) if (!o.cancelled) value.set(o.invoice, (value.get(o.invoice) ?? 0) + o.amount);
    const sorted = [...value.values()].sort((a, b) => a - b);
    const median = sorted[sorted.length >> 1]!;
    expect(sorted[Math.floor(sorted.length * 0.99)]! / median).toBeGreaterThan(10);
    expect(orders.filter((o) => Math.abs(o.amount - o.quantity * o.unitPrice) > 0.005)).toEqual([]);
  });

  it('cancel about 2% of invoices, each after the purchase it cancels', () => {
    const byInvoice = new Map(orders.map((o) => [o.invoice, o]));
    const cancellations = [...byInvoice.values()].filter((o) => o.invoice.startsWith('C'));
    expect(cancellations.length / byInvoice.size).toBeGreaterThan(0.01);
    expect(cancellations.length / byInvoice.size).toBeLessThan(0.04);
    for (const c of orders.filter((o) => o.cancelled)) {
      expect(c.invoice.startsWith('C') && c.quantity < 0).toBe(true);
      const original = byInvoice.get(c.invoice.slice(1))!;
      expect(original.customerExternalId).toBe(c.customerExternalId);
      expect(original.orderedAt < c.orderedAt).toBe(true);
    }
  });

  it('keep a few guest orders', () => {
    const guests = new Set(orders.filter((o) => o.customerExternalId === null).map((o) => o.invoice));
    expect(guests.size).toBeGreaterThan(50);
  });

  it('acquire customers in every month, so monthly cohorts exist', () => {
    const firstMonth = new Map<string, string>();
    for (const o of orders) {
      if (o.customerExternalId && !firstMonth.has(o.customerExternalId)) {
        firstMonth.set(o.customerExternalId, o.orderedAt.toISOString().slice(0, 7));
      }
    }
    const cohorts = new Map<string, number>();
    for (const m of firstMonth.values()) cohorts.set(m, (cohorts.get(m) ?? 0) + 1);
    expect(cohorts.size).toBe(13);
    for (const size of cohorts.values()) expect(size).toBeGreaterThan(50);
  });
});
