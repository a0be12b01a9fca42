import type { SentimentModel } from '../../models/inference/node';
import type { Store } from '../store';
import { bumpTenantVersion } from '../store/queries/tenant-version';

export interface ReclassifyOptions {
  /** Interactions read, classified and written per transaction. @default 1000 */
  batchSize?: number;
  /** Called after each batch with the interactions done so far and the total. */
  onProgress?: (done: number, total: number) => void;
}

export interface ReclassifySummary {
  tenant: string;
  modelId: string;
  /** Interactions classified again (every one of the tenant's). */
  reclassified: number;
  /** Of those, how many got another label. */
  labelsChanged: number;
}

/** Raised for a tenant the store does not hold: a usage error, not a failure of the store. */
export class UnknownTenantError extends Error {
  override readonly name = 'UnknownTenantError';
}

/**
 * Classifies every interaction of a tenant again with `model` and stores label, probabilities and model id, as an
 * import would have — after a model or its calibration changed, or to move a tenant to another model. Interactions
 * never change their text, so each batch is read, classified outside any transaction, and written in a short one
 * that bumps the tenant's data version (cached analytics then never serve the old labels). Runs on the tenant's
 * scoped store, so row-level security holds it to that tenant whatever the SQL says. Idempotent: a second run with
 * the same model changes nothing but the version.
 */
export async function reclassifyTenant(
  owner: Store,
  tenant: string,
  model: SentimentModel,
  options: ReclassifyOptions = {},
): Promise<ReclassifySummary> {
  const batchSize = options.batchSize ?? 1000;
  const store = owner.forTenant(tenant);
  const [known] = await store.query<{ n: number }>(`SELECT count(*)::int AS n FROM tenants WHERE id = $1`, [tenant]);
  if (!known?.n) throw new UnknownTenantError(`There is no tenant "${tenant}" in this store.`);
  const [counted] = await store.query<{ total: number }>(`SELECT count(*)::int AS total FROM interactions WHERE tenant_id = $1`, [tenant]);
  const total = counted?.total ?? 0;
  const summary: ReclassifySummary = { tenant, modelId: model.id, reclassified: 0, labelsChanged: 0 };
  options.onProgress?.(0, total);
  for (let after = 0; ; ) {
    const rows = await store.query<{ id: number; text: string; predicted_label: string | null }>(
      `SELECT id, text, predicted_label FROM interactions WHERE tenant_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
      [tenant, after, batchSize],
    );
    if (!rows.length) break;
    const predictions = await model.classify(rows.map((r) => r.text));
    const probability = (label: 'positive' | 'neutral' | 'negative') => predictions.map((p) => p.probabilities[label]);
    await store.transaction(async (tx) => {
      await tx.query(
        `UPDATE interactions AS i
         SET predicted_label = u.label, p_positive = u.positive, p_neutral = u.neutral, p_negative = u.negative,
             model_id = $7
         FROM unnest($2::bigint[], $3::text[], $4::real[], $5::real[], $6::real[]) AS u(id, label, positive, neutral, negative)
         WHERE i.tenant_id = $1 AND i.id = u.id`,
        [
          tenant, rows.map((r) => r.id), predictions.map((p) => p.label),
          probability('positive'), probability('neutral'), probability('negative'), model.id,
        ],
      );
      await bumpTenantVersion(tx, tenant);
    });
    summary.reclassified += rows.length;
    summary.labelsChanged += rows.filter((r, k) => r.predicted_label !== predictions[k]!.label).length;
    after = rows[rows.length - 1]!.id;
    options.onProgress?.(summary.reclassified, Math.max(total, summary.reclassified));
  }
  return summary;
}
