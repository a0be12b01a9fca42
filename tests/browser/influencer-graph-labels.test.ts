import { describe, expect, it } from 'vitest';
import { hostPage, useBrowser } from './harness.js';
import { plantedNetwork } from './influencer-graph-fixtures.js';

type Box = { text: string; left: number; top: number; right: number; bottom: number };

/** The node labels on sigma's label layer must not be drawn over each other. */
describe('<rapport-influencer-graph> node labels', () => {
  const suite = useBrowser();

  it.each([
    [1280, 60],
    [1280, 200],
    [720, 60],
  ])('at %i px with %i customers, no two drawn labels overlap', async (width, n) => {
    const page = await suite.browser.newPage({ viewport: { width, height: 1000 }, reducedMotion: 'reduce' });
    // The labels of sigma's last frame (it clears the label layer first), with their boxes in canvas pixels: the
    // text's advance and the font's ascent and descent.
    await page.addInitScript(() => {
      const drawn: Box[] = ((window as unknown as { __labels: Box[] }).__labels = []);
      const clearRect = CanvasRenderingContext2D.prototype.clearRect;
      CanvasRenderingContext2D.prototype.clearRect = function (this: CanvasRenderingContext2D, x: number, y: number, w: number, h: number) {
        if (this.canvas.classList.contains('sigma-labels')) drawn.length = 0;
        return clearRect.call(this, x, y, w, h);
      };
      const fillText = CanvasRenderingContext2D.prototype.fillText;
      CanvasRenderingContext2D.prototype.fillText = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, max?: number) {
        if (this.canvas.classList.contains('sigma-labels')) {
          const m = this.measureText(text);
          drawn.push({ text, left: x, right: x + m.width, top: y - m.fontBoundingBoxAscent, bottom: y + m.fontBoundingBoxDescent });
        }
        return max === undefined ? fillText.call(this, text, x, y) : fillText.call(this, text, x, y, max);
      };
    });
    suite.server.pages.set('/labels.html', hostPage('<rapport-influencer-graph locale="en-US" theme="light"></rapport-influencer-graph>'));
    await page.goto(`${suite.server.url}/labels.html`);
    await page.evaluate(async (d) => {
      await customElements.whenDefined('rapport-influencer-graph');
      document.querySelector('rapport-influencer-graph')!.data = d as never;
    }, plantedNetwork(n, 3, 4));
    await page.waitForFunction(() => (document.querySelector('rapport-influencer-graph') as unknown as { stats(): { stable: boolean } }).stats().stable, null, { timeout: 60_000 });
    await page.waitForTimeout(500);
    const boxes = await page.evaluate(() => (window as unknown as { __labels: Box[] }).__labels);
    const overlapping = boxes.flatMap((a, i) =>
      boxes.slice(i + 1).filter((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom).map((b) => `${a.text} / ${b.text}`),
    );
    console.log(`${width} px, ${n} customers: ${boxes.length} labels drawn, overlapping: ${overlapping.join(', ') || 'none'}`);
    expect(boxes.length).toBeGreaterThanOrEqual(8);
    expect(overlapping).toEqual([]);
    await page.close();
  });
});
