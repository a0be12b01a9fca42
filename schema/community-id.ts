/**
 * Community ids: the community's ordinal by decreasing size at the default resolution ("0" is the largest), with
 * `@γ` appended at any other resolution ("2@1.5"), so an id from `network(resolution:)` resolves to the same
 * community. Communities are recomputed when the tenant's data changes, so ids are stable while the data is.
 * An id is meaningful only within its tenant: another tenant's "3" names this tenant's fourth community, never
 * theirs, and a number past the last community resolves to null.
 */
import { checkResolution, tenantCommunities, type TenantCommunities } from '../server/analytics-service';
import { analytics, snapshotOf } from './analytics';
import type { Context } from './context';
import { userError } from './errors';

export interface CommunityShape {
  communities: TenantCommunities;
  index: number;
}

export function communityId(index: number, resolution: number): string {
  return resolution === 1 ? String(index) : `${index}@${resolution}`;
}

export function parseCommunityId(id: string): { index: number; resolution: number } {
  const match = /^(\d{1,9})(?:@(\d+(?:\.\d+)?(?:e[+-]?\d+)?))?$/i.exec(id.trim());
  if (!match) throw userError('BAD_USER_INPUT', `"${id}" is not a community id (e.g. "0", or "2@1.5" at resolution 1.5).`);
  return { index: Number(match[1]), resolution: match[2] === undefined ? 1 : Number(match[2]) };
}

/** The community an id names in the caller's tenant, or null. */
export function communityById(ctx: Context, id: string): Promise<CommunityShape | null> {
  const { index, resolution } = parseCommunityId(id);
  return analytics(async () => {
    const gamma = checkResolution(resolution);
    ctx.work.resolution(gamma);
    const communities = await tenantCommunities(await snapshotOf(ctx), gamma);
    return index < communities.result.count ? { communities, index } : null;
  });
}

/** Store ids of a community's members, ascending (none for an id that names no community). */
export function memberIds({ communities, index }: CommunityShape): number[] {
  return communities.members[index]!.map((node) => communities.network.customerIds[node]!);
}

export async function communityCustomerIds(ctx: Context, id: string): Promise<number[]> {
  const community = await communityById(ctx, id);
  return community ? memberIds(community) : [];
}
