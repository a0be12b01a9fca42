import { checkTenantId } from '../store/tenant-scope';
import { UsageError } from './fail';

/**
 * A tenant id given on the command line, checked before any store is opened: otherwise it reaches the database
 * and comes back as a constraint violation.
 */
export function tenantFlag(id: string): string {
  try {
    return checkTenantId(id);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}
