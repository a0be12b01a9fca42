import { spawn, type ChildProcess } from 'node:child_process';
import { repoRoot } from './data';

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts `rapport …` as a real process (through tsx, as `npx rapport` does); an `env` value undefined unsets it. */
export function startCli(args: string[], env: Record<string, string | undefined> = {}): ChildProcess & { output: () => { stdout: string; stderr: string } } {
  const merged = { ...process.env, ...env };
  for (const [name, value] of Object.entries(merged)) if (value === undefined) delete merged[name];
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', ...args], {
    cwd: repoRoot,
    env: merged,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  return Object.assign(child, { output: () => ({ stdout, stderr }) });
}

export function runCli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  const child = startCli(args, env);
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, ...child.output() })));
}

/** Resolves when the process has printed a line matching `pattern` on stdout or stderr. */
export function waitForOutput(child: ReturnType<typeof startCli>, pattern: RegExp, timeoutMs = 120_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; got ${JSON.stringify(child.output())}`)), timeoutMs);
    const check = () => {
      const { stdout, stderr } = child.output();
      const match = stdout.match(pattern) ?? stderr.match(pattern);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        child.stderr!.off('data', check);
        resolve(match);
      }
    };
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    child.on('close', () => {
      clearTimeout(timer);
      reject(new Error(`process ended before ${pattern}: ${JSON.stringify(child.output())}`));
    });
    check();
  });
}
