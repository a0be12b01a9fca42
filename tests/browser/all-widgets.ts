import type { Page } from 'playwright-core';
import { COHORTS, RFM } from './fixtures.js';
import { feedItems } from './sentiment-feed-fixtures.js';
import { plantedNetwork } from './influencer-graph-fixtures.js';

/** The four widgets, in the order host pages of the tests put them. */
export const WIDGET_TAGS = ['rapport-segment-map', 'rapport-cohort-heatmap', 'rapport-sentiment-feed', 'rapport-influencer-graph'] as const;

/** Gives each of the page's four widgets fixture data (`feed` and `graph` replace theirs) and waits for their headings. */
export async function fillWidgets(page: Page, data: { feed?: unknown[]; graph?: unknown } = {}): Promise<void> {
  await page.evaluate(
    async ([tags, rfm, cohorts, feed, graph]) => {
      await Promise.all(tags.map((t) => customElements.whenDefined(t)));
      document.querySelector('rapport-segment-map')!.data = rfm as never;
      document.querySelector('rapport-cohort-heatmap')!.data = cohorts as never;
      document.querySelector('rapport-sentiment-feed')!.data = { items: feed as never };
      document.querySelector('rapport-influencer-graph')!.data = graph as never;
    },
    [WIDGET_TAGS, RFM, COHORTS, data.feed ?? feedItems(20), data.graph ?? plantedNetwork(40, 3, 4)] as const,
  );
  for (const t of WIDGET_TAGS) await page.locator(`${t} [part="heading"]`).waitFor();
}
