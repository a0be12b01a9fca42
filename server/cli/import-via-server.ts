import { openAsBlob, existsSync } from 'node:fs';
import path from 'node:path';
import type { RecordKind, RowError } from '../ingest/types';
import { CommandError } from './fail';
import type { ImportFlags, ImportReport } from './import';

const MUTATION = `mutation Import($kind: RecordKind!, $format: ImportFormat, $file: File!, $skipInvalid: Boolean, $relationshipKind: String) {
  importFile(kind: $kind, format: $format, file: $file, skipInvalid: $skipInvalid, relationshipKind: $relationshipKind) {
    accepted format rowsRead inserted updated customersCreated rejectedCount errors { line column field message }
  }
}`;

/** Sends the file to a running server as a GraphQL multipart upload, so its store is never opened twice. */
export async function importViaServer(server: string, kind: RecordKind, file: string, flags: ImportFlags & { key?: string }): Promise<ImportReport> {
  // A key names its own tenant; without one only a --dev server on this machine accepts the upload.
  const key = flags.key ?? process.env.RAPPORT_KEY;
  const auth: Record<string, string> = key ? { authorization: `Bearer ${key}` } : { 'x-rapport-tenant': flags.tenant };
  if (!existsSync(file)) throw new CommandError(`${file} does not exist.`);
  const form = new FormData();
  const variables = {
    kind,
    format: flags.format ? flags.format.replace('-', '_').toUpperCase() : null,
    file: null,
    skipInvalid: flags.skipInvalid ?? false,
    relationshipKind: flags.relationshipKind ?? null,
  };
  form.append('operations', JSON.stringify({ query: MUTATION, variables }));
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', await openAsBlob(file), path.basename(file));
  const url = new URL('/graphql', server);
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', body: form, headers: auth });
  } catch (err) {
    throw new CommandError(`Cannot reach the Rapport server at ${url.origin}: ${(err as Error).message}.`);
  }
  const body = (await response.json().catch(() => null)) as {
    data?: { importFile: Omit<ImportReport, 'rejected'> & { accepted: boolean; errors: RowError[] } };
    errors?: { message: string }[];
  } | null;
  if (!body?.data?.importFile) {
    const why = body?.errors?.map((e) => e.message).join(' ') ?? `HTTP ${response.status}`;
    throw new CommandError(`The server at ${url.origin} refused the import: ${why}`);
  }
  const result = body.data.importFile;
  if (!result.accepted) {
    const lines = result.errors.slice(0, 20).map((e) => `${file}:${e.line}:${e.column}: ${e.message}`);
    throw new CommandError(
      [`${file} has ${result.rejectedCount} bad rows; nothing was imported (use --skip-invalid to import the good rows).`, ...lines].join('\n'),
    );
  }
  const { errors, ...rest } = result;
  return { ...rest, rejected: errors };
}
