import { css } from 'lit';

export const feedStyles = css`
  :host {
    --_pos: var(--rapport-positive, #1a7f4b);
    --_neu: var(--rapport-neutral, #5b6675);
    --_neg: var(--rapport-negative, #b42318);
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 12px;
    align-items: center;
  }
  .controls select {
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 6px;
    padding: 2px 6px;
  }
  .status {
    font-size: 0.85em;
    color: var(--_muted);
  }
  .status.live::before {
    content: '● ';
    color: var(--_pos);
  }
  .trend {
    display: flex;
    align-items: center;
    gap: 8px;
    margin: 0;
  }
  .trend .zero {
    stroke: var(--_border);
    stroke-dasharray: 3 3;
  }
  .trend .line {
    fill: none;
    stroke: var(--_accent);
    stroke-width: 1.5;
    vector-effect: non-scaling-stroke;
  }
  .trend .dot {
    fill: var(--_accent);
  }
  .viewport {
    position: relative;
    height: var(--rapport-feed-height, 480px);
    overflow-y: auto;
    border-top: 1px solid var(--_border);
    contain: strict;
  }
  .spacer {
    position: relative;
    width: 100%;
  }
  .row {
    position: absolute;
    inset: 0 0 auto 0;
    padding: 8px 4px;
    border-bottom: 1px solid var(--_border);
    cursor: pointer;
    overflow: hidden;
  }
  .row.active {
    background: var(--_surface);
  }
  /* The list (contain: strict, overflow) clips anything outside it, and rows span its full width: ring them inside. */
  .row:focus-visible {
    outline-offset: -2px;
  }
  .line1 {
    display: flex;
    align-items: center;
    gap: 8px;
    min-width: 0;
  }
  .icon {
    fill: none;
    stroke: var(--_muted);
    stroke-width: 1.3;
    stroke-linejoin: round;
    vertical-align: -3px;
  }
  .who {
    font: inherit;
    font-weight: 600;
    color: inherit;
    background: none;
    border: 0;
    padding: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    /* Never squeezed to nothing: a zero-width name is still a Tab stop but shows nothing. */
    min-width: 4em;
  }
  button.who {
    cursor: pointer;
    color: var(--_accent);
  }
  time {
    color: var(--_muted);
    font-size: 0.85em;
    white-space: nowrap;
  }
  .badge {
    margin-inline-start: auto;
    font-size: 0.8em;
    font-weight: 600;
    padding: 1px 8px;
    border-radius: 999px;
    color: #fff;
    white-space: nowrap;
    background: var(--_neu);
  }
  .badge.positive {
    background: var(--_pos);
  }
  .badge.negative {
    background: var(--_neg);
  }
  .badge.none {
    background: transparent;
    color: var(--_muted);
    border: 1px solid var(--_border);
  }
  .why {
    font: inherit;
    font-size: 0.8em;
    color: var(--_accent);
    background: none;
    border: 1px solid var(--_border);
    border-radius: 6px;
    padding: 0 6px;
    cursor: pointer;
    flex-shrink: 0;
  }
  .text {
    margin: 4px 0 0 24px;
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow: hidden;
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .explain {
    margin: 6px 0 0 24px;
    height: 56px;
    overflow: auto;
    font-size: 0.85em;
  }
  mark {
    color: inherit;
    border-radius: 3px;
    padding: 0 2px;
    background: color-mix(in srgb, var(--_pos) calc(var(--w) * 45%), transparent);
  }
  mark.down {
    background: color-mix(in srgb, var(--_neg) calc(var(--w) * 45%), transparent);
  }
  /* A narrow widget (not a narrow page: it may sit in a sidebar) moves the time to a second line so the name and
     "Why?" keep their room, and clamps the text to one line so the row still fits its fixed height. */
  @container rapport-root (max-width: 460px) {
    .line1 {
      flex-wrap: wrap;
      row-gap: 0;
    }
    .who {
      flex: 1 1 0;
    }
    time {
      order: 1;
      flex-basis: 100%;
      padding-inline-start: 24px;
    }
    .text {
      -webkit-line-clamp: 1;
    }
  }
`;
