import { css } from 'lit';

/**
 * Shared look of every widget: `--rapport-*` tokens with light defaults, dark defaults under
 * `prefers-color-scheme: dark` or `theme="dark"`, the host's font, and the loading/empty/error states.
 */
export const themeStyles = css`
  :host {
    display: block;
    --_bg: var(--rapport-background, #ffffff);
    --_fg: var(--rapport-foreground, #1f2733);
    --_muted: var(--rapport-muted, #5b6675);
    --_border: var(--rapport-border, #dde2ea);
    --_surface: var(--rapport-surface, #f5f7fa);
    --_accent: var(--rapport-accent, #2357d9);
    --_focus: var(--rapport-focus-ring, #2357d9);
    --_danger: var(--rapport-danger, #b42318);
    --_radius: var(--rapport-radius, 8px);
    --_gap: var(--rapport-gap, 2px);
  }
  :host([theme='dark']) {
    --_bg: var(--rapport-background, #161b22);
    --_fg: var(--rapport-foreground, #e6edf3);
    --_muted: var(--rapport-muted, #9aa7b4);
    --_border: var(--rapport-border, #30363d);
    --_surface: var(--rapport-surface, #1f262e);
    --_accent: var(--rapport-accent, #6e9bff);
    --_focus: var(--rapport-focus-ring, #8fb3ff);
    --_danger: var(--rapport-danger, #ff8a80);
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_bg: var(--rapport-background, #161b22);
      --_fg: var(--rapport-foreground, #e6edf3);
      --_muted: var(--rapport-muted, #9aa7b4);
      --_border: var(--rapport-border, #30363d);
      --_surface: var(--rapport-surface, #1f262e);
      --_accent: var(--rapport-accent, #6e9bff);
      --_focus: var(--rapport-focus-ring, #8fb3ff);
      --_danger: var(--rapport-danger, #ff8a80);
    }
  }
  :host([hidden]) {
    display: none;
  }
  /* Everything lives under .root so hostile page CSS on the host (all: unset) cannot undo the layout. */
  .root {
    /* Inherited text properties would flow in from the host page (a nowrap or uppercase container, say) and break
       the layout: reset them here. The font family, direction, writing mode and visibility stay the page's. */
    font-style: normal;
    font-weight: 400;
    font-variant: normal;
    font-stretch: normal;
    font-kerning: auto;
    font-feature-settings: normal;
    font-variation-settings: normal;
    font-size-adjust: none;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-indent: 0;
    text-shadow: none;
    text-align-last: auto;
    white-space: normal;
    word-break: normal;
    overflow-wrap: normal;
    hyphens: manual;
    line-break: auto;
    tab-size: 8;
    list-style: disc outside none;
    border-collapse: separate;
    border-spacing: 0;
    caption-side: top;
    empty-cells: show;
    quotes: auto;
    cursor: auto;
    display: block;
    box-sizing: border-box;
    position: relative;
    font-family: var(--rapport-font-family, inherit);
    font-size: var(--rapport-font-size, 14px);
    line-height: 1.4;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--rapport-padding, 16px);
    min-width: 280px;
    text-align: start;
    /* Layouts adapt to the widget's own width (@container rapport-root), not the page's: a widget in a sidebar is
       narrow on a wide screen. */
    container: rapport-root / inline-size;
  }
  .root *,
  .root *::before,
  .root *::after {
    box-sizing: border-box;
  }
  /* A div, not <header>: inside a page's content a <header> is an unnamed banner landmark, one per widget. */
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 4px 16px;
    margin-bottom: 12px;
  }
  h2 {
    font-size: 1.1em;
    font-weight: 600;
    margin: 0;
  }
  .meta {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .state {
    display: grid;
    place-items: center;
    align-content: center;
    gap: 8px;
    min-height: 160px;
    color: var(--_muted);
    text-align: center;
  }
  .state[part~='error'] {
    color: var(--_danger);
  }
  /* Error details can be one long word (a URL, a token): break it rather than push the panel wider than the widget. */
  .state small {
    max-width: 100%;
    overflow-wrap: anywhere;
  }
  .state button {
    font: inherit;
    color: var(--_accent);
    background: none;
    border: 1px solid currentColor;
    border-radius: 6px;
    padding: 4px 12px;
    cursor: pointer;
  }
  /* Pinned to the top-left corner of the nearest positioned box and clipped to nothing, so a hidden label deep in a
     wide table cannot stretch the page sideways. Tables ignore width: 1px, so hide them in a div.sr-only instead. */
  .sr-only {
    position: absolute;
    top: 0;
    left: 0;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  @media (prefers-reduced-motion: no-preference) {
    .root .animate {
      transition: background-color 200ms ease, opacity 200ms ease, filter 120ms ease;
    }
  }
`;
