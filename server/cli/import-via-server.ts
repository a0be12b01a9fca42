import { openAsBlob, existsSync } from 'node:fs';
import path from 'node:path';
import type { RecordKind, RowError } from '../ingest/types';
import { CommandError, UsageError } from './fail';
import type { ImportFlags, ImportReport } from './import';
import { counted } from './plural';
import { progress } from './progress';
import { callServer, graphqlUrl, keyTenant } from './server-call';

const MUTATION = `mutation Import($kind: RecordKind!, $format: ImportFormat, $file: File!, $skipInvalid: Boolean, $relationshipKind: String) {
  importFile(kind: $kind, format: $format, file: $file, skipInvalid: $skipInvalid, relationshipKind: $relationshipKind) {
    accepted format rowsRead inserted updated merged customersCreated rejectedCount errors { line column field message }
  }
}`;

/**
 * Sends the file to a running server as a GraphQL multipart upload, so its store is never opened twice. The server
 * imports into the key's tenant whatever `--tenant` says, so a `--tenant` that is not the key's is refused first.
 */
export async function importViaServer(server: string, kind: RecordKind, file: string, flags: ImportFlags & { key?: string }): Promise<ImportReport> {
  const url = graphqlUrl(server);
  // A key names its own tenant; without one only a --dev server on this machine accepts the upload.
  const key = flags.key ?? process.env.RAPPORT_KEY;
  const auth: Record<string, string> = key ? { authorization: `Bearer ${key}` } : { 'x-rapport-tenant': flags.tenant ?? 'default' };
  if (!existsSync(file)) throw new CommandError(`${file} does not exist.`);
  if (key && flags.tenant) {
    const tenant = await keyTenant(url, key);
    if (tenant !== flags.tenant) {
      throw new UsageError(`This key acts for tenant ${tenant}, not ${flags.tenant}: drop --tenant, or use a key of tenant ${flags.tenant}.`);
    }
  }
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
  const blob = await openAsBlob(file);
  form.append('0', blob, path.basename(file));
  // The upload's progress, then a word while the server imports: it answers once the import is committed.
  const bar = progress(`uploading ${path.basename(file)} to ${url.host}`, blob.size, { lines: flags.progressLines });
  const upload = countedBody(form, blob.size, (n) => bar.update(n), () => {
    bar.stop();
    console.error(`rapport: ${path.basename(file)} is uploaded (${(blob.size / 1048576).toFixed(1)} MB); the server is importing it…`);
  });
  const response = await callServer(url, { ...upload, headers: { ...upload.headers, ...auth } }).finally(() => bar.stop());
  const body = (await response.json().catch(() => null)) as {
    data?: { importFile: Omit<ImportReport, 'rejected' | 'tenant'> & { accepted: boolean; errors: RowError[] } };
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
      [`${file} has ${counted(result.rejectedCount, 'bad row')}; nothing was imported (use --skip-invalid to import the good rows).`, ...lines].join('\n'),
    );
  }
  const { errors, ...rest } = result;
  // The tenant the server acted for, as it says; a server too old to say acted for the key's (or the header's).
  const tenant = response.headers.get('x-rapport-tenant') ?? (key ? "the key's tenant" : flags.tenant ?? 'default');
  return { ...rest, rejected: errors, tenant };
}

/**
 * The multipart encoding of `form` as a stream that reports the bytes sent so far, counted up to `size` (the file;
 * the other parts are a few hundred bytes), and calls `onSent` once all are sent; with the content type and boundary.
 */
function countedBody(form: FormData, size: number, onBytes: (sent: number) => void, onSent: () => void): RequestInit & { headers: Record<string, string> } {
  const encoded = new Response(form);
  let sent = 0;
  const body = encoded.body!.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        sent += chunk.byteLength;
        if (sent < size) onBytes(sent);
        controller.enqueue(chunk);
      },
      flush() {
        onBytes(size);
        onSent();
      },
    }),
  );
  return { body, headers: { 'content-type': encoded.headers.get('content-type')! }, duplex: 'half' } as RequestInit & { headers: Record<string, string> };
}
