import type { CORSOptions } from 'graphql-yoga';
import type { Store } from '../store';
import { principalOf } from '../plugins/use-credentials';
import { isLoopbackOrigin } from './loopback';
import { tenantOrigins } from './tenants';

const BASE: CORSOptions = {
  methods: ['GET', 'POST', 'OPTIONS'],
  allowedHeaders: ['authorization', 'content-type', 'accept'],
  // A page on another origin can read how long a 429 asks it to wait (the widgets' client waits it out).
  exposedHeaders: ['retry-after'],
  // Credentials are bearer headers, never cookies: browsers need not send or expose cookies.
  credentials: false,
  maxAge: 600,
};

/**
 * Per-tenant CORS: a response names only the caller's tenant's allowed origins (a token bound to an origin: that
 * one). A preflight carries no credentials, so it is answered for the origins of any tenant; the real request
 * then needs its own tenant's. Dev mode answers pages from loopback origins only (see loopback.ts), with yoga's
 * defaults, so a page on another site cannot read the developer's data.
 */
export function corsOptions(store: Store, dev: boolean) {
  return async (request: Request): Promise<CORSOptions | false> => {
    const origin = request.headers.get('origin');
    if (origin === null) return false;
    let principal;
    try {
      principal = principalOf(request);
    } catch {
      if (dev && isLoopbackOrigin(origin)) return {};
      return allow(origin, await tenantOrigins(store, '*'));
    }
    if (principal.kind === 'dev') return isLoopbackOrigin(origin) ? {} : false;
    return allow(origin, principal.origin ? [principal.origin] : await tenantOrigins(store, principal.tenant));
  };
}

function allow(origin: string, allowed: string[]): CORSOptions | false {
  return allowed.includes(origin) ? { ...BASE, origin: [origin] } : false;
}
