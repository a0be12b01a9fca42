import { randomBytes } from 'node:crypto';
import type { Store } from '../store';

/**
 * A secret of the whole deployment kept in `server_secrets` (never granted to tenant-scoped connections): read, or
 * made from `bytes` random bytes on first use. Two instances starting together both insert; the first wins and both
 * read the winner. Returned as stored: base64url text.
 */
export async function serverSecret(owner: Store, name: string, bytes: number): Promise<string> {
  const read = async () =>
    (await owner.query<{ value: string }>(`SELECT value FROM server_secrets WHERE name = $1`, [name]))[0]?.value;
  const found = await read();
  if (found !== undefined) return found;
  await owner.query(`INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [
    name,
    randomBytes(bytes).toString('base64url'),
  ]);
  return (await read())!;
}
