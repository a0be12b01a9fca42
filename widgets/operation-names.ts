/**
 * The embed operations each widget runs, by name: what a widget tells `getToken` (`TokenRequest`), so the host's
 * backend can mint it a token for exactly these (`createEmbedToken(operations: …)`, docs/security.md).
 * widgets/operations.test.ts checks the names against the documents the widgets send.
 */
export const WIDGET_OPERATION_NAMES: Readonly<Record<string, readonly string[]>> = {
  'rapport-segment-map': ['RapportSegmentMap'],
  'rapport-cohort-heatmap': ['RapportCohortHeatmap'],
  'rapport-influencer-graph': ['RapportNetwork', 'RapportMembers', 'RapportNetworkEdges', 'RapportEvolution', 'RapportEgo'],
  'rapport-sentiment-feed': ['RapportFeed', 'RapportFeedTrend', 'RapportFeedLive', 'RapportExplain'],
};
