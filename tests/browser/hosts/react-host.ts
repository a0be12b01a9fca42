import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { CohortSelectDetail, CohortTable, RfmSummary, SegmentSelectDetail } from '../../../widgets/index.js';

/** A React 19 host: widgets as custom elements, data as properties, events through `on<event-name>` props. */
declare global {
  interface Window {
    __fixtures: { rfm: RfmSummary; cohorts: CohortTable };
  }
}

function App({ rfm, cohorts }: { rfm: RfmSummary; cohorts: CohortTable }) {
  const [log, setLog] = useState<string[]>([]);
  const add = (line: string) => setLog((lines) => [...lines, line]);
  return h(
    'main',
    null,
    h('h1', null, 'React host'),
    h('rapport-segment-map', {
      id: 'react-map',
      locale: 'en-US',
      data: rfm,
      'onrapport-segment-select': (e: CustomEvent<SegmentSelectDetail>) => add(`segment:${e.detail.segment}`),
    }),
    h('rapport-cohort-heatmap', {
      id: 'react-heat',
      locale: 'en-US',
      data: cohorts,
      'onrapport-cohort-select': (e: CustomEvent<CohortSelectDetail>) => add(`cohort:${e.detail.cohort}:${e.detail.period}:${e.detail.value}`),
    }),
    h('output', { id: 'log' }, log.join('|')),
  );
}

createRoot(document.getElementById('root')!).render(h(App, window.__fixtures));
