import { createContext } from '@lit/context';
import { WIDGET_OPERATION_NAMES } from '../operation-names.js';

/**
 * What a widget asks `getToken` for: its element name and the embed operations (by name) it will run with the
 * token, so a host can mint each widget a token for exactly those (`createEmbedToken(operations: …)`).
 */
export interface TokenRequest {
  widget: string;
  operations: readonly string[];
}

/** Where widgets find the Rapport GraphQL API and how they authenticate. */
export interface RapportConfig {
  /**
   * GraphQL endpoint, absolute or relative to the page.
   * @default '/graphql' on the origin the widget bundle was loaded from
   */
  endpoint?: string;
  /**
   * Returns the bearer token for the next request. Called before every request, so a host can refresh a
   * short-lived token here. Return `undefined` for none (e.g. a dev server on loopback). It is told which widget
   * asks and the operations it will run.
   */
  getToken?: (request: TokenRequest) => string | undefined | null | Promise<string | undefined | null>;
  /** BCP 47 locale for numbers and dates. @default the page's `<html lang>`, else the browser's */
  locale?: string;
  /** How long a query may take before the widget shows its error panel (with Retry). @default 30000 */
  timeoutMs?: number;
}

/**
 * The token source a widget's requests use: its `token` attribute, else the configured `getToken`, asked for this
 * widget's operations.
 */
function tokenSource(widget: string, token: string | undefined, getToken: RapportConfig['getToken']) {
  if (token) return () => token;
  if (!getToken) return undefined;
  const request: TokenRequest = { widget, operations: WIDGET_OPERATION_NAMES[widget] ?? [] };
  return () => getToken(request);
}

/**
 * `path` on the server that served the widget bundle (an absolute URL), or on the page's when the bundle came from
 * elsewhere (a file, a blob): the defaults of the endpoint and of the models' folder.
 */
export function besideBundle(path: string): string {
  return /^https?:$/.test(new URL(import.meta.url).protocol) ? new URL(/* @vite-ignore */ path, import.meta.url).href : path;
}

/**
 * `/graphql` beside the server that served the bundle, not the page's origin: a CRM with a `/graphql` of its own
 * must never receive the widgets' queries (or their tokens). A bundle served by `rapport serve` thus talks to it.
 */
const DEFAULT_ENDPOINT = besideBundle('/graphql');
const DEFAULTS: Required<Pick<RapportConfig, 'endpoint'>> = { endpoint: DEFAULT_ENDPOINT };

let current: RapportConfig = { ...DEFAULTS };
let configured = false;
const listeners = new Set<() => void>();

/**
 * Whether the page's own scripts have run: module and deferred scripts (where hosts call `Rapport.configure`) all
 * run before DOMContentLoaded. Until then, or until `configure`, the page-wide endpoint is not known.
 */
let pageSettled = typeof document === 'undefined' || domContentLoaded();
if (!pageSettled) {
  document.addEventListener(
    'DOMContentLoaded',
    () => {
      pageSettled = true;
      // After a configure the page level is already known; telling the widgets again would reload them for nothing.
      if (!configured) notify();
    },
    { once: true },
  );
}

function domContentLoaded(): boolean {
  if (document.readyState === 'loading') return false;
  if (document.readyState === 'complete') return true;
  const navigation = performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
  return !navigation || navigation.domContentLoadedEventStart > 0;
}

function notify(): void {
  for (const listener of listeners) listener();
}

/** Page-wide configuration (`Rapport.configure`). Elements' own attributes win over it. */
export function configure(options: RapportConfig): void {
  current = { ...DEFAULTS, ...options };
  configured = true;
  notify();
}

export function getConfig(): RapportConfig {
  return current;
}

/** Called after every `configure` (and once the page's scripts have run); returns the unsubscribe function. */
export function onConfigure(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** What one level (element, provider, page) says: an endpoint, and credentials when it sets any (`token: ''` = none). */
export interface Level {
  endpoint?: string;
  credentials?: { token?: string; getToken?: RapportConfig['getToken'] };
}

/** The page-wide level; no endpoint until `configure` ran or the page's scripts have all run. */
export function pageLevel(): Level {
  return { endpoint: configured || pageSettled ? current.endpoint ?? DEFAULT_ENDPOINT : undefined, credentials: { getToken: current.getToken } };
}

/** Where a widget's requests go and the token source they carry. */
export interface Connection {
  endpoint: string;
  getToken?: () => string | undefined | null | Promise<string | undefined | null>;
}

/**
 * Pairs an endpoint with credentials so that no credential reaches an endpoint set inside (closer to the widget
 * than) the level that set the credential. `levels` go innermost first (element, provider, page): the endpoint is
 * the innermost one set, the credentials the innermost ones set at that level or inside it. A level that sets an
 * endpoint but no credentials yet gets undefined — the widget waits — instead of an outer level's token.
 */
export function connect(widget: string, levels: readonly Level[]): Connection | undefined {
  const at = levels.findIndex((l) => l.endpoint !== undefined);
  if (at < 0) return undefined;
  const credentials = levels.slice(0, at + 1).find((l) => l.credentials)?.credentials;
  if (!credentials) return undefined;
  return { endpoint: levels[at]!.endpoint!, getToken: tokenSource(widget, credentials.token, credentials.getToken) };
}

/** Context for a subtree's configuration (provided by `<rapport-provider>`), between attributes and the page. */
export const rapportConfigContext = createContext<RapportConfig | undefined>(Symbol.for('rapport-config'));
