import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { ROOT } from './harness.js';
import type { Route } from './harness.js';

export const CLI = join(ROOT, 'server/cli/main.ts');

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as { port: number };
  await new Promise((done) => probe.close(done));
  return port;
}

/** The real server as a child process (`serve --dev --demo`) that a test can stop and start again on one port. */
export class LiveServer {
  child?: ChildProcess;
  log = '';
  /** While set, the proxy refuses subscription streams (503): the page stays disconnected while the server runs. */
  refuseStreams = false;
  constructor(
    readonly port: number,
    readonly dataDir: string,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const args = ['--import', 'tsx', CLI, 'serve', '--port', String(this.port), '--dev', '--demo', '--data', this.dataDir];
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    child.stdout?.on('data', (d) => (this.log += d));
    child.stderr?.on('data', (d) => (this.log += d));
    const deadline = Date.now() + 150_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}:\n${this.log}`);
      try {
        await this.graphql('{ __typename }');
        return;
      } catch {
        if (Date.now() > deadline) throw new Error(`server not ready:\n${this.log}`);
        await new Promise((r) => setTimeout(r, 300));
      }
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    child.kill('SIGTERM');
    await new Promise((done) => {
      const timer = setTimeout(() => (child.kill('SIGKILL'), done(undefined)), 10_000);
      child.once('exit', () => (clearTimeout(timer), done(undefined)));
    });
  }

  async graphql<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const res = await fetch(`${this.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: T; errors?: unknown };
    if (!body.data || body.errors) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  }

  async addInteraction(externalId: string, text: string, occurredAt = new Date()): Promise<void> {
    const input = [{ channel: 'chat', externalId, occurredAt: occurredAt.toISOString(), text, customerExternalId: 'cust_0001' }];
    await this.graphql('mutation A($input: [InteractionInput!]!) { addInteractions(input: $input) { inserted } }', { input });
  }

  /** Same-origin proxy for the page: `/graphql` and `/models/` forwarded to the server, streams piped as they come. */
  proxy(): Route {
    return async (req, body, res) => {
      const path = req.url ?? '/';
      if (!path.startsWith('/graphql') && !path.startsWith('/models/')) return false;
      if (this.refuseStreams && (req.headers.accept ?? '').includes('text/event-stream')) {
        res.writeHead(503, { 'content-type': 'text/plain' }).end('streams refused by the test');
        return true;
      }
      try {
        const upstream = await fetch(`${this.url}${path}`, {
          method: req.method,
          headers: { 'content-type': 'application/json', accept: req.headers.accept ?? '*/*' },
          body: req.method === 'POST' ? body : undefined,
        });
        res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream' });
        if (!upstream.body) return void res.end(), true;
        const stream = Readable.fromWeb(upstream.body as never);
        res.on('close', () => stream.destroy());
        stream.on('error', () => res.destroy());
        stream.pipe(res);
      } catch {
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
        res.end('upstream down');
      }
      return true;
    };
  }
}

/**
 * The real server for one describe block, on a free port with a fresh data dir (`prefix` + random, in the temp dir):
 * started before its tests, stopped and its data removed after them. Read `server` from inside the tests.
 */
export function useLiveServer(prefix: string): { readonly server: LiveServer } {
  const live = {} as { server: LiveServer };
  beforeAll(async () => {
    live.server = new LiveServer(await freePort(), await mkdtemp(join(tmpdir(), prefix)));
    await live.server.start();
  });
  afterAll(async () => {
    await live.server?.stop();
    if (live.server) await rm(live.server.dataDir, { recursive: true, force: true });
  });
  return live;
}
