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
   * @default '/graphql'
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
export function tokenSource(widget: string, token: string | undefined, getToken: RapportConfig['getToken']) {
  if (token) return () => token;
  if (!getToken) return undefined;
  const request: TokenRequest = { widget, operations: WIDGET_OPERATION_NAMES[widget] ?? [] };
  return () => getToken(request);
}

const DEFAULTS: Required<Pick<RapportConfig, 'endpoint'>> = { endpoint: '/graphql' };

let current: RapportConfig = { ...DEFAULTS };
const listeners = new Set<() => void>();

/** Page-wide configuration (`Rapport.configure`). Elements' own attributes win over it. */
export function configure(options: RapportConfig): void {
  current = { ...DEFAULTS, ...options };
  for (const listener of listeners) listener();
}

export function getConfig(): RapportConfig {
  return current;
}

/** Called after every `configure`; returns the unsubscribe function. */
export function onConfigure(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Context for a subtree's configuration (provided by `<rapport-provider>`), between attributes and the page. */
export const rapportConfigContext = createContext<RapportConfig | undefined>(Symbol.for('rapport-config'));
