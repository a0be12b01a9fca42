/**
 * Locating invalid UTF-8. `buffer.isUtf8` says whether bytes are valid (fast, native) but not where they go wrong;
 * this finds the first bad byte so a row error can name its character column. Only runs on lines already known bad.
 */

/** Index of the first byte that does not start a well-formed UTF-8 sequence, or -1 when all bytes are valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let extra: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) extra = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      extra = 2;
      if (b === 0xe0) lo = 0xa0; // overlong
      if (b === 0xed) hi = 0x9f; // UTF-16 surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      extra = 3;
      if (b === 0xf0) lo = 0x90; // overlong
      if (b === 0xf4) hi = 0x8f; // above U+10FFFF
    } else return i;
    if (i + extra >= n) return i;
    const second = bytes[i + 1]!;
    if (second < lo || second > hi) return i;
    for (let k = 2; k <= extra; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += extra + 1;
  }
  return -1;
}

/** 1-based character column (in code points) of byte `index` of a line. */
export function characterColumn(line: Uint8Array, index: number): number {
  const before = Buffer.from(line.buffer, line.byteOffset, index).toString('utf8');
  return [...before].length + 1;
}
