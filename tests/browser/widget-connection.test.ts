import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT, hostPage, serveStatic, useBrowser } from './harness.js';
import type { StaticServer } from './harness.js';
import { RFM } from './fixtures.js';

interface Seen {
  path: string;
  auth: string | undefined;
}

/**
 * Where the widgets send their queries and which token goes with them: a token set at one level (page, provider,
 * element) never reaches an endpoint set closer to the widget, and nothing goes to the host page's own origin.
 */
describe('which endpoint the widgets query, with which token', () => {
  let host: StaticServer;
  /** Every GraphQL request the Rapport server got, with its path and Authorization header. */
  let atRapport: Seen[] = [];
  /** Every request the host page's own server got for a /graphql path. */
  let atHost: Seen[] = [];
  const seen = (req: IncomingMessage): Seen => ({ path: req.url ?? '', auth: req.headers.authorization });

  const suite = useBrowser(() => (req, _body, res) => {
    // A Rapport server on its own origin: the bundle and the API are readable from any page.
    res.setHeader('access-control-allow-origin', '*');
    if (!req.url?.includes('graphql')) return false;
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'access-control-allow-headers': 'content-type, authorization', 'access-control-allow-methods': 'POST' }).end();
      return true;
    }
    atRapport.push(seen(req));
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { rfm: RFM } }));
    return true;
  });

  beforeAll(async () => {
    host = await serveStatic(ROOT + '/tests/browser/hosts', (req, _body, res) => {
      if (!req.url?.includes('graphql')) return false;
      atHost.push(seen(req));
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
      return true;
    });
  });
  afterAll(() => host?.close());

  /** A CRM page on its own origin loading the bundle from the Rapport server, as docs/widgets.md shows. */
  const crmPage = (script = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CRM</title>
    <script type="module" src="${suite.server.url}/widgets/rapport.js"></script></head><body>
    <rapport-segment-map id="m" locale="en-US"></rapport-segment-map>${script}</body></html>`;

  async function open(url: string): Promise<Page> {
    atRapport = [];
    atHost = [];
    const page = await suite.browser.newPage({ viewport: { width: 1000, height: 900 }, reducedMotion: 'reduce' });
    await page.goto(url);
    return page;
  }

  it("never sends the page-wide token to an element's or a provider's own endpoint", async () => {
    suite.server.pages.set(
      '/tenants.html',
      hostPage(
        `<rapport-segment-map id="own" endpoint="/other/graphql" locale="en-US"></rapport-segment-map>
        <rapport-provider id="p" endpoint="/provider/graphql">
          <rapport-segment-map id="inner" locale="en-US"></rapport-segment-map>
        </rapport-provider>
        <rapport-segment-map id="page" locale="en-US"></rapport-segment-map>
        <script type="module">
          import { Rapport } from '/widgets/rapport.js';
          Rapport.configure({ endpoint: '/graphql', getToken: () => 'acme-token' });
          // The other tokens arrive after an async fetch, as a host's would.
          setTimeout(() => {
            document.getElementById('own').setAttribute('token', 'other-token');
            document.getElementById('p').getToken = async () => 'provider-token';
          }, 400);
        </script>`,
      ),
    );
    const page = await open(`${suite.server.url}/tenants.html`);
    for (const id of ['own', 'inner', 'page']) await page.locator(`#${id} [data-segment="champions"]`).waitFor();
    const auths = (prefix: string) => atRapport.filter((r) => r.path.startsWith(prefix)).map((r) => r.auth);
    expect(auths('/other/').length).toBeGreaterThan(0);
    expect(new Set(auths('/other/'))).toEqual(new Set(['Bearer other-token']));
    expect(auths('/provider/').length).toBeGreaterThan(0);
    expect(new Set(auths('/provider/'))).toEqual(new Set(['Bearer provider-token']));
    expect(new Set(auths('/graphql'))).toEqual(new Set(['Bearer acme-token']));
    await page.close();
  });

  it('sends nothing to the host page\'s own /graphql when the bundle comes from the Rapport server (documented pattern)', async () => {
    host.pages.set(
      '/crm.html',
      crmPage(`<script type="module">
        import { Rapport } from '${suite.server.url}/widgets/rapport.js';
        Rapport.configure({ endpoint: '${suite.server.url}/graphql', getToken: () => 'crm-token' });
      </script>`),
    );
    const page = await open(`${host.url}/crm.html`);
    const failed: string[] = [];
    page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && failed.push(r.url()));
    await page.locator('#m [data-segment="champions"]').waitFor();
    expect(atHost).toEqual([]);
    // The first request already goes to the configured endpoint with its token: none is aborted and re-sent.
    expect(atRapport).toEqual([{ path: '/graphql', auth: 'Bearer crm-token' }]);
    expect(failed).toEqual([]);
    await page.close();
  });

  it('without Rapport.configure, queries the server the bundle came from, not the host page', async () => {
    host.pages.set('/bare.html', crmPage());
    const page = await open(`${host.url}/bare.html`);
    await page.locator('#m [data-segment="champions"]').waitFor();
    expect(atHost).toEqual([]);
    expect(atRapport).toEqual([{ path: '/graphql', auth: undefined }]);
    await page.close();
  });
});
