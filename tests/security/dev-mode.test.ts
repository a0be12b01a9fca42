import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { createTenant } from '../../server/auth/tenants';
import { createHttpServer } from '../../server/http-server';
import { openStore, type Store } from '../../server/store';
import { SECRET } from './fixture';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request over a real socket, with the Host and Origin a browser (or an attacker) would send. */
function send(port: number, headers: Record<string, string>, method = 'POST'): Promise<Reply> {
  const body = method === 'POST' ? JSON.stringify({ query: '{ customers { totalCount edges { node { name } } } }' }) : '';
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/graphql', method, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Dev mode lets this machine in without credentials. A page on another site runs on this machine too (in the
 * developer's browser), so it must not get in: not by its Origin (CSRF, reading through CORS), not by a name of its
 * own that resolves to 127.0.0.1 (DNS rebinding).
 */
describe('dev mode answers this machine only', () => {
  let store: Store;
  let server: Server;
  let port: number;

  beforeAll(async () => {
    store = await openStore();
    await createTenant(store, 'default');
    await store.query(`INSERT INTO customers (tenant_id, external_id, name) VALUES ('default', 'c1', 'Secret Name')`);
    server = createHttpServer({ app: createApp({ store, dev: true, tokenSecret: SECRET }) });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server?.close();
    await store?.close();
  });

  it('serves a request addressed to localhost, from no page or a page on this machine', async () => {
    const cases: Record<string, string>[] = [
      { host: `127.0.0.1:${port}` },
      { host: `localhost:${port}`, origin: 'http://localhost:5173' },
      { host: `[::1]:${port}`, origin: `http://127.0.0.1:${port}` },
    ];
    for (const headers of cases) {
      const reply = await send(port, headers);
      expect(reply.status, JSON.stringify(headers)).toBe(200);
      expect(reply.body).toContain('Secret Name');
      if (headers.origin) expect(reply.headers['access-control-allow-origin']).toBe(headers.origin);
    }
  });

  it('refuses a page from another site, or from a file, and gives it no CORS grant', async () => {
    for (const origin of ['https://evil.example', 'null', 'http://localhost.evil.example']) {
      const reply = await send(port, { host: `127.0.0.1:${port}`, origin });
      expect(reply.status, origin).toBe(403);
      expect(reply.body).not.toContain('Secret Name');
      expect(JSON.parse(reply.body).errors[0].message).toMatch(/pages served from this machine only/);
      expect(reply.headers['access-control-allow-origin'], origin).toBeUndefined();
      const preflight = await send(port, { host: `127.0.0.1:${port}`, origin, 'access-control-request-method': 'POST' }, 'OPTIONS');
      expect(preflight.headers['access-control-allow-origin'], origin).toBeUndefined();
    }
  });

  it('refuses a request addressed to another name (DNS rebinding)', async () => {
    const reply = await send(port, { host: `attacker.example:${port}` });
    expect(reply.status).toBe(401);
    expect(reply.body).not.toContain('Secret Name');
    expect(JSON.parse(reply.body).errors[0].message).toMatch(/addressed to localhost or 127\.0\.0\.1/);
  });
});
