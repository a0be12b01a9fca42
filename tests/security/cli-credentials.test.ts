import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { embedOperations } from '../../server/auth/embed-operations';
import { runCli, startCli, waitForOutput } from '../support/cli';
import { tempFiles } from '../support/files';

const files = tempFiles('rapport-auth-cli-');

describe('rapport tenant, key and token', () => {
  const children: ReturnType<typeof startCli>[] = [];
  afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

  it('creates a tenant and keys, mints tokens, and a production server takes them (and nothing else)', async () => {
    const data = ['--data', path.join(files.dir, 'store')];
    const tenant = await runCli(['tenant', 'create', 'acme', '--origin', 'https://crm.acme.test', ...data]);
    expect(tenant.code).toBe(0);
    expect(tenant.stdout).toMatch(/Created tenant acme; allowed origins: https:\/\/crm\.acme\.test/);
    const write = await runCli(['key', 'create', '--tenant', 'acme', '--scope', 'write', ...data]);
    expect(write.code).toBe(0);
    const key = write.stdout.trim();
    expect(key).toMatch(/^rpk_[a-z0-9]{12}_[\w-]{43}$/);
    const minted = await runCli(['token', '--origin', 'https://crm.acme.test', '--ttl', '5m', ...data], { RAPPORT_KEY: key });
    expect(minted.code).toBe(0);
    const token = minted.stdout.trim();
    expect(token.split('.')).toHaveLength(3);

    const server = startCli(['serve', '--port', '0', '--host', '127.0.0.1', ...data]);
    children.push(server);
    const [, url] = await waitForOutput(server, /serving (http:\/\/127\.0\.0\.1:\d+)/);
    const file = files.write('customers.csv', 'external_id,name\nk1,Kim\nk2,Lee\n');
    const imported = await runCli(['import', 'customers', file, '--server', url!, '--key', key]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/into tenant acme: 2 rows read, 2 new/);
    // The server imports into the key's tenant: the CLI says so, and refuses a --tenant that is not it.
    const elsewhere = await runCli(['import', 'customers', file, '--server', url!, '--key', key, '--tenant', 'other']);
    expect(elsewhere.code).toBe(2);
    expect(elsewhere.stderr.trim()).toBe('rapport: This key acts for tenant acme, not other: drop --tenant, or use a key of tenant other.');
    const same = await runCli(['import', 'customers', file, '--server', url!, '--key', key, '--tenant', 'acme']);
    expect(same.code).toBe(0);
    expect(same.stdout).toMatch(/into tenant acme: 2 rows read, 0 new/);

    // Tokens may run only the widgets' operations.
    const query = embedOperations().find((o) => o.name === 'Customers')!.document;
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, origin: 'https://crm.acme.test' },
      body: JSON.stringify({ query }),
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://crm.acme.test');
    expect((await res.json()).data.customers.totalCount).toBe(2);
    // --operations, through the running server: the token runs those only, and a wrong name is refused at minting.
    const cohortsOnly = await runCli(['token', '--server', url!, '--operations', 'Cohorts'], { RAPPORT_KEY: key });
    expect(cohortsOnly.code).toBe(0);
    const narrow = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${cohortsOnly.stdout.trim()}` },
      body: JSON.stringify({ query }),
    });
    expect(narrow.status).toBe(403);
    expect((await narrow.json()).errors[0].message).toBe('This embed token may run only Cohorts; not Customers.');
    const typo = await runCli(['token', '--server', url!, '--operations', 'Cohort'], { RAPPORT_KEY: key });
    expect(typo.code).toBe(1);
    expect(typo.stderr).toMatch(/"Cohort" is not an embed operation; they are: RfmSegments, Cohorts,/);

    const id = key.slice(4, 16);
    server.kill('SIGTERM');
    await new Promise((r) => server.once('close', r));
    const revoked = await runCli(['key', 'revoke', `rpk_${id}`, ...data]);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toMatch(/Revoked key rpk_\w+\. Servers refuse it, and the embed tokens it minted, within 2 seconds/);
    expect(revoked.stdout).not.toContain(key);
    expect(server.output().stdout + server.output().stderr).not.toContain(key);
  }, 300_000);
});
