import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './harness.js';
import { fillWidgets, WIDGET_TAGS } from './all-widgets.js';


/** What docs/widgets.md promises is enough: no 'unsafe-inline' for styles, no 'unsafe-eval'. */
const policy = (origin: string) =>
  `default-src 'self'; script-src 'self'; connect-src 'self' ${origin}; worker-src blob:; style-src 'self'`;

/** The host's own styles come from a file too: an inline <style> or style="" of the host would be blocked as well. */
const HOST_CSS = `body { font-family: 'DejaVu Sans', sans-serif; margin: 24px; background: #f3f5f8; }
rapport-segment-map, rapport-cohort-heatmap, rapport-sentiment-feed, rapport-influencer-graph { display: block; max-width: 900px; }`;

const HOST_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Strict CSP host</title>
<link rel="stylesheet" href="/csp-host.css"><script type="module" src="/widgets/rapport.js"></script></head>
<body>${WIDGET_TAGS.map((t) => `<${t} locale="en-US" theme="light"></${t}>`).join('')}</body></html>`;

type Violation = { directive: string; blocked: string; sample: string };

/** All four widgets, with data, in a page served with a strict Content-Security-Policy header. */
describe('the widgets under a strict host CSP (style-src \'self\')', () => {
  let page: Page;
  const consoleErrors: string[] = [];
  const suite = useBrowser((server) => (req, _body, res) => {
    if (req.url === '/csp-host.css') res.writeHead(200, { 'content-type': 'text/css' }).end(HOST_CSS);
    else if (req.url === '/csp.html') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': policy(server.url) }).end(HOST_HTML);
    else return false;
    return true;
  });

  beforeAll(async () => {
    page = await suite.browser.newPage({ viewport: { width: 1000, height: 900 }, reducedMotion: 'reduce', timezoneId: 'UTC' });
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    // Init scripts are injected by the browser's debugging protocol, outside the page's policy.
    await page.addInitScript(() => {
      const seen: Violation[] = ((window as unknown as { __violations: Violation[] }).__violations = []);
      document.addEventListener('securitypolicyviolation', (e) => seen.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample }), true);
    });
    await page.goto(`${suite.server.url}/csp.html`);
    await fillWidgets(page);
    await page.waitForFunction(() => (document.querySelector('rapport-influencer-graph') as unknown as { stats(): { stable: boolean } }).stats().stable, null, { timeout: 60_000 });
  });

  it('causes no policy violation, in events or on the console', async () => {
    // Hovers and focus draw the tooltips and the graph's details panel, which set styles of their own.
    await page.locator('rapport-cohort-heatmap td.cell').first().hover();
    await page.locator('rapport-cohort-heatmap [part="tooltip"]').waitFor();
    await page.locator('rapport-segment-map [data-segment="champions"]').hover();
    await page.locator('rapport-segment-map [part="tooltip"]').waitFor();
    await page.locator('rapport-influencer-graph .canvas').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.locator('rapport-influencer-graph .details strong').waitFor();
    const violations = await page.evaluate(() => (window as unknown as { __violations: Violation[] }).__violations);
    expect(violations).toEqual([]);
    expect(consoleErrors.filter((m) => /Content Security Policy|style-src/i.test(m))).toEqual([]);
  });

  it('colours the heatmap cells and the legend ramps', async () => {
    const cells = await page.locator('rapport-cohort-heatmap td.cell').evaluateAll((tds) => tds.map((td) => getComputedStyle(td).backgroundColor));
    expect(cells.length).toBeGreaterThan(10);
    expect(cells.filter((c) => c === 'rgba(0, 0, 0, 0)' || c === 'transparent')).toEqual([]);
    expect(await page.locator('rapport-cohort-heatmap .legend-ramp').evaluate((el) => getComputedStyle(el).backgroundImage)).toMatch(/^linear-gradient/);
    const swatches = await page.locator('rapport-influencer-graph .swatch').evaluateAll((els) => els.map((el) => getComputedStyle(el).backgroundColor));
    expect(swatches).toHaveLength(3);
    expect(new Set(swatches).size).toBe(3);
    expect(swatches).not.toContain('rgba(0, 0, 0, 0)');
  });

  it('places the segment map\'s regions on the R×F grid', async () => {
    const box = (segment: string) => page.locator(`rapport-segment-map [data-segment="${segment}"]`).boundingBox();
    // champions covers R5 F4–5: one column, two rows; hibernating R1–2 F1–2: two columns, two rows; promising one cell.
    const [champions, hibernating, promising] = [await box('champions'), await box('hibernating'), await box('promising')];
    expect(champions!.height).toBeGreaterThan(1.8 * promising!.height);
    expect(hibernating!.width).toBeGreaterThan(1.8 * promising!.width);
    expect(champions!.y).toBeLessThan(promising!.y);
    expect(champions!.x).toBeGreaterThan(promising!.x);
  });

  it('stacks the feed rows one below the other in a list as tall as all of them', async () => {
    const tops = await page.locator('rapport-sentiment-feed .row').evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().top));
    expect(tops.length).toBeGreaterThan(3);
    expect(new Set(tops).size).toBe(tops.length);
    expect(await page.locator('rapport-sentiment-feed .spacer').evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(20 * 40);
  });
});
