import { principalOf } from '../plugins/use-credentials';

/** Who the request acted as (`key:<id>`, `token:<jti>`, `dev`) and for which tenant; nothing for a refused one. */
export function tryPrincipalOf(request: Request): { id: string; tenant: string } | undefined {
  try {
    const p = principalOf(request);
    return { id: p.id, tenant: p.tenant };
  } catch {
    return undefined;
  }
}
