import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store';
import type { Principal } from './credentials';
import { leasedStream } from './stream-lease';

/** An endless source, as a subscription is: it yields only when asked. */
async function* ticks() {
  for (let i = 0; ; i++) yield i;
}

const token = (keyId: string, jti: string): Principal => ({
  tenant: 't', kind: 'token', scope: 'read', id: `token:${jti}`, keyId, expiresAt: new Date(Date.now() + 600_000),
});

describe('stream places of the tokens of one key', () => {
  let owner: Store;
  beforeAll(async () => (owner = await openStore()));
  afterAll(() => owner?.close());

  it("caps a key's tokens together, however many tokens, and gives a place back when a stream closes", async () => {
    const options = { owner, maxStreams: 1, maxKeyTokenStreams: 3 };
    const open = [1, 2, 3].map((n) => leasedStream(ticks(), token('k1', `j${n}`), options));
    expect(() => leasedStream(ticks(), token('k1', 'j4'), options)).toThrow(
      'The embed tokens of this key already hold 3 live streams on this server; close one before opening another.',
    );
    // Another key's tokens have places of their own.
    const other = leasedStream(ticks(), token('k2', 'j5'), options);
    await open[0]!.return!();
    // j4 may hold one stream: its refusal above gave back the place it had claimed.
    const again = leasedStream(ticks(), token('k1', 'j4'), options);
    expect((await again.next()).value).toBe(0);
    for (const stream of [...open, other, again]) await stream.return!();
  });
});
