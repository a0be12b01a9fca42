import { css } from 'lit';

export const graphStyles = css`
  .controls, .time {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 12px;
    align-items: center;
    margin-bottom: 8px;
  }
  select, input[type='search'] {
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 6px;
    padding: 2px 6px;
  }
  /* Customer names, segments and community ids are data: a long one must not widen the widget or the host page.
     Lists cut it with an ellipsis; the chosen customer's name wraps over at most two lines. */
  select {
    max-width: 14em;
  }
  .search {
    position: relative;
    min-width: 0;
  }
  .matches {
    position: absolute;
    z-index: 3;
    list-style: none;
    margin: 2px 0 0;
    padding: 4px;
    min-width: 100%;
    max-width: min(360px, 100cqi);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 6px;
  }
  .matches button, .legend button, .ego button {
    font: inherit;
    color: inherit;
    background: none;
    border: 0;
    padding: 2px 6px;
    cursor: pointer;
    text-align: start;
    width: 100%;
  }
  .matches button, .legend .name {
    display: block;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .body {
    display: grid;
    grid-template-columns: minmax(0, 1fr) 220px;
    gap: 12px;
  }
  .body > * {
    min-width: 0;
  }
  .canvas {
    position: relative;
    height: var(--rapport-graph-height, 520px);
    border: 1px solid var(--_border);
    border-radius: 6px;
    background: var(--rapport-graph-background, var(--_bg));
  }
  /* Reduced motion: the drawing stays hidden until the layout is stable, instead of showing the nodes moving. The
     words are for the eye only (alt text ''): a visually hidden status says the same to screen readers. */
  .canvas.settling > * {
    visibility: hidden;
  }
  .canvas.settling::after {
    content: 'Laying out…' / '';
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    color: var(--_muted);
  }
  .canvas:focus-visible {
    outline: 2px solid var(--_focus);
  }
  .legend {
    list-style: none;
    margin: 0;
    padding: 0;
    font-size: 0.85em;
    max-height: var(--rapport-graph-height, 520px);
    overflow: auto;
  }
  .legend button {
    display: grid;
    grid-template-columns: 12px minmax(0, 1fr) auto auto auto;
    gap: 6px;
    align-items: center;
    border-radius: 4px;
  }
  .legend button[aria-pressed='true'] {
    background: var(--_surface);
    font-weight: 600;
  }
  .swatch {
    width: 12px;
    height: 12px;
    border-radius: 50%;
  }
  .size, .value, .net {
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
  }
  .details {
    margin-top: 12px;
    font-size: 0.9em;
  }
  .details strong {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
    overflow-wrap: anywhere;
  }
  .details dl {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: 2px 8px;
    margin: 6px 0;
  }
  .details dt {
    color: var(--_muted);
  }
  .details dd, .events li {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .ego button {
    border: 1px solid var(--_border);
    border-radius: 6px;
    margin-top: 4px;
  }
  .ego button[aria-pressed='true'] {
    border-color: var(--_accent);
    color: var(--_accent);
  }
  .events {
    margin: 0;
    padding-inline-start: 18px;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .fallback {
    padding: 12px;
    color: var(--_muted);
  }
  .tables table {
    border-collapse: collapse;
    margin-top: 8px;
    font-size: 0.9em;
  }
  .tables th, .tables td {
    padding: 2px 8px;
    text-align: start;
  }
  /* Stack the legend under the drawing when the widget itself is narrow, whatever the page's width. */
  @container rapport-root (max-width: 560px) {
    .body {
      grid-template-columns: minmax(0, 1fr);
    }
  }
`;
