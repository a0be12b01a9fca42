import type { RecordKind } from './types';
import type { FormatName } from './readers/format';
import type { Head } from './readers/head';
import { DETECTION_ORDER, FORMATS } from './readers/registry';
import type { Peekable } from './source';

/** How much of the (decompressed) start of a file is read to sniff its format; more only to finish a first line. */
const HEAD_BYTES = 64 * 1024;
const MAX_HEAD_BYTES = 4 * 1024 * 1024;
/** Git's rule: a NUL byte in the first 8,000 bytes means binary. */
const BINARY_WINDOW = 8000;

/** Reads the beginning of a file ahead (it stays replayable) and decodes it into lines. */
export async function readHead(chunks: Peekable): Promise<{ head: Head; bytes: Buffer }> {
  let total = chunks.peeked.reduce((sum, chunk) => sum + chunk.length, 0);
  while (total < HEAD_BYTES || (!hasLineEnd(chunks.peeked) && total < MAX_HEAD_BYTES)) {
    const chunk = await chunks.pull();
    if (chunk === null) break;
    total += chunk.length;
  }
  const bytes = Buffer.concat(chunks.peeked as Uint8Array[]);
  const lines = bytes.toString('utf8').split('\n');
  if (!chunks.done && lines.length > 1) lines.pop(); // cut short mid-line
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.endsWith('\r')) lines[i] = line.slice(0, -1);
  }
  if (lines[0]!.charCodeAt(0) === 0xfeff) lines[0] = lines[0]!.slice(1);
  return { head: { lines, complete: chunks.done }, bytes };
}

function hasLineEnd(chunks: readonly Uint8Array[]): boolean {
  return chunks.some((chunk) => chunk.includes(0x0a));
}

const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (an Excel .xlsx workbook is one)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an Office document (an Excel .xls workbook is one)' },
  { bytes: [0x42, 0x5a, 0x68], what: 'bzip2-compressed data' },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: 'xz-compressed data' },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], what: 'zstd-compressed data' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive' },
  { bytes: [0x52, 0x44, 0x58, 0x33], what: 'an R data file' },
  { bytes: [0xff, 0xfe], what: 'UTF-16 text' },
  { bytes: [0xfe, 0xff], what: 'UTF-16 text' },
];

/** What a file is when it is not text (e.g. `a PNG image`), or null for text. */
export function binaryKind(bytes: Uint8Array): string | null {
  for (const { bytes: signature, what } of SIGNATURES) {
    if (signature.every((byte, i) => bytes[i] === byte)) return what;
  }
  const window = bytes.subarray(0, BINARY_WINDOW);
  return window.includes(0) ? 'binary data' : null;
}

/** The first format whose header check the file's beginning passes, or null. */
export function detectFormat(head: Head, kind: RecordKind): FormatName | null {
  return DETECTION_ORDER.find((name) => FORMATS[name].misfit(head, kind) === null) ?? null;
}
