import { isUtf8 } from 'node:buffer';
import type { RowError } from '../types';
import { CorruptDataError } from '../source';
import { characterColumn, firstInvalidUtf8 } from './utf8';

/** Consecutive physical lines of a file, decoded. Batches keep per-line work to a string each. */
export interface LineBatch {
  /** 1-based line number of `lines[0]`. */
  first: number;
  /** The lines without their LF or CRLF terminator (a byte-order mark at the start of the file is dropped too). */
  lines: string[];
  /**
   * Lines whose bytes are not text the store can hold (invalid UTF-8, or a NUL byte), by index into `lines`; null
   * when all are fine (nearly always).
   */
  invalid: Map<number, RowError> | null;
}

/** A line longer than this is reported and dropped rather than buffered without bound. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

const LF = 0x0a;

/**
 * Splits a byte stream into batches of lines, one batch per incoming chunk. Constant memory: only the unfinished
 * last line of a chunk is carried over. UTF-8 is validated per batch with the native `isUtf8`, because decoding
 * alone would silently turn bad bytes into U+FFFD; NUL bytes are looked for too, because PostgreSQL text cannot
 * hold U+0000 (the binary-file check only sees the first 8,000 bytes).
 */
export async function* lineBatches(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<LineBatch> {
  const state = { first: 1 };
  try {
    yield* splitLines(chunks, state);
  } catch (error) {
    if (!(error instanceof CorruptDataError)) throw error;
    // Rows before the damage stand; the damage itself is a bad row, so the caller decides as for any other.
    const bad: RowError = { line: state.first, column: 1, message: error.message };
    yield { first: state.first, lines: [''], invalid: new Map([[0, bad]]) };
  }
}

async function* splitLines(chunks: AsyncIterable<Uint8Array>, state: { first: number }): AsyncGenerator<LineBatch> {
  let carry: Buffer[] = [];
  let carryBytes = 0;
  let first = 1;
  let skipping = false; // inside a line already reported as too long
  for await (const chunk of chunks) {
    let bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (skipping) {
      const end = bytes.indexOf(LF);
      if (end === -1) continue;
      skipping = false;
      bytes = bytes.subarray(end + 1);
    }
    const last = bytes.lastIndexOf(LF);
    if (last === -1) {
      carry.push(bytes);
      carryBytes += bytes.length;
      if (carryBytes > MAX_LINE_BYTES) {
        yield tooLong(first++);
        state.first = first;
        carry = [];
        carryBytes = 0;
        skipping = true;
      }
      continue;
    }
    const head = bytes.subarray(0, last);
    const block = carryBytes === 0 ? head : Buffer.concat([...carry, head], carryBytes + head.length);
    const batch = decode(block, first);
    first += batch.lines.length;
    state.first = first;
    yield batch;
    const tail = bytes.subarray(last + 1);
    carry = tail.length ? [tail] : [];
    carryBytes = tail.length;
  }
  if (carryBytes > 0) yield decode(Buffer.concat(carry, carryBytes), first);
}

function decode(block: Buffer, first: number): LineBatch {
  const lines = block.toString('utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.charCodeAt(line.length - 1) === 13) lines[i] = line.slice(0, -1);
  }
  if (first === 1 && lines[0]!.charCodeAt(0) === 0xfeff) lines[0] = lines[0]!.slice(1);
  const clean = isUtf8(block) && block.indexOf(0) === -1;
  return { first, lines, invalid: clean ? null : locateInvalid(block, first) };
}

function locateInvalid(block: Buffer, first: number): Map<number, RowError> {
  const invalid = new Map<number, RowError>();
  let start = 0;
  for (let i = 0; start <= block.length; i++) {
    let end = block.indexOf(LF, start);
    if (end === -1) end = block.length;
    const line = block.subarray(start, end);
    const error = lineError(line, first + i);
    if (error) invalid.set(i, error);
    start = end + 1;
  }
  return invalid;
}

/** The first byte of a line that is not storable text, as the line's error; null when there is none. */
function lineError(line: Buffer, lineNo: number): RowError | null {
  const bad = firstInvalidUtf8(line);
  const nul = line.indexOf(0);
  if (nul !== -1 && (bad === -1 || nul < bad)) {
    const column = characterColumn(line, nul);
    return { line: lineNo, column, message: `character ${column} is a NUL byte (0x00), which text cannot hold; remove it` };
  }
  if (bad === -1) return null;
  const column = characterColumn(line, bad);
  const byte = line[bad]!.toString(16).toUpperCase().padStart(2, '0');
  return { line: lineNo, column, message: `character ${column} is not valid UTF-8 (byte 0x${byte}); save the file as UTF-8` };
}

function tooLong(line: number): LineBatch {
  const error: RowError = { line, column: 1, message: `the line is longer than ${MAX_LINE_BYTES / 1024 / 1024} MiB` };
  return { first: line, lines: [''], invalid: new Map([[0, error]]) };
}
