/**
 * Group evolution of a tenant's network (../analytics/network/evolution.ts), once per data version and period.
 *
 * The engine takes one time stamp per tie; a relationship is alive from its first to its last sighting, so each
 * tie is stamped once per period of that span (a tie with one date is stamped once; undated ties cannot be placed
 * and are left out). Weights are the stored ones: recency decay is about "now", not about each window.
 * Per window the attributes are the window's own: activity = the member's interactions in it, value = their order
 * value in it, sentiment = net labelled sentiment of their interactions in it, segment = RFM as of the window's end.
 */
import { timeWindows, type EvolutionResult, type NetworkInput } from '../analytics/network';
import { monthlyActivityText } from '../store/queries/network';
import { runEngine } from './engine-pool';
import type { MonthRows } from './engines';
import { indexOfId, parseLines } from './network-ties';
import { customerIndex } from './tenant-activity';
import { tenantNetwork, type TenantNetwork } from './tenant-network';
import { tenantRfm } from './tenant-rfm';
import type { TenantSnapshot } from './tenant-snapshot';

export type EvolutionPeriod = 'month' | 'quarter' | 'year';

const MONTHS: Record<EvolutionPeriod, number> = { month: 1, quarter: 3, year: 12 };

export interface TenantEvolution {
  network: TenantNetwork;
  period: EvolutionPeriod;
  result: EvolutionResult;
}

export async function tenantEvolution(snapshot: TenantSnapshot, period: EvolutionPeriod = 'month'): Promise<TenantEvolution> {
  const network = await tenantNetwork(snapshot);
  return snapshot.get(`network|evolution|${period}`, async () => {
    const input = stampedInput(network, MONTHS[period]);
    const windows = input.source.length ? timeWindows(input, period) : [];
    const [monthText, segments] = await Promise.all([
      monthlyActivityText(snapshot.db, snapshot.tenant),
      Promise.all(windows.map((w) => windowSegments(snapshot, network, w.end))),
    ]);
    const result = await runEngine('evolution', input, monthlyColumns(network, monthText), segments, period);
    return { network, period, result };
  });
}

/** One copy of each dated tie per period it was alive in, stamped at the period's start (or its first sighting). */
function stampedInput(network: TenantNetwork, months: number): NetworkInput {
  const { ties, input } = network;
  const source: number[] = [];
  const target: number[] = [];
  const weight: number[] = [];
  const directed: number[] = [];
  const time: number[] = [];
  for (let e = 0; e < ties.source.length; e++) {
    const first = Number.isNaN(ties.firstSeen[e]) ? ties.lastSeen[e]! : ties.firstSeen[e]!;
    const last = Number.isNaN(ties.lastSeen[e]) ? first : Math.max(first, ties.lastSeen[e]!);
    if (Number.isNaN(first)) continue;
    const d = new Date(first);
    for (let k = 0; ; k += months) {
      const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - (d.getUTCMonth() % months) + k, 1);
      if (start > last) break;
      source.push(input.source[e]!);
      target.push(input.target[e]!);
      weight.push(ties.weight[e]!);
      directed.push(ties.directed[e]!);
      time.push(Math.max(start, first));
    }
  }
  return { nodes: input.nodes, source, target, weight, directed, time };
}

function monthlyColumns(network: TenantNetwork, text: string): MonthRows {
  const rows = parseLines(text).filter((r) => indexOfId(network.customerIds, r[0]!) >= 0);
  return {
    node: Int32Array.from(rows, (r) => indexOfId(network.customerIds, r[0]!)),
    month: Float64Array.from(rows, (r) => r[1]! * 1000),
    rows,
  };
}

async function windowSegments(snapshot: TenantSnapshot, network: TenantNetwork, end: number): Promise<string[]> {
  const rfm = await tenantRfm(snapshot, { asOf: new Date(end) });
  return Array.from(network.customerIds, (id) => {
    const c = customerIndex(rfm.data, id);
    const s = c < 0 ? -1 : rfm.result.segment[c]!;
    return s < 0 ? 'unknown' : rfm.result.segmentNames[s]!;
  });
}
