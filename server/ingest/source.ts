import { createReadStream, statSync } from 'node:fs';
import { pipeline, Readable } from 'node:stream';
import { createGunzip, type ZlibOptions } from 'node:zlib';
import type { Source } from './types';

/** Bytes per read: large reads keep the per-chunk work (decode, split, validate) small relative to the data. */
const READ_CHUNK = 256 * 1024;
const INFLATE_AHEAD = 1024 * 1024;

/** A file on disk as a `Source`. Does not touch the file beyond a stat; a missing file is reported on read. */
export function fileSource(path: string): Source {
  let size: number | undefined;
  try {
    const stat = statSync(path);
    if (stat.isFile()) size = stat.size;
  } catch {
    // reported by readRecords when it opens the file
  }
  return { name: path, size, open: () => createReadStream(path, { highWaterMark: READ_CHUNK }) };
}

/** The raw bytes of a source as one async iterable, whether it opens a Node stream or a web stream. */
export async function* sourceChunks(source: Source): AsyncGenerator<Uint8Array> {
  const stream = source.open();
  if ('getReader' in stream) {
    const reader = stream.getReader();
    let finished = false;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        yield value;
      }
      finished = true;
    } finally {
      if (!finished) await reader.cancel().catch(() => undefined);
      reader.releaseLock();
    }
    return;
  }
  for await (const chunk of stream) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
}

/** Passes chunks through, reporting the running byte count (of the raw, possibly compressed, bytes). */
export async function* counted(
  chunks: AsyncIterable<Uint8Array>,
  onBytes: ((bytesSoFar: number) => void) | undefined,
): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    onBytes?.(total);
    yield chunk;
  }
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Compressed data that zlib could not decompress (corrupt or cut short). */
export class CorruptDataError extends Error {
  override readonly name = 'CorruptDataError';
}

/** Decompresses a gzip stream (concatenated members included); zlib failures surface as CorruptDataError. */
export async function* gunzip(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  // A deep output buffer lets zlib (on the thread pool) inflate ahead while the main thread parses.
  const unzip = createGunzip({ chunkSize: READ_CHUNK, highWaterMark: INFLATE_AHEAD } as ZlibOptions);
  // pipeline destroys both sides on failure or early exit, which also closes the source's iterator.
  pipeline(Readable.from(chunks, { objectMode: false }), unzip, () => undefined);
  try {
    for await (const chunk of unzip) yield chunk as Buffer;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('Z_')) {
      throw new CorruptDataError(`the gzip data is corrupt or cut short (${(error as Error).message})`, { cause: error });
    }
    throw error;
  } finally {
    unzip.destroy();
  }
}

/** An async iterable whose first chunks can be read ahead (to sniff the format) and then replayed. */
export class Peekable {
  private readonly iterator: AsyncIterator<Uint8Array>;
  private buffered: Uint8Array[] = [];
  private ended = false;

  constructor(chunks: AsyncIterable<Uint8Array>) {
    this.iterator = chunks[Symbol.asyncIterator]();
  }

  /** Whether the underlying chunks are exhausted. */
  get done(): boolean {
    return this.ended;
  }

  /** Reads one more chunk ahead; null at the end. */
  async pull(): Promise<Uint8Array | null> {
    if (this.ended) return null;
    const next = await this.iterator.next();
    if (next.done) {
      this.ended = true;
      return null;
    }
    this.buffered.push(next.value);
    return next.value;
  }

  /** The chunks read ahead so far. */
  get peeked(): readonly Uint8Array[] {
    return this.buffered;
  }

  /** All chunks from the start: those read ahead, then the rest. Iterate once. */
  async *all(): AsyncGenerator<Uint8Array> {
    const ahead = this.buffered;
    this.buffered = [];
    let finished = this.ended;
    try {
      yield* ahead; // inside the try: stopping early here must still close the source
      while (!finished) {
        const next = await this.iterator.next();
        if (next.done) finished = true;
        else yield next.value;
      }
    } finally {
      if (!finished) await this.iterator.return?.();
    }
  }

  /** Releases the underlying source (closes the file) without reading further. */
  async close(): Promise<void> {
    if (!this.ended) await this.iterator.return?.();
    this.ended = true;
  }
}
