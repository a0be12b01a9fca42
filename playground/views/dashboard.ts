import { html } from 'lit';
import type { CohortSelectDetail, SegmentSelectDetail } from '../../widgets/index.js';
import { embedSnippet } from '../snippets.js';

export interface DashboardState {
  period: string;
  metric: string;
  picked?: string;
}

export function dashboard(state: DashboardState, update: (next: Partial<DashboardState>) => void) {
  const onSegment = (e: CustomEvent<SegmentSelectDetail>) => {
    location.hash = `#/customers?segment=${encodeURIComponent(e.detail.segment)}`;
  };
  const onCohort = (e: CustomEvent<CohortSelectDetail>) =>
    update({ picked: `Cohort starting ${e.detail.cohort}, period ${e.detail.period}: ${e.detail.value}` });
  return html`
    <div class="page-head">
      <h1>Customer health</h1>
      <p>RFM segments and cohort retention for all customers. Click a segment to see its customers.</p>
    </div>
    <section class="card">
      <rapport-segment-map locale="en-GB" @rapport-segment-select=${onSegment}></rapport-segment-map>
      ${embedSnippet('rapport-segment-map', 'as-of="2011-12-10"', 'rapport-segment-select', '{ segment }')}
    </section>
    <section class="card">
      <div class="controls">
        <label>Period
          <select @change=${(e: Event) => update({ period: (e.target as HTMLSelectElement).value })}>
            ${['WEEK', 'MONTH', 'QUARTER'].map((p) => html`<option value=${p} ?selected=${p === state.period}>${p.toLowerCase()}</option>`)}
          </select>
        </label>
        <label>Metric
          <select @change=${(e: Event) => update({ metric: (e.target as HTMLSelectElement).value })}>
            ${[
              ['RETENTION', 'Retention'],
              ['ACTIVE', 'Active customers'],
              ['REVENUE', 'Revenue'],
              ['CUMULATIVE_REVENUE_PER_CUSTOMER', 'Cumulative revenue / customer'],
            ].map(([v, label]) => html`<option value=${v!} ?selected=${v === state.metric}>${label}</option>`)}
          </select>
        </label>
        <output aria-live="polite">${state.picked ?? ''}</output>
      </div>
      <rapport-cohort-heatmap locale="en-GB" heading="Cohorts" period=${state.period} metric=${state.metric}
        @rapport-cohort-select=${onCohort}></rapport-cohort-heatmap>
      ${embedSnippet('rapport-cohort-heatmap', 'period="MONTH" metric="RETENTION"', 'rapport-cohort-select', '{ cohort, period, value }')}
    </section>
  `;
}
