import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BenchServer {
  url: string;
  pid: number;
  /** JSON log lines the server wrote (drained, so a full pipe never slows it). */
  logLines(): number;
  stop(): Promise<void>;
}

/** `rapport serve --dev --demo` as its own process on loopback, as `npm start` runs it. */
export async function startServer(args: string[], timeoutMs = 300_000): Promise<BenchServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', 'serve', '--dev', '--demo', '--port', '0', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let lines = 0;
  let head = '';
  // BENCH_SERVER_LOG=file keeps the server's JSON log for a closer look (slow requests, errors).
  if (process.env.BENCH_SERVER_LOG) child.stdout.pipe(createWriteStream(process.env.BENCH_SERVER_LOG));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in ${timeoutMs} ms:\n${head}`)), timeoutMs);
    const onData = (d: Buffer) => {
      const text = String(d);
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
      if (head.length < 20_000) head += text;
      const m = /serving (http:\/\/127\.0\.0\.1:\d+)/.exec(head);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d) => (head += String(d)));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${head}`)));
  });
  return {
    url,
    pid: child.pid!,
    logLines: () => lines,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
