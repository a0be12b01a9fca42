/**
 * Tests that need something outside the repository (the public data sets, Debian's python3-networkx) skip with a
 * message when it is missing — and fail when `process.env.CI` is set, so CI never passes by skipping.
 */
import { spawnSync } from 'node:child_process';
import { it } from 'vitest';
import { dataRoot, hasData } from './datasets';

type Body = () => void | Promise<void>;
export type TestFn = (name: string, body: Body, timeout?: number) => void;

export function needs(what: string, available: boolean): TestFn {
  if (available) return (name, body, timeout) => it(name, body, timeout);
  const message = `${what} is missing`;
  if (process.env['CI']) {
    return (name) => it(name, () => {
      throw new Error(`rapport/network: ${message} (CI is set, so this fails instead of skipping)`);
    });
  }
  return (name) => it.skip(`${name} — skipped: ${message}`, () => {});
}

/** `it` for tests reading `folder` under the data root. */
export function withData(...folders: string[]): TestFn {
  const missing = folders.filter((f) => !hasData(f));
  return needs(`data set ${missing.join(', ')} under ${dataRoot()}`, missing.length === 0);
}

export const PYTHON = process.env['RAPPORT_PYTHON'] ?? '/usr/bin/python3';

let networkx: boolean | undefined;
/** `it` for tests that run networkx through Debian's python3. */
export function withNetworkx(...folders: string[]): TestFn {
  networkx ??= spawnSync(PYTHON, ['-c', 'import networkx'], { encoding: 'utf8' }).status === 0;
  const missing = folders.filter((f) => !hasData(f));
  const what = [...(networkx ? [] : [`python3-networkx (${PYTHON})`]), ...missing.map((f) => `data set ${f} under ${dataRoot()}`)];
  return needs(what.join(' and '), what.length === 0);
}

/** Runs a Python snippet and parses the JSON it prints. */
export function python<T>(code: string): T {
  const run = spawnSync(PYTHON, ['-c', code], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.status !== 0) throw new Error(`rapport/network: python failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}
