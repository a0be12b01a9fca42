import { css } from 'lit';

export const segmentMapStyles = css`
  .toggle {
    display: inline-flex;
    border: 1px solid var(--_border);
    border-radius: 6px;
    overflow: hidden;
  }
  .toggle button {
    font: inherit;
    font-size: 0.85em;
    padding: 3px 10px;
    border: 0;
    background: transparent;
    color: var(--_muted);
    cursor: pointer;
  }
  .toggle button[aria-pressed='true'] {
    background: var(--_surface);
    color: var(--_fg);
    font-weight: 600;
  }
  .plot {
    display: grid;
    grid-template-columns: 1.5em 1.5em repeat(5, minmax(0, 1fr));
    grid-template-rows: repeat(5, minmax(var(--rapport-row-height, 64px), 1fr)) auto auto;
    gap: var(--_gap);
  }
  .axis-title {
    color: var(--_muted);
    font-size: 0.85em;
    text-align: center;
  }
  .axis-title.y {
    grid-column: 1;
    grid-row: 1 / 6;
    writing-mode: vertical-rl;
    transform: rotate(180deg);
  }
  .axis-title.x {
    grid-column: 3 / 8;
    grid-row: 7;
  }
  .tick {
    color: var(--_muted);
    font-size: 0.8em;
    font-variant-numeric: tabular-nums;
    display: grid;
    place-items: center;
  }
  .segment {
    all: unset;
    box-sizing: border-box;
    position: relative;
    display: flex;
    flex-direction: column;
    justify-content: center;
    align-items: center;
    gap: 2px;
    padding: 6px;
    min-width: 0;
    overflow: hidden;
    border-radius: 4px;
    cursor: pointer;
    text-align: center;
    font-variant-numeric: tabular-nums;
  }
  .segment:hover {
    filter: brightness(1.06) saturate(1.1);
  }
  /* Two rings, so the mark shows on the palest and the darkest fill alike. */
  .segment:focus-visible,
  .segment[aria-pressed='true'] {
    z-index: 1;
    outline: 2px solid var(--_fg);
    outline-offset: 1px;
    box-shadow: inset 0 0 0 2px var(--_bg);
  }
  .segment:focus-visible {
    outline-color: var(--_focus);
  }
  .label {
    font-weight: 600;
    font-size: 0.95em;
    line-height: 1.15;
    max-width: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  /* Narrow hosts (a CRM side panel): smaller type rather than clipped names. */
  .plot,
  .treemap {
    container-type: inline-size;
  }
  @container (max-width: 480px) {
    .segment {
      padding: 3px;
    }
    .label {
      font-size: 0.72em;
    }
    .count {
      font-size: 1.05em;
    }
    .share {
      font-size: 0.72em;
    }
  }
  .count {
    font-size: 1.35em;
    font-weight: 700;
    line-height: 1.1;
  }
  .share {
    font-size: 0.85em;
  }
  .marker {
    z-index: 2;
    pointer-events: none;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: flex-end;
    padding-bottom: 4px;
    gap: 2px;
  }
  .pin {
    width: 14px;
    height: 14px;
    border-radius: 50%;
    background: var(--rapport-marker, #e4572e);
    border: 2px solid #fff;
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.35);
  }
  .pin-label {
    font-size: 0.72em;
    font-weight: 600;
    padding: 1px 6px;
    border-radius: 999px;
    background: #fff;
    color: #1f2733;
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.25);
    white-space: nowrap;
  }
  .treemap {
    position: relative;
    width: 100%;
    aspect-ratio: 16 / 9;
  }
  .treemap .segment {
    position: absolute;
  }
  .treemap .segment.small .label {
    white-space: normal;
    font-size: 0.85em;
    line-height: 1.15;
  }
  /* Text that does not fit is clipped away visually but stays in the accessible name. */
  .treemap .segment.small .count,
  .treemap .segment.small .share,
  .treemap .segment.tiny .label {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
  }
`;
