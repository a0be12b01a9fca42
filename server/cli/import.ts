import { writeFileSync } from 'node:fs';
import { announceWrite } from '../ingest/announce';
import { importSource } from '../ingest/import-source';
import { formatRowError } from '../ingest/import-rejected';
import type { ImportSummary } from '../ingest/import-rows';
import { fileSource, type FormatName } from '../ingest/read-records';
import type { RecordKind, RowError } from '../ingest/types';
import { importClassifier } from '../sentiment/import-classifier';
import { createRapportPubSub } from '../pubsub';
import { openStore } from '../store';
import { UsageError } from './fail';
import { importViaServer } from './import-via-server';
import { onInterrupt } from './on-interrupt';
import { counted } from './plural';
import { progress } from './progress';
import { sentimentModels } from './sentiment-models';
import { storeOptions, type StoreFlags } from './store-options';
import { tenantFlag } from './tenant-flag';

export interface ImportFlags extends StoreFlags {
  /** Left unset when not given, so `--server` can tell "not given" (the key's tenant) from an explicit one. */
  tenant?: string;
  format?: FormatName;
  server?: string;
  skipInvalid?: boolean;
  rejects?: string;
  relationshipKind?: string;
  progressLines?: boolean;
  /** Classifies unlabelled interactions with this model instead of the default. */
  sentimentModel?: string;
  /** With PostgreSQL: the Redis the servers share, to announce the import to their live subscribers. */
  redisUrl?: string;
}

/** `rapport import KIND FILE`: into a store opened here, or sent to a running server with `--server`. */
export async function runImport(kind: RecordKind, file: string, flags: ImportFlags): Promise<void> {
  const started = performance.now();
  if (flags.tenant !== undefined) tenantFlag(flags.tenant);
  // Without --skip-invalid a bad row stops the import, so there is never a report to write.
  if (flags.rejects && !flags.skipInvalid) throw new UsageError('--rejects names the report of --skip-invalid: add --skip-invalid, or drop --rejects.');
  if (flags.sentimentModel && (kind !== 'interactions' || flags.server)) {
    throw new UsageError(flags.server
      ? '--sentiment-model applies to imports into a store opened here; a server classifies with its own default.'
      : '--sentiment-model applies to interactions only.');
  }
  if (flags.redisUrl && flags.server) throw new UsageError('--redis-url applies to imports into a store opened here; a server announces what it imports itself.');
  if (flags.server) {
    const result = await importViaServer(flags.server, kind, file, flags);
    report(file, result, flags, started);
    return;
  }
  const tenant = flags.tenant ?? 'default';
  // Interactions are classified as they are written, with the default model (like the server) or the one asked for.
  const models = kind === 'interactions' ? sentimentModels(flags.sentimentModel) : undefined;
  const options = storeOptions(flags, 'cli');
  if (flags.redisUrl && !options.databaseUrl) {
    throw new UsageError('--redis-url applies to imports into PostgreSQL (--database-url): a server on PGlite holds its store, so import through it with --server.');
  }
  // Servers on the same PostgreSQL and Redis tell their live subscribers, as if the rows came through them. The bus
  // is reached before anything is imported: an import that cannot be announced is refused, not silently unseen.
  const redisUrl = options.databaseUrl ? (flags.redisUrl ?? process.env.REDIS_URL) : undefined;
  const bus = redisUrl ? await createRapportPubSub({ redisUrl }) : undefined;
  const store = await openStore(options).catch(async (err) => {
    await bus?.close();
    throw err;
  });
  try {
    const source = fileSource(file);
    const bar = progress(`importing ${kind}`, source.size, { lines: flags.progressLines });
    // The import is one transaction: leaving now, before its commit, leaves nothing of it in the store.
    const removeInterrupt = onInterrupt(() => {
      bar.stop();
      console.error('Interrupted; nothing was imported.');
      process.exit(130);
    });
    try {
      const summary = await importSource(store, kind, source, {
        tenant,
        format: flags.format,
        skipInvalid: flags.skipInvalid,
        relationshipKind: flags.relationshipKind,
        classify: models && importClassifier(models),
        onBytes: (n) => bar.update(n),
      }).finally(removeInterrupt); // once committed, an interrupt must not claim otherwise
      bar.stop();
      if (bus) announceWrite(bus.pubsub, tenant, summary);
      report(file, { ...summary, rejectedCount: summary.rejected.length, tenant }, flags, started);
    } finally {
      bar.stop();
    }
  } finally {
    // Closing the bus waits for its PUBLISHes to be sent.
    await Promise.all([store.close(), models?.dispose(), bus?.close()]);
  }
}

export type ImportReport = Pick<ImportSummary, 'rowsRead' | 'inserted' | 'updated' | 'merged' | 'customersCreated' | 'rejected'> & {
  format: string;
  rejectedCount: number;
  /** The tenant the rows went into (with `--server`, as the server says). */
  tenant: string;
};

function report(file: string, r: ImportReport, flags: ImportFlags, started: number): void {
  const seconds = (performance.now() - started) / 1000;
  const rate = Math.round(r.rowsRead / Math.max(seconds, 1e-3));
  console.log(
    `Imported ${file} (${r.format}) into tenant ${r.tenant}: ${counted(r.rowsRead, 'row')} read, ${r.inserted} new, ` +
      `${r.updated} updated, ${r.merged ? `${counted(r.merged, 'repeat')} added up, ` : ''}` +
      `${counted(r.customersCreated, 'customer')} created, ${r.rejectedCount} rejected ` +
      `in ${seconds.toFixed(1)} s (${counted(rate, 'row')}/s).`,
  );
  if (r.rejectedCount) {
    const target = flags.rejects ?? `${file.replace(/\.gz$/, '')}.rejects.csv`;
    writeFileSync(target, rejectReport(file, r.rejected));
    console.log(`Wrote the ${counted(r.rejectedCount, 'rejected row')} to ${target}${r.rejected.length < r.rejectedCount ? ` (the first ${r.rejected.length})` : ''}.`);
  }
}

function rejectReport(file: string, errors: RowError[]): string {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return ['line,column,field,message,where', ...errors.map((e) => [e.line, e.column, quote(e.field ?? ''), quote(e.message), quote(formatRowError(file, e))].join(','))].join('\n') + '\n';
}
