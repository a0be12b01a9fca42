import { copyLine, type Tx } from '../../store';
import type { RelationshipRecord } from '../types';
import type { CustomerResolver } from './customers';

const COLUMNS = ['tenant_id', 'source_id', 'target_id', 'kind', 'weight', 'first_seen', 'last_seen'] as const;

/** Writes a batch of ties, creating the customers they name; a tie already stored (same ends and kind) is kept. */
export async function insertRelationships(tx: Tx, tenant: string, customers: CustomerResolver, batch: RelationshipRecord[]) {
  const wanted = new Map<string, undefined>();
  for (const r of batch) wanted.set(r.sourceExternalId, undefined).set(r.targetExternalId, undefined);
  await customers.resolve(wanted);
  const ties = batch.map((r) => ({
    source: customers.get(r.sourceExternalId)!,
    target: customers.get(r.targetExternalId)!,
    record: r,
  }));
  const existing = await tx.query<{ source_id: number; target_id: number; kind: string }>(
    `SELECT r.source_id, r.target_id, r.kind
     FROM unnest($2::bigint[], $3::bigint[], $4::text[]) AS k(s, t, kind)
     JOIN relationships r ON r.tenant_id = $1 AND r.source_id = k.s AND r.target_id = k.t AND r.kind = k.kind`,
    [tenant, ties.map((t) => t.source), ties.map((t) => t.target), ties.map((t) => t.record.kind)],
  );
  const seen = new Set(existing.map((e) => tieKey(e.source_id, e.target_id, e.kind)));
  let text = '';
  let inserted = 0;
  for (const { source, target, record: r } of ties) {
    const key = tieKey(source, target, r.kind);
    if (seen.has(key)) continue;
    seen.add(key);
    text += copyLine([tenant, source, target, r.kind, r.weight, r.firstSeen ?? null, r.lastSeen ?? null]);
    inserted++;
  }
  if (inserted) await tx.copyIn('relationships', COLUMNS, text);
  return { inserted };
}

const tieKey = (source: number, target: number, kind: string) => `${source}:${target}:${kind}`;
