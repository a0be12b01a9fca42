import { announceWrite } from '../server/ingest/announce';
import { ImportRejectedError } from '../server/ingest/import-rejected';
import { importRows, type ImportSummary } from '../server/ingest/import-rows';
import { importSource } from '../server/ingest/import-source';
import { ImportError } from '../server/ingest/errors';
import { BODY_LIMIT_DEFAULTS } from '../server/plugins/use-body-limit';
import { FORMAT_NAMES, type FormatName } from '../server/ingest/read-records';
import { RECORD_KINDS, type ParsedRow, type RecordKind, type RecordOf, type RowError } from '../server/ingest/types';
import { recordImport } from '../server/observability/metrics';
import { builder } from './builder';
import type { Context } from './context';
import { userError } from './errors';
import {
  CustomerInput,
  InteractionInput,
  OrderInput,
  RelationshipInput,
  customerRows,
  interactionRows,
  orderRows,
  relationshipRows,
} from './ingest-inputs';

export const MAX_BATCH = 10_000;

interface ImportOutcome {
  accepted: boolean;
  kind: RecordKind;
  format: string | null;
  summary: ImportSummary | null;
  errors: RowError[];
  rejectedCount: number;
}

const ImportIssue = builder.objectRef<RowError>('ImportIssue').implement({
  description: 'A row or item that could not be imported, and why.',
  fields: (t) => ({
    line: t.exposeInt('line', { description: 'Line of the file; for mutations, the item\'s position (1-based).' }),
    column: t.exposeInt('column'),
    field: t.exposeString('field', { nullable: true }),
    message: t.exposeString('message'),
  }),
});

const RecordKindEnum = builder.enumType('RecordKind', { values: RECORD_KINDS });
const FORMAT_VALUES = FORMAT_NAMES.map((f) => f.replace('-', '_').toUpperCase());
const FormatEnum = builder.enumType('ImportFormat', {
  values: Object.fromEntries(FORMAT_NAMES.map((f, i) => [FORMAT_VALUES[i]!, { value: f }])),
});
/** An API caller names a format with this argument, not with the CLI's --format. */
const FORMAT_ADVICE = `set importFile's format: argument to one of ${FORMAT_VALUES.join(', ')}`;

const ImportResult = builder.objectRef<ImportOutcome>('ImportResult').implement({
  description: 'What a write did. Writes are all-or-nothing: when `accepted` is false nothing was stored.',
  fields: (t) => ({
    accepted: t.exposeBoolean('accepted'),
    kind: t.field({ type: RecordKindEnum, resolve: (o) => o.kind }),
    format: t.exposeString('format', { nullable: true }),
    rowsRead: t.int({ resolve: (o) => o.summary?.rowsRead ?? 0 }),
    inserted: t.int({ resolve: (o) => o.summary?.inserted ?? 0 }),
    updated: t.int({ resolve: (o) => o.summary?.updated ?? 0 }),
    merged: t.int({
      description: 'Rows that repeated a tie an earlier row of the same write named, added into it (weights summed); '
        + 'counted in rowsRead, not in inserted or updated. Always 0 for other kinds.',
      resolve: (o) => o.summary?.merged ?? 0,
    }),
    customersCreated: t.int({ resolve: (o) => o.summary?.customersCreated ?? 0 }),
    rejectedCount: t.exposeInt('rejectedCount'),
    errors: t.field({ type: [ImportIssue], resolve: (o) => o.errors }),
  }),
});

/** Runs a write; bad rows become a refused result, good ones are announced to subscribers. */
async function outcome(ctx: Context, kind: RecordKind, run: () => Promise<ImportSummary & { format?: string }>) {
  try {
    const summary = await run();
    recordImport(kind, { inserted: summary.inserted, updated: summary.updated, rejected: summary.rejected.length });
    announceWrite(ctx.pubsub, ctx.tenant, summary);
    return {
      accepted: true, kind, format: summary.format ?? null, summary,
      errors: summary.rejected, rejectedCount: summary.rejected.length,
    } satisfies ImportOutcome;
  } catch (err) {
    if (err instanceof ImportRejectedError) {
      recordImport(kind, { rejected: err.count });
      return { accepted: false, kind, format: null, summary: null, errors: err.errors, rejectedCount: err.count };
    }
    if (err instanceof ImportError) throw userError('BAD_USER_INPUT', err.message, { reason: err.code });
    throw err;
  }
}

function writeItems<K extends RecordKind>(ctx: Context, kind: K, rows: ParsedRow<RecordOf[K]>[]) {
  if (rows.length > MAX_BATCH) {
    throw userError('BATCH_TOO_LARGE', `A batch holds at most ${MAX_BATCH} items; this one has ${rows.length}.`, { max: MAX_BATCH });
  }
  if (!rows.length) throw userError('BAD_USER_INPUT', 'The batch is empty.');
  return outcome(ctx, kind, () =>
    importRows(ctx.store, kind, toAsync(rows), { tenant: ctx.tenant, sourceName: kind, format: 'api', classify: ctx.classify }),
  );
}

async function* toAsync<T>(items: T[]): AsyncIterable<T> {
  yield* items;
}

builder.mutationFields((t) => ({
  upsertCustomers: t.field({
    type: ImportResult,
    args: { input: t.arg({ type: [CustomerInput], required: true }) },
    resolve: (_root, args, ctx) => writeItems(ctx, 'customers', customerRows(args.input)),
  }),
  addOrders: t.field({
    type: ImportResult,
    args: { input: t.arg({ type: [OrderInput], required: true }) },
    resolve: (_root, args, ctx) => writeItems(ctx, 'orders', orderRows(args.input)),
  }),
  addInteractions: t.field({
    type: ImportResult,
    args: { input: t.arg({ type: [InteractionInput], required: true }) },
    resolve: (_root, args, ctx) => writeItems(ctx, 'interactions', interactionRows(args.input)),
  }),
  addRelationships: t.field({
    type: ImportResult,
    args: { input: t.arg({ type: [RelationshipInput], required: true }) },
    resolve: (_root, args, ctx) => writeItems(ctx, 'relationships', relationshipRows(args.input)),
  }),
  importFile: t.field({
    type: ImportResult,
    description: 'Imports an uploaded file (GraphQL multipart request) with the same readers and guarantees as `rapport import`.',
    args: {
      kind: t.arg({ type: RecordKindEnum, required: true }),
      format: t.arg({ type: FormatEnum, description: 'Detected from the header when omitted.' }),
      file: t.arg({ type: 'File', required: true }),
      skipInvalid: t.arg.boolean({ defaultValue: false }),
      relationshipKind: t.arg.string({ description: 'Kind of the ties in an edge list. Default: follows.' }),
    },
    resolve: (_root, args, ctx) =>
      outcome(ctx, args.kind, () =>
        importSource(
          ctx.store,
          args.kind,
          { name: args.file.name || 'upload', size: args.file.size, open: () => args.file.stream() },
          {
            tenant: ctx.tenant,
            format: (args.format ?? undefined) as FormatName | undefined,
            skipInvalid: args.skipInvalid ?? false,
            relationshipKind: args.relationshipKind ?? undefined,
            classify: ctx.classify,
            // A gzip upload may not inflate past what an uncompressed one may be.
            maxInflatedBytes: BODY_LIMIT_DEFAULTS.maxUploadBytes,
            formatAdvice: FORMAT_ADVICE,
          },
        ),
      ),
  }),
}));
