const STATS = 'min max mean std';

/** The one operation `<rapport-segment-map>` sends (SPEC: "GraphQL names the tests rely on"). */
export const RFM_QUERY = `query RapportSegmentMap($asOf: DateTime) {
  rfm(asOf: $asOf) {
    asOf
    customerCount
    segments { name customerCount share recency { ${STATS} } frequency { ${STATS} } monetary { ${STATS} } }
  }
}`;
