import { copyLine, type Tx } from '../../store';
import { lastSequenceOf } from '../../store/queries/interaction-sequence';
import type { InteractionRecord } from '../types';
import type { CustomerResolver } from './customers';
import { wantedCustomers } from './wanted-customers';

const COLUMNS = [
  'tenant_id', 'external_id', 'channel', 'direction', 'occurred_at', 'text', 'author', 'customer_id', 'gold_label',
  'predicted_label', 'p_positive', 'p_neutral', 'p_negative', 'model_id', 'attributes', 'sequence',
] as const;

/** A prediction stored with an interaction; produced by the sentiment model during import. */
export interface Prediction {
  label: 'positive' | 'neutral' | 'negative';
  probabilities: { positive: number; neutral: number; negative: number };
  modelId: string;
}

export type Classifier = (texts: string[]) => Promise<Prediction[]>;

export interface InsertedInteraction {
  id: number;
  externalId: string;
  channel: string;
  sentiment: string | null;
  /** The tenant's ingestion sequence (`Interaction.sequence`). */
  sequence: number;
}

/**
 * Writes a batch of interactions, skipping external ids already stored; returns the ids of the new ones.
 *
 * A tenant's interactions are written by one transaction at a time (a transaction-scoped advisory lock, taken before
 * the first id and held to commit), so they commit in order: each gets the tenant's next `sequence` (1, 2, 3…, per
 * tenant, so its gaps say nothing of other tenants), and a client that catches up with `interactions(addedAfter:)`
 * could otherwise skip rows of a long import that took its numbers before a shorter writer committed. A second
 * writer of the same tenant waits; other tenants do not.
 */
export async function insertInteractions(
  tx: Tx,
  tenant: string,
  customers: CustomerResolver,
  batch: InteractionRecord[],
  classify?: Classifier,
): Promise<InsertedInteraction[]> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('rapport:interactions'), hashtext($1))`, [tenant]);
  await customers.resolve(wantedCustomers(batch));
  const ids = batch.map((i) => i.externalId);
  const known = await tx.query<{ external_id: string }>(
    `SELECT external_id FROM interactions WHERE tenant_id = $1 AND external_id = ANY($2::text[])`,
    [tenant, ids],
  );
  const seen = new Set(known.map((r) => r.external_id));
  const fresh: InteractionRecord[] = [];
  for (const i of batch) {
    if (seen.has(i.externalId)) continue;
    seen.add(i.externalId);
    fresh.push(i);
  }
  if (!fresh.length) return [];
  const predictions = classify ? await classify(fresh.map((i) => i.text)) : [];
  const last = await lastSequenceOf(tx, tenant);
  let text = '';
  fresh.forEach((i, k) => {
    const p = predictions[k];
    const customerId = i.customerExternalId == null ? null : customers.get(i.customerExternalId)!;
    text += copyLine([
      tenant, i.externalId, i.channel, i.direction ?? null, i.occurredAt, i.text, i.author ?? null, customerId,
      i.goldLabel ?? null, p?.label ?? null, p?.probabilities.positive ?? null, p?.probabilities.neutral ?? null,
      p?.probabilities.negative ?? null, p?.modelId ?? null, i.attributes ?? {}, last + k + 1,
    ]);
  });
  await tx.copyIn('interactions', COLUMNS, text);
  const rows = await tx.query<{ id: number; external_id: string; channel: string; predicted_label: string | null; sequence: number | string }>(
    `SELECT id, external_id, channel, predicted_label, sequence FROM interactions
     WHERE tenant_id = $1 AND external_id = ANY($2::text[]) ORDER BY id`,
    [tenant, fresh.map((i) => i.externalId)],
  );
  return rows.map((r) => ({ id: r.id, externalId: r.external_id, channel: r.channel, sentiment: r.predicted_label, sequence: Number(r.sequence) }));
}
