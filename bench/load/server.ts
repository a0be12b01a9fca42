import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BenchServer {
  url: string;
  pid: number;
  /** Where the server's output (its JSON request log) went. */
  logFile: string;
  stop(): Promise<void>;
}

/**
 * `rapport serve --dev --demo` as its own process on loopback, as `npm start` runs it. Its output goes straight to a
 * file (BENCH_SERVER_LOG, else a temporary one): through a pipe, the server's synchronous log writes would wait on
 * this process, which is busy being the load generator, and the bench would measure that wait.
 */
export async function startServer(args: string[], timeoutMs = 300_000): Promise<BenchServer> {
  const logFile = process.env.BENCH_SERVER_LOG ?? path.join(mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-')), 'server.log');
  const fd = openSync(logFile, 'w');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', 'serve', '--dev', '--demo', '--port', '0', ...args], {
    cwd: ROOT,
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const started = Date.now();
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  for (;;) {
    const head = readFileSync(logFile, 'utf8').slice(0, 20_000);
    const m = /serving (http:\/\/127\.0\.0\.1:\d+)/.exec(head);
    if (m) return { url: m[1]!, pid: child.pid!, logFile, stop: () => stop(child) };
    if (exited !== undefined) throw new Error(`server exited with ${exited}:\n${head}`);
    if (Date.now() - started > timeoutMs) throw new Error(`server did not start in ${timeoutMs} ms:\n${head}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function stop(child: ReturnType<typeof spawn>): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
