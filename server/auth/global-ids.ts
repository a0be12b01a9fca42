/**
 * Global ids that tell a tenant nothing about other tenants. Customer and interaction ids are table-wide identity
 * numbers, so showing them (as Relay's default `base64("Customer:123")` did) let a tenant count the rows other tenants
 * wrote between two of its own. Here each id is its store number encrypted with a key of its tenant: one AES block,
 * keyed by HMAC-SHA256(the database's `global_ids` secret, tenant), holding the type, seven zero bytes and the number.
 *
 * - An id is 23 base64url characters: the type's byte in clear (a type is public) and the encrypted block.
 * - The same row always gets the same id (so ids can be stored and compared), and ids look random: neither their
 *   order nor their gaps say anything about when rows were written.
 * - Decoding with another tenant's key, or of a made-up block, leaves the zero bytes garbled (1 in 2⁵⁶ survive), and
 *   the id then names no row (store id 0): another tenant's id resolves to null, as before.
 * - Each id is a call into OpenSSL (about 3 µs, mostly the call itself), so a page of ids is encrypted in one call
 *   (`prime`, then `encode` finds them) and recent ids are remembered (bench/global-ids.ts measures both).
 * - The secret lives in the store (`server_secrets`, which tenant-scoped connections cannot read), created on first
 *   use, so ids stay the same across restarts, instances and backups of the same database.
 */
import { createCipheriv, createDecipheriv, createHmac, type Cipher, type Decipher } from 'node:crypto';
import { PothosValidationError } from '@pothos/core';
import type { Store } from '../store';
import { serverSecret } from './server-secrets';

/** Types with global ids; the byte is the index + 1 and is part of every id, so it must never be reordered. */
const TYPES = ['Customer', 'Interaction'] as const;
export type GlobalIdType = (typeof TYPES)[number];

const SECRET_NAME = 'global_ids';
const SHAPE = /^[A-Za-z0-9_-]{23}$/;
/** Ids remembered per tenant (about 110 bytes each), enough for a page's ids and cursors; starts afresh when full. */
const MEMO_SIZE = 2048;
/** Tenants whose keys are kept (with their memos, at most about 230 KB each); all are dropped past it. */
const TENANTS_KEPT = 128;

function typeByte(typename: string): number {
  const type = TYPES.indexOf(typename as GlobalIdType) + 1;
  if (!type) throw new Error(`rapport: ${typename} has no global ids.`);
  return type;
}

/** The plaintext block of one id: the type, seven zero bytes, the store id (big-endian, 64 bits). */
function writeBlock(blocks: Buffer, offset: number, type: number, storeId: number | bigint | string): void {
  blocks[offset] = type;
  blocks.writeBigUInt64BE(BigInt(storeId), offset + 8);
}

/** One tenant's ids. Synchronous, so Pothos can encode and decode with it (its relay options are not async). */
export class TenantIds {
  readonly #encrypt: Cipher;
  readonly #decrypt: Decipher;
  readonly #memo = new Map<string, string>();

  constructor(key: Uint8Array) {
    // ECB over whole blocks: no chaining state, so one cipher object serves every id, one or many per call.
    this.#encrypt = createCipheriv('aes-128-ecb', key, null).setAutoPadding(false);
    this.#decrypt = createDecipheriv('aes-128-ecb', key, null).setAutoPadding(false);
  }

  encode(typename: string, storeId: number | bigint | string): string {
    const type = typeByte(typename);
    return this.#memo.get(`${type}:${storeId}`) ?? this.#encryptAll(type, [storeId])[0]!;
  }

  /** Encrypts a page of ids in one cipher call, so the `encode` calls that follow find them remembered. */
  prime(typename: string, storeIds: Iterable<number | null | undefined>): void {
    const type = typeByte(typename);
    const fresh = new Set<number>();
    for (const id of storeIds) if (id != null && !this.#memo.has(`${type}:${id}`)) fresh.add(id);
    if (fresh.size) this.#encryptAll(type, [...fresh].slice(0, MEMO_SIZE));
  }

  #encryptAll(type: number, storeIds: readonly (number | bigint | string)[]): string[] {
    const blocks = Buffer.alloc(16 * storeIds.length);
    storeIds.forEach((id, k) => writeBlock(blocks, 16 * k, type, id));
    const sealed = this.#encrypt.update(blocks);
    const id = Buffer.alloc(17);
    id[0] = type;
    if (this.#memo.size + storeIds.length > MEMO_SIZE) this.#memo.clear(); // so a whole page fits
    return storeIds.map((storeId, k) => {
      sealed.copy(id, 1, 16 * k, 16 * k + 16);
      const text = id.toString('base64url');
      this.#memo.set(`${type}:${storeId}`, text);
      return text;
    });
  }

  /** `{ typename, id }` for Pothos; id "0" when the id is not this tenant's. Throws on what is not an id at all. */
  decode(globalId: string): { typename: GlobalIdType; id: string } {
    const decoded = this.#read(globalId);
    if (!decoded) throw new PothosValidationError(`"${globalId}" is not a Rapport global id.`);
    return decoded;
  }

  /** The store id a global id of `type` names in this tenant, else 0 (wrong type, another tenant's, not an id). */
  storeId(type: GlobalIdType, globalId: unknown): number {
    const decoded = typeof globalId === 'string' ? this.#read(globalId) : null;
    return decoded?.typename === type ? Number(decoded.id) : 0;
  }

  /** null for what is not an id in the canonical spelling of a known type. */
  #read(globalId: string): { typename: GlobalIdType; id: string } | null {
    const bytes = SHAPE.test(globalId) ? Buffer.from(globalId, 'base64url') : null;
    const typename = bytes && bytes.toString('base64url') === globalId ? TYPES[bytes[0]! - 1] : undefined;
    if (!bytes || !typename) return null;
    const block = this.#decrypt.update(bytes.subarray(1));
    const ours = block[0] === bytes[0] && block.subarray(1, 8).every((b: number) => b === 0);
    return { typename, id: ours ? block.readBigUInt64BE(8).toString() : '0' };
  }
}

interface StoreIds {
  secret: Promise<Buffer>;
  tenants: Map<string, TenantIds>;
}

const byStore = new WeakMap<Store, StoreIds>();

/** The ids of `tenant`, from the owner (unscoped) store, which alone may read the secret. */
export async function tenantIds(owner: Store, tenant: string): Promise<TenantIds> {
  let entry = byStore.get(owner);
  if (!entry) {
    entry = { secret: serverSecret(owner, SECRET_NAME, 32).then((value) => Buffer.from(value, 'base64url')), tenants: new Map() };
    byStore.set(owner, entry);
    entry.secret.catch(() => byStore.delete(owner));
  }
  const secret = await entry.secret;
  let ids = entry.tenants.get(tenant);
  if (!ids) {
    ids = new TenantIds(createHmac('sha256', secret).update(tenant).digest().subarray(0, 16));
    if (entry.tenants.size >= TENANTS_KEPT) entry.tenants.clear();
    entry.tenants.set(tenant, ids);
  }
  return ids;
}
