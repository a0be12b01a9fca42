/**
 * What encrypted global ids cost (server/auth/global-ids.ts), beside their peer in the same run: Pothos's default
 * `base64("Customer:42")`, which showed store numbers. Per id (encode, decode), then per GraphQL page through the
 * real app on the demo tenant (PGlite): 500 customers with their ids and cursors (1,000 ids), and 500 network ties
 * with theirs (1,500), served with encrypted ids and then with the peer swapped in, and the same pages without ids.
 * Prints µs and ratios.
 *
 *   npx tsx bench/global-ids.ts
 */
import { randomBytes } from 'node:crypto';
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { createApp } from '../server/app';
import { TenantIds } from '../server/auth/global-ids';
import { importDemo } from '../server/ingest/import-demo';
import { memoryPubSub } from '../server/pubsub';
import { openStore } from '../server/store';

const N = Number(process.env.N ?? 200_000);
const PAGES = Number(process.env.PAGES ?? 40);

function perCall(run: (i: number) => unknown, n: number): number {
  for (let i = 0; i < Math.min(n, 20_000); i++) run(i); // warm-up
  const start = performance.now();
  for (let i = 0; i < n; i++) run(i);
  return ((performance.now() - start) * 1000) / n;
}

const ids = new TenantIds(randomBytes(16));
const ours = ids.encode('Customer', 123_456);
const theirs = encodeGlobalID('Customer', 123_456);
let next = 1;
const page = new Array<number>(1000);
/** A page of 1,000 ids never seen before, encrypted in one call and then read one by one: µs per id. */
const primed = perCall(() => {
  for (let k = 0; k < page.length; k++) page[k] = next++;
  ids.prime('Customer', page);
  for (const id of page) ids.encode('Customer', id);
}, N / 1000) / page.length;
const rows = [
  ['encode, one', perCall(() => ids.encode('Customer', next++), N), perCall((i) => encodeGlobalID('Customer', i + 1), N)],
  ['encode, a page', primed, perCall((i) => encodeGlobalID('Customer', i + 1), N)],
  ['encode, again', perCall((i) => ids.encode('Customer', 1 + (i % 1000)), N), perCall((i) => encodeGlobalID('Customer', 1 + (i % 1000)), N)],
  ['decode', perCall(() => ids.decode(ours), N), perCall(() => decodeGlobalID(theirs), N)],
] as const;
console.log('per id, µs        encrypted   base64 (peer)   ratio');
for (const [name, a, b] of rows) console.log(`  ${name.padEnd(16)}${a.toFixed(2).padStart(9)}${b.toFixed(2).padStart(16)}${(a / b).toFixed(1).padStart(8)}×`);

const store = await openStore();
await importDemo(store, { demo: { customers: 2000 } });
const app = createApp({ store, dev: true, pubsub: memoryPubSub() });
const ask = async (query: string) => {
  const response = await app.fetch('http://yoga/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
};

// The peer in the same app: Relay's base64 ids (cursors then hold them too), switched on and off between requests.
let usePeer = false;
const { encode, decode } = TenantIds.prototype;
TenantIds.prototype.encode = function (typename, id) {
  return usePeer ? encodeGlobalID(typename, id) : encode.call(this, typename, id);
};
TenantIds.prototype.decode = function (id) {
  return usePeer ? (decodeGlobalID(id) as ReturnType<TenantIds['decode']>) : decode.call(this, id);
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
/** µs per page for each variant, interleaved request by request so drift and GC fall on all alike; medians. */
async function perPage(variants: (() => Promise<void>)[]): Promise<number[]> {
  const times = variants.map(() => [] as number[]);
  for (let round = -5; round < PAGES; round++) {
    // Each round starts with the next variant, so none always runs after the same one.
    for (let j = 0; j < variants.length; j++) {
      const k = (j + round + 5) % variants.length;
      const start = performance.now();
      await variants[k]!();
      if (round >= 0) times[k]!.push((performance.now() - start) * 1000);
    }
  }
  return times.map(median);
}

const pages = [
  ['500 customers', '{ customers(first: 500) { edges { cursor node { id name } } } }', '{ customers(first: 500) { edges { node { name } } } }'],
  ['500 ties', '{ network { edges(first: 500) { edges { cursor node { source target weight } } } } }', '{ network { edges(first: 500) { edges { node { weight } } } } }'],
] as const;
console.log(`\nper page, µs (median of ${PAGES})   encrypted ids   base64 ids (peer)   no ids   encryption adds`);
for (const [name, withIds, without] of pages) {
  const [ours, peer, none] = await perPage([
    () => ((usePeer = false), ask(withIds)),
    () => ((usePeer = true), ask(withIds)),
    () => ((usePeer = false), ask(without)),
  ]);
  const extra = ((ours! - peer!) / peer!) * 100;
  console.log(`  ${name.padEnd(27)}${ours!.toFixed(0).padStart(13)}${peer!.toFixed(0).padStart(20)}${none!.toFixed(0).padStart(9)}${`${extra.toFixed(1)} %`.padStart(18)}`);
}
await store.close();
