import { mkdtemp, readFile, writeFile, mkdir, access } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const ROOT = resolve(import.meta.dirname, '../..');
const SCREENSHOTS = join(ROOT, 'tests/__screenshots__');

let built: Promise<string> | undefined;

/** Builds the widget bundle (and playground) once per worker with the project's vite.config.ts; returns dist dir. */
export function buildBundle(): Promise<string> {
  built ??= (async () => {
    const dist = await mkdtemp(join(tmpdir(), 'rapport-dist-'));
    // Vitest sets NODE_ENV=test, which would make Vite resolve Lit's development build; test what ships.
    const env = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ configFile: join(ROOT, 'vite.config.ts'), root: ROOT, mode: 'production', logLevel: 'warn', build: { outDir: join(dist, 'widgets') } });
    } finally {
      process.env.NODE_ENV = env;
    }
    return dist;
  })();
  return built;
}

/** Builds `tests/browser/hosts/react-host.ts` (React 19 bundled in) into `<dist>/react/react-host.js`. */
export async function buildReactHost(dist: string): Promise<void> {
  await build({
    configFile: false,
    root: join(ROOT, 'tests/browser/hosts'),
    logLevel: 'warn',
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir: join(dist, 'react'),
      emptyOutDir: true,
      lib: { entry: join(ROOT, 'tests/browser/hosts/react-host.ts'), formats: ['es'], fileName: () => 'react-host.js' },
    },
  });
}

export type Route = (req: IncomingMessage, body: string, res: ServerResponse) => boolean | Promise<boolean>;

export interface StaticServer {
  url: string;
  /** In-memory pages, e.g. `pages.set('/plain.html', html)`. */
  pages: Map<string, string>;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css',
  '.map': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** A static file server for `dir` on 127.0.0.1 and an ephemeral port, plus in-memory pages and optional routes. */
export async function serveStatic(dir: string, route?: Route): Promise<StaticServer> {
  const pages = new Map<string, string>();
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (route && (await route(req, Buffer.concat(chunks).toString('utf8'), res))) return;
    const page = pages.get(path);
    if (page !== undefined) {
      res.writeHead(200, { 'content-type': TYPES['.html']! }).end(page);
      return;
    }
    const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    pages,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/**
 * The widget bundle served (with `route` first) and a Chromium, for one describe block: opened before its tests,
 * closed after. Read `server` and `browser` from inside the tests.
 */
export function useBrowser(route?: (server: StaticServer) => Route): { readonly server: StaticServer; readonly browser: Browser } {
  const suite = {} as { server: StaticServer; browser: Browser };
  beforeAll(async () => {
    suite.server = await serveStatic(await buildBundle(), route && ((req, body, res) => route(suite.server)(req, body, res)));
    suite.browser = await launchChromium();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A page that loads the bundle; `body` is trusted test HTML. Font fixed (DejaVu Sans, which .ci/run installs) so
 * screenshots do not change with the fonts a machine happens to have (Lato or Liberation come with other packages). */
export function hostPage(body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Rapport test host</title>
<style>body { font-family: 'DejaVu Sans', sans-serif; margin: 24px; background: #f3f5f8; }</style>${head}
<script type="module" src="/widgets/rapport.js"></script></head><body>${body}</body></html>`;
}

/** How far the page scrolls sideways once the viewport is `width` px wide (0: the widgets fit). */
export async function sidewaysOverflow(page: Page, width: number, height = 760): Promise<number> {
  await page.setViewportSize({ width, height });
  await page.waitForTimeout(200);
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown; failureSummary?: string }>;
}

/** Runs axe-core over the page (shadow roots included); returns serious and critical violations. */
export async function axeSerious(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export interface ScreenshotResult {
  baseline: boolean;
  differentPixels: number;
  ratio: number;
}

/**
 * Compares `png` with `tests/__screenshots__/<name>.png`: the first run (or UPDATE_SCREENSHOTS=1) writes the
 * baseline. Pixels are decoded by the browser itself (canvas), so no PNG library is needed; a pixel differs when
 * any channel moves by more than 24 of 255.
 */
export async function matchScreenshot(page: Page, name: string, png: Buffer): Promise<ScreenshotResult> {
  const path = join(SCREENSHOTS, `${name}.png`);
  const exists = await access(path).then(() => true, () => false);
  if (!exists || process.env.UPDATE_SCREENSHOTS) {
    await mkdir(SCREENSHOTS, { recursive: true });
    await writeFile(path, png);
    return { baseline: true, differentPixels: 0, ratio: 0 };
  }
  const expected = (await readFile(path)).toString('base64');
  const actual = png.toString('base64');
  const result = await page.evaluate(
    async ([a, b]) => {
      const load = async (data: string) => {
        const img = new Image();
        img.src = `data:image/png;base64,${data}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, canvas.width, canvas.height);
      };
      const [x, y] = await Promise.all([load(a!), load(b!)]);
      if (x.width !== y.width || x.height !== y.height) return { differentPixels: Infinity, total: x.width * x.height };
      let differentPixels = 0;
      for (let i = 0; i < x.data.length; i += 4) {
        for (let c = 0; c < 4; c++) {
          if (Math.abs(x.data[i + c]! - y.data[i + c]!) > 24) {
            differentPixels++;
            break;
          }
        }
      }
      return { differentPixels, total: x.width * x.height };
    },
    [expected, actual] as const,
  );
  if (result.differentPixels > 0) await writeFile(join(tmpdir(), `${name}.actual.png`), png);
  return { baseline: false, differentPixels: result.differentPixels, ratio: result.differentPixels / result.total };
}

/** Events the page recorded with `recordEvents` in the page. */
export async function recordedEvents(page: Page): Promise<Array<{ type: string; detail: unknown; target: string }>> {
  return page.evaluate(() => (window as unknown as { __events: Array<{ type: string; detail: unknown; target: string }> }).__events);
}

/** Script (for a page head) that records every `rapport-*` event reaching `document`, with the emitting element's id. */
export const RECORD_EVENTS = `<script>
window.__events = [];
for (const type of ['rapport-segment-select', 'rapport-cohort-select']) {
  document.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail, target: e.target.id || e.target.localName, composed: e.composed, bubbles: e.bubbles }));
}
</script>`;
