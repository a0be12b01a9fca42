import { css } from 'lit';

export const heatmapStyles = css`
  .scroll {
    overflow-x: auto;
    /* The containing block of the hidden header words, so they stay inside the scrolling box. */
    position: relative;
  }
  table {
    border-collapse: separate;
    border-spacing: var(--_gap);
    font-variant-numeric: tabular-nums;
    font-size: 0.9em;
    width: 100%;
  }
  .group th {
    font-weight: 500;
    font-size: 0.85em;
    padding-bottom: 0;
  }
  thead th.size-head {
    text-align: end;
  }
  th {
    font-weight: 600;
    color: var(--_muted);
    white-space: nowrap;
    padding: 4px 8px;
  }
  thead th {
    font-size: 0.85em;
    text-align: center;
  }
  thead th:first-child,
  tbody th {
    text-align: start;
  }
  tbody th {
    color: var(--_fg);
    font-weight: 500;
  }
  /* The cohort names stay in view while a narrow widget scrolls the later columns under them. */
  thead tr:not(.group) th:first-child,
  tbody th {
    position: sticky;
    left: 0;
    z-index: 1;
    background: var(--_bg);
  }
  .size {
    text-align: end;
    color: var(--_muted);
    padding: 4px 10px 4px 4px;
    white-space: nowrap;
  }
  .cell {
    min-width: 3.2em;
    height: var(--rapport-cell-height, 30px);
    padding: 0 6px;
    text-align: center;
    border-radius: 3px;
    cursor: pointer;
    white-space: nowrap;
  }
  .cell:hover {
    filter: brightness(1.08) saturate(1.1);
  }
  .cell:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
    box-shadow: inset 0 0 0 2px var(--_bg);
  }
  .blank {
    background: transparent;
  }
`;
