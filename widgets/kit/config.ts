import { createContext } from '@lit/context';

/** Where widgets find the Rapport GraphQL API and how they authenticate. */
export interface RapportConfig {
  /**
   * GraphQL endpoint, absolute or relative to the page.
   * @default '/graphql'
   */
  endpoint?: string;
  /**
   * Returns the bearer token for the next request. Called before every request, so a host can refresh a
   * short-lived token here. Return `undefined` for none (e.g. a dev server on loopback).
   */
  getToken?: () => string | undefined | null | Promise<string | undefined | null>;
  /** BCP 47 locale for numbers and dates. @default the page's `<html lang>`, else the browser's */
  locale?: string;
  /** How long a query may take before the widget shows its error panel (with Retry). @default 30000 */
  timeoutMs?: number;
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
