import { reclassifyTenant, UnknownTenantError } from '../sentiment/reclassify';
import { openStore } from '../store';
import { UsageError } from './fail';
import { progress, type Progress } from './progress';
import { sentimentModels } from './sentiment-models';
import { storeOptions, type StoreFlags } from './store-options';
import { tenantFlag } from './tenant-flag';

export interface ReclassifyFlags extends StoreFlags {
  tenant: string;
  /** Classify with this model instead of the default. */
  sentimentModel?: string;
  progressLines?: boolean;
}

/** `rapport reclassify`: every interaction of a tenant classified again, with the default model or the one named. */
export async function runReclassify(flags: ReclassifyFlags): Promise<void> {
  const started = performance.now();
  tenantFlag(flags.tenant);
  const models = sentimentModels(flags.sentimentModel);
  const options = storeOptions(flags, 'cli');
  try {
    const model = await models.get();
    const store = await openStore({
      ...options,
      whenServed: () => 'Stop it first: reclassify needs a PGlite store to itself (a PostgreSQL store, --database-url, can be shared).',
    });
    try {
      let bar: Progress | undefined; // made on the first call, which brings the total
      const summary = await reclassifyTenant(store, flags.tenant, model, {
        onProgress: (done, total) => {
          bar ??= progress(`reclassifying ${flags.tenant}`, total, { lines: flags.progressLines, unit: 'interactions' });
          bar.update(done);
        },
      }).finally(() => bar?.stop());
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `Reclassified ${summary.reclassified} interactions of tenant ${summary.tenant} with ${summary.modelId} in ` +
          `${seconds.toFixed(1)} s: ${summary.labelsChanged} changed label.`,
      );
    } catch (err) {
      if (err instanceof UnknownTenantError) throw new UsageError(err.message);
      throw err;
    } finally {
      await store.close();
    }
  } finally {
    await models.dispose();
  }
}
