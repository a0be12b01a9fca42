import { binaryKind, detectFormat, readHead } from './detect';
import { ImportError } from './errors';
import { FORMAT_NAMES, isFormatName, type FormatName, type FormatReader } from './readers/format';
import { checkKeyLengths } from './readers/key-lengths';
import { lineBatches } from './readers/lines';
import { FORMATS } from './readers/registry';
import { counted, CorruptDataError, gunzip, isGzip, Peekable, sourceChunks } from './source';
import { undetectedFormat } from './undetected-format';
import {
  isRelationshipKind,
  RECORD_KINDS,
  RELATIONSHIP_KIND_RULE,
  type ParsedRow,
  type RecordKind,
  type RecordOf,
  type Source,
} from './types';

export { ImportError, type ImportErrorCode } from './errors';
export { FORMAT_NAMES, type FormatName } from './readers/format';
export { fileSource } from './source';

export interface ReadRecordsOptions {
  /** Skip detection and read the file as this format. @default detected from the header */
  format?: FormatName;
  /** Called as raw (possibly compressed) bytes are read, to show progress against `source.size`. */
  onBytes?: (bytesSoFar: number) => void;
  /** Relationship kind for edge lists and rows that state none. @default 'follows' */
  kindOption?: string;
  /**
   * Most bytes a gzip file may inflate to (uploads: what an uncompressed upload may hold, so a 1 MB file of
   * zeros cannot become gigabytes of work). @default no limit (the CLI reads its user's own files)
   */
  maxInflatedBytes?: number;
  /** What to tell the caller to do when the format cannot be detected. @default CLI_FORMAT_ADVICE (`--format`) */
  formatAdvice?: string;
}

export interface ReadRecordsResult<K extends RecordKind> {
  format: FormatName;
  /** The rows in file order, streamed: iterate once. Bad rows come as `{ line, error }`, never as a throw. */
  rows: AsyncIterable<ParsedRow<RecordOf[K]>>;
}

const FORMAT_LIST = FORMAT_NAMES.join(', ');

/**
 * Opens a source and gets ready to stream its records of one kind: gunzips by magic bytes, rejects files that
 * cannot be imported at all (missing, a directory, empty, binary, unknown or wrong format) with an ImportError,
 * and detects the format from the header unless one is given.
 */
export async function readRecords<K extends RecordKind>(
  source: Source,
  kind: K,
  options: ReadRecordsOptions = {},
): Promise<ReadRecordsResult<K>> {
  const { name } = source;
  if (!RECORD_KINDS.includes(kind)) throw new TypeError(`Unknown record kind "${String(kind)}"; use one of ${RECORD_KINDS.join(', ')}.`);
  if (options.format !== undefined) {
    if (!isFormatName(options.format)) {
      throw new ImportError('UNKNOWN_FORMAT', `Unknown format "${options.format}" for ${name}; use one of ${FORMAT_LIST}.`);
    }
    assertHolds(FORMATS[options.format], kind, name, false);
  }
  if (kind === 'relationships' && options.kindOption !== undefined && !isRelationshipKind(options.kindOption)) {
    const what = `The relationship kind "${options.kindOption}" for ${name}`;
    throw new ImportError('BAD_OPTION', `${what} is not ${RELATIONSHIP_KIND_RULE}.`);
  }

  const raw = new Peekable(counted(sourceChunks(source), options.onBytes));
  let text = raw;
  try {
    const first = await openFirst(raw, name);
    if (first !== null && isGzip(first)) text = new Peekable(counted(gunzip(raw.all()), inflationLimit(options.maxInflatedBytes, name)));
    const { head, bytes } = await readSniffed(text, name);
    if (head.complete && head.lines.every((line) => line.trim() === '')) {
      throw new ImportError('EMPTY_FILE', `${name} is empty.`);
    }
    const what = binaryKind(bytes);
    if (what !== null) {
      throw new ImportError('BINARY_FILE', `${name} is ${what}, not a text file; save it as CSV or JSON Lines first.`);
    }
    const format = options.format ?? detectFormat(head, kind);
    if (format === null) throw undetectedFormat(name, head, kind, options.formatAdvice);
    const reader = FORMATS[format];
    assertHolds(reader, kind, name, options.format === undefined);
    const misfit = reader.misfit(head, kind);
    if (misfit !== null) {
      throw new ImportError('FORMAT_MISMATCH', `${name} cannot be read as ${format}: ${misfit}.`);
    }
    if (head.complete && !reader.hasRows(head)) {
      throw new ImportError('EMPTY_FILE', `${name} has no rows after its header.`);
    }
    const rows = checkKeyLengths(reader.read(lineBatches(text.all()), kind, { kindOption: options.kindOption }));
    return { format, rows: rows as AsyncIterable<ParsedRow<RecordOf[K]>> };
  } catch (error) {
    await text.close().catch(() => undefined);
    if (text !== raw) await raw.close().catch(() => undefined);
    throw error;
  }
}

/** For `counted` over the inflated bytes: refuses the file once they pass `limit` (none: no check). */
function inflationLimit(limit: number | undefined, name: string): ((bytes: number) => void) | undefined {
  if (limit === undefined) return undefined;
  return (bytes) => {
    if (bytes > limit) {
      throw new ImportError('FILE_TOO_LARGE', `${name} inflates to more than ${formatMegabytes(limit)}, the most an upload may hold; import it with \`rapport import\`, or split it.`);
    }
  };
}

const formatMegabytes = (bytes: number) => `${Math.round(bytes / (1 << 20))} MB`;

function assertHolds(reader: FormatReader, kind: RecordKind, name: string, detected: boolean): void {
  if (reader.kinds.includes(kind)) return;
  const holds = reader.kinds.join(' or ');
  throw new ImportError(
    'FORMAT_MISMATCH',
    detected
      ? `${name} looks like ${reader.name} data, which holds ${holds}, not ${kind}.`
      : `The ${reader.name} format holds ${holds}, not ${kind}, so ${name} cannot be read as ${kind}.`,
  );
}

/** Reads the first chunk, turning "no such file" and "is a directory" into ImportErrors. */
async function openFirst(raw: Peekable, name: string): Promise<Uint8Array | null> {
  try {
    return await raw.pull();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new ImportError('FILE_NOT_FOUND', `${name} does not exist.`, { cause: error });
    }
    if (code === 'EISDIR') throw new ImportError('NOT_A_FILE', `${name} is a directory, not a file.`, { cause: error });
    throw error;
  }
}

async function readSniffed(text: Peekable, name: string): ReturnType<typeof readHead> {
  try {
    return await readHead(text);
  } catch (error) {
    if (error instanceof CorruptDataError) {
      throw new ImportError('BINARY_FILE', `${name} starts like gzip but ${error.message}.`, { cause: error });
    }
    throw error;
  }
}
