import type { CohortTable, RfmSummary, RfmStats } from '../../widgets/index.js';

const stats = (min: number, max: number, mean: number, std: number): RfmStats => ({ min, max, mean, std });

/** Shaped like the seed paper's Table 1 (UCI Online Retail, 4,338 customers); monetary means are illustrative. */
const SEGMENTS: Array<[string, number, RfmStats, RfmStats, RfmStats]> = [
  ['hibernating', 1054, stats(73, 376, 217.61, 92.02), stats(1, 3, 1.1, 0.31), stats(3.75, 77183.6, 391.42, 2419.1)],
  ['at_risk', 593, stats(74, 375, 153.79, 68.62), stats(2, 7, 2.88, 0.96), stats(52.2, 21535.9, 1084.53, 1423.7)],
  ['cant_lose', 63, stats(73, 373, 132.97, 65.25), stats(6, 35, 8.38, 4.3), stats(470.6, 10217.5, 2796.16, 2101.4)],
  ['about_to_sleep', 352, stats(35, 74, 53.32, 10.95), stats(1, 2, 1.17, 0.38), stats(6.2, 3060.9, 471.99, 443.5)],
  ['need_attention', 187, stats(36, 72, 52.44, 11.55), stats(2, 3, 2.33, 0.48), stats(101.3, 12601.8, 897.63, 1099.2)],
  ['loyal_customers', 827, stats(17, 72, 33.61, 15.58), stats(3, 63, 6.49, 4.55), stats(131.1, 124914.5, 2864.25, 6007.1)],
  ['promising', 95, stats(17, 34, 23.43, 5.25), stats(1, 1, 1, 0), stats(0, 3949.6, 383.2, 441.9)],
  ['new_customers', 42, stats(3, 15, 7.43, 3.91), stats(1, 1, 1, 0), stats(15, 3861, 356.25, 595.4)],
  ['potential_loyalists', 492, stats(2, 34, 17.4, 9.34), stats(1, 3, 2.02, 0.65), stats(20.8, 168472.5, 724.95, 7590.3)],
  ['champions', 633, stats(1, 15, 6.37, 3.69), stats(3, 210, 12.43, 16.48), stats(201.1, 280206, 6857.96, 19893.5)],
];

export const RFM: RfmSummary = {
  asOf: '2011-12-10T00:00:00.000Z',
  customerCount: 4338,
  segments: SEGMENTS.map(([name, customerCount, recency, frequency, monetary]) => ({
    name,
    customerCount,
    share: customerCount / 4338,
    recency,
    frequency,
    monetary,
  })),
};

const SIZES = [948, 421, 380, 440, 299, 279, 235, 191, 167, 298, 352, 321, 41];

/** Thirteen monthly cohorts Dec 2010 … Dec 2011, a deterministic retention triangle. */
export const COHORTS: CohortTable = {
  cohorts: SIZES.map((size, i) => {
    const month = new Date(Date.UTC(2010, 11 + i, 1)).toISOString().slice(0, 10);
    const values = Array.from({ length: SIZES.length - i }, (_, k) => {
      if (k === 0) return 1;
      const base = (i === 0 ? 0.36 : 0.24 - i * 0.006) + 0.05 * Math.sin((k + i) * 1.3) - 0.004 * k;
      return Math.round(Math.max(0.05, base + (k === 11 ? 0.1 : 0)) * 10000) / 10000;
    });
    return { start: month, size, values };
  }),
};
