/**
 * Roles in communities (Guimerà & Amaral 2005, docs/network.md): `Community.roles`, `Community.leaders` and
 * `Customer.role`, at the community's resolution (the default one for `Customer.role`).
 */
import { ROLE_NAMES, type RoleCode } from '../server/analytics/network';
import { networkNode, tenantNetwork, tenantRoles } from '../server/analytics-service';
import { analytics, snapshotOf } from './analytics';
import { builder } from './builder';
import { CommunityRef } from './community';
import { CustomerRef } from './customer';
import { userError } from './errors';
import { MAX_PAGE_SIZE } from './paging';

export const NetworkRoleEnum = builder.enumType('NetworkRole', {
  description: 'Guimerà & Amaral (2005) roles from within-community degree z and participation P (docs/network.md).',
  values: Object.fromEntries(
    [...new Set(Object.values(ROLE_NAMES))].map((name) => [name.replace('-', '_').toUpperCase(), { value: name }]),
  ),
});

interface MemberRole {
  customerId: number;
  code: RoleCode;
  z: number;
  participation: number;
}

const MemberRoleRef = builder.objectRef<MemberRole>('CommunityMemberRole').implement({
  fields: (t) => ({
    customer: t.field({ type: CustomerRef, resolve: (r) => r.customerId }),
    role: t.field({ type: NetworkRoleEnum, resolve: (r) => ROLE_NAMES[r.code] }),
    code: t.exposeString('code', { description: 'The paper\'s finer role, R1 (ultra-peripheral) … R7 (kinless hub).' }),
    z: t.exposeFloat('z', { description: 'Within-community degree z-score.' }),
    participation: t.exposeFloat('participation', { description: 'Participation coefficient P = 1 − Σ_t (κ_it / k_i)².' }),
  }),
});

builder.objectFields(CommunityRef, (t) => ({
  roles: t.field({
    type: [MemberRoleRef],
    description: 'Members with their roles, by z descending (at most `first`).',
    args: { first: t.arg.int({ defaultValue: 50 }) },
    resolve: (c, args, ctx) =>
      analytics(async () => {
        const first = args.first ?? 50;
        if (first < 0 || first > MAX_PAGE_SIZE) throw userError('BAD_USER_INPUT', `\`first\` must be within 0..${MAX_PAGE_SIZE}.`);
        const result = await tenantRoles(await snapshotOf(ctx), c.communities.result.resolution);
        const ids = c.communities.network.customerIds;
        return [...c.communities.members[c.index]!]
          .sort((a, b) => result.z[b]! - result.z[a]! || a - b)
          .slice(0, first)
          .map((node) => ({ customerId: ids[node]!, code: result.code[node]!, z: result.z[node]!, participation: result.participation[node]! }));
      }),
  }),
  leaders: t.field({
    type: [CustomerRef],
    description: 'The 3 members with the highest within-community z, then PageRank.',
    resolve: (c, _args, ctx) =>
      analytics(async () => {
        const result = await tenantRoles(await snapshotOf(ctx), c.communities.result.resolution);
        return result.leaders[c.index]!.map((node) => c.communities.network.customerIds[node]!);
      }),
  }),
}));

builder.objectField(CustomerRef, 'role', (t) =>
  t.field({
    type: NetworkRoleEnum,
    nullable: true,
    description: 'The customer\'s role in its community (default resolution); null when the customer has no tie.',
    resolve: (customer, _args, ctx) =>
      analytics(async () => {
        const snapshot = await snapshotOf(ctx);
        const node = networkNode(await tenantNetwork(snapshot), customer.id);
        return node < 0 ? null : ROLE_NAMES[(await tenantRoles(snapshot)).code[node]!];
      }),
  }),
);
