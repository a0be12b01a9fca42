import { generateDemo, type DemoOptions } from '../demo';
import type { Store } from '../store';
import { importRows, type ImportOptions } from './import-rows';
import type { RecordKind, RecordOf } from './types';

const ORDER: RecordKind[] = ['customers', 'orders', 'interactions', 'relationships'];

/**
 * Loads the built-in demo data set into a tenant unless it is already there. Each kind is an ordinary
 * (idempotent) import, so a start interrupted halfway simply completes the set on the next start.
 * Returns whether anything was loaded.
 */
export async function importDemo(
  store: Store,
  options: { tenant?: string; demo?: Partial<DemoOptions>; classify?: ImportOptions['classify'] } = {},
): Promise<boolean> {
  const tenant = options.tenant ?? 'default';
  const done = await store.query(
    `SELECT 1 FROM imports WHERE tenant_id = $1 AND source = 'demo:relationships' LIMIT 1`,
    [tenant],
  );
  if (done.length) return false;
  const demo = generateDemo(options.demo);
  for (const kind of ORDER) {
    const records = demo[kind] as RecordOf[typeof kind][];
    await importRows(store, kind, rowsOf(records), {
      tenant,
      sourceName: `demo:${kind}`,
      format: 'demo',
      classify: options.classify,
    });
  }
  return true;
}

async function* rowsOf<T>(records: T[]) {
  let line = 0;
  for (const record of records) yield { line: ++line, record };
}
