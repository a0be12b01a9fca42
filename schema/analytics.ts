/**
 * What the analytics fields share: the request's tenant snapshot (one version check per request, however many
 * fields and customers ask) and the translation of the engines' input errors into coded GraphQL errors.
 */
import { CohortError } from '../server/analytics/cohort';
import { RfmError } from '../server/analytics/rfm';
import { AnalyticsError, analyticsCache, segmentMemberIds, tenantRfm, type TenantSnapshot } from '../server/analytics-service';
import type { Context } from './context';
import { userError } from './errors';

export function snapshotOf(ctx: Context): Promise<TenantSnapshot> {
  return analyticsCache.forScope(ctx, ctx.store, ctx.tenant);
}

/** Runs an analytics call; errors a caller can fix become BAD_USER_INPUT with the engine's code as `reason`. */
export async function analytics<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AnalyticsError || err instanceof RfmError || err instanceof CohortError) {
      throw userError('BAD_USER_INPUT', sentence(err.message), { reason: err.code });
    }
    throw err;
  }
}

/** An engine's message as the API's others read: no `rapport/<engine>:` prefix (that is for logs), a capital, a stop. */
function sentence(message: string): string {
  const text = message.replace(/^rapport\/[\w-]+: /, '');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;
}

/** Store ids of a segment's customers (today's scores in the named map), for list filters. */
export function segmentCustomerIds(ctx: Context, segment: string, segmentMap?: string | null): Promise<number[]> {
  return analytics(async () => segmentMemberIds(await tenantRfm(await snapshotOf(ctx), { segmentMap }), segment));
}
