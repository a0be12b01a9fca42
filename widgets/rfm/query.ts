const STATS = 'min max mean std';
const RANGE = 'min max';

/**
 * The operation `<rapport-segment-map>` sends (SPEC: "GraphQL names the tests rely on"). With a tenant's named map
 * it also asks for the maps' rules, to draw that map's regions.
 */
export function rfmQuery(withMaps: boolean): string {
  return `query RapportSegmentMap($asOf: DateTime${withMaps ? ', $segmentMap: String' : ''}) {
  rfm(asOf: $asOf${withMaps ? ', segmentMap: $segmentMap' : ''}) {
    asOf
    customerCount
    segments { name customerCount share recency { ${STATS} } frequency { ${STATS} } monetary { ${STATS} } }
  }${withMaps ? `\n  segmentMaps { name fallback rules { name r { ${RANGE} } f { ${RANGE} } m { ${RANGE} } } }` : ''}
}`;
}
