import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A fresh temporary directory and a helper to write files into it. */
export function tempFiles(prefix = 'rapport-test-') {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return {
    dir,
    write(name: string, content: string | Uint8Array): string {
      const file = path.join(dir, name);
      writeFileSync(file, content);
      return file;
    },
  };
}
