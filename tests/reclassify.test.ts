import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNodeModel, modelDir, type Prediction, type SentimentModel } from '../models/inference/node';
import { importSource } from '../server/ingest/import-source';
import { fileSource } from '../server/ingest/read-records';
import { importClassifier } from '../server/sentiment/import-classifier';
import { createModelRegistry, type ModelRegistry } from '../server/sentiment/model-registry';
import { reclassifyTenant, UnknownTenantError } from '../server/sentiment/reclassify';
import type { Store } from '../server/store';
import { sampleTexts } from './models/texts';
import { tempFiles } from './support/files';
import { storeCases } from './support/stores';

const TEXTS = sampleTexts(60);
const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
const CSV = 'external_id,channel,occurred_at,text,customer_external_id\n' +
  TEXTS.map((t, i) => `t${i},social,2024-01-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z,${quote(t)},c${i % 7}`).join('\n') + '\n';

interface Stored {
  external_id: string;
  predicted_label: string;
  p_positive: number;
  p_neutral: number;
  p_negative: number;
  model_id: string;
}

describe.each(storeCases())('reclassifying a tenant on $name', ({ open }) => {
  const files = tempFiles('rapport-reclassify-');
  let store: Store;
  let fast: ModelRegistry;
  let ensemble: SentimentModel;
  const stored = (tenant: string) =>
    store.query<Stored & Record<string, unknown>>(
      `SELECT external_id, predicted_label, p_positive, p_neutral, p_negative, model_id FROM interactions
       WHERE tenant_id = $1 ORDER BY id`,
      [tenant],
    );
  const version = async (tenant: string) =>
    (await store.query<{ version: number }>(`SELECT version FROM tenant_versions WHERE tenant_id = $1`, [tenant]))[0]!.version;

  beforeAll(async () => {
    store = await open();
    fast = createModelRegistry({ defaultName: 'fast' });
    ensemble = await loadNodeModel(modelDir('ensemble'));
    const file = files.write('notes.csv', CSV);
    for (const tenant of ['acme', 'other']) {
      await importSource(store, 'interactions', fileSource(file), { tenant, classify: importClassifier(fast) });
    }
  });
  afterAll(async () => {
    await Promise.all([fast?.dispose(), ensemble?.dispose()]);
    await store?.close();
    rmSync(files.dir, { recursive: true, force: true });
  });

  it("stores the model's labels and probabilities for every interaction of that tenant, and no other's", async () => {
    const [before, otherBefore, versionBefore, otherVersion] = [await stored('acme'), await stored('other'), await version('acme'), await version('other')];
    expect(before.every((r) => r.model_id === 'fast')).toBe(true);
    const progress: Array<[number, number]> = [];
    const summary = await reclassifyTenant(store, 'acme', ensemble, { batchSize: 16, onProgress: (d, t) => progress.push([d, t]) });

    const expected: Prediction[] = await ensemble.classify(TEXTS);
    const after = await stored('acme');
    expect(after.map((r) => r.external_id)).toEqual(TEXTS.map((_, i) => `t${i}`));
    after.forEach((r, i) => {
      expect(r.model_id).toBe('ensemble');
      expect(r.predicted_label, TEXTS[i]).toBe(expected[i]!.label);
      // Stored as real (float4).
      expect(r.p_positive).toBeCloseTo(expected[i]!.probabilities.positive, 6);
      expect(r.p_neutral).toBeCloseTo(expected[i]!.probabilities.neutral, 6);
      expect(r.p_negative).toBeCloseTo(expected[i]!.probabilities.negative, 6);
    });
    const changed = before.filter((r, i) => r.predicted_label !== expected[i]!.label).length;
    expect(summary).toEqual({ tenant: 'acme', modelId: 'ensemble', reclassified: 60, labelsChanged: changed });
    expect(progress).toEqual([[0, 60], [16, 60], [32, 60], [48, 60], [60, 60]]);
    // One version per batch written; the other tenant is untouched.
    expect(await version('acme')).toBe(versionBefore + 4);
    expect(await version('other')).toBe(otherVersion);
    expect(await stored('other')).toEqual(otherBefore);
  });

  it('changes nothing on a second run with the same model', async () => {
    const before = await stored('acme');
    const summary = await reclassifyTenant(store, 'acme', ensemble);
    expect(summary.labelsChanged).toBe(0);
    expect(await stored('acme')).toEqual(before);
  });

  it('refuses a tenant the store does not hold', async () => {
    await expect(reclassifyTenant(store, 'nobody', ensemble)).rejects.toBeInstanceOf(UnknownTenantError);
  });
});
