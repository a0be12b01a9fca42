import { closeSync, existsSync, openSync, readFileSync, readlinkSync, rmSync, statSync, utimesSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StoreError } from './store';

/**
 * A lock of our own on a PGlite data directory. PGlite leaves a `postmaster.pid` with a fake pid (-42) that
 * hangs the next open after a SIGKILL, and cannot tell a live holder from a dead one. Our lock records the real
 * pid: a live holder is refused with a clear sentence; a dead one's lock and PGlite's stale pid file are cleared.
 *
 * A pid means nothing in another PID namespace (a second container mounting the same volume): there, the holder is
 * known by where it runs (host name and PID namespace), and it renews the lock file's time every few seconds. A lock
 * from elsewhere is live while renewed; one not renewed for `STALE_MS` (its process crashed, or its container
 * restarted into a new namespace) is cleared as a dead one's.
 */
export interface LockOwner {
  pid: number;
  role: 'server' | 'cli';
  /** The server's URL, so a refused command can point at `--server`. */
  url?: string;
  startedAt: string;
  /** Where the pid means something: host name and PID namespace (absent in locks written before 2026-12-07). */
  host?: string;
  pidNamespace?: string;
}

const LOCK_FILE = 'rapport.lock';
/** How often a holder renews the lock file's time, and how old a lock from another namespace may be and still hold. */
export const RENEW_MS = 5_000;
export const STALE_MS = 20_000;

/** What to do when a server holds the store, for the command refused: by default, import through that server. */
export type ServedAdvice = (serverUrl: string) => string;
const IMPORT_THROUGH_SERVER: ServedAdvice = (url) => `Stop it first, or send the file to it with --server ${url}.`;

export async function acquireDataLock(dir: string, role: LockOwner['role'], advice = IMPORT_THROUGH_SERVER): Promise<() => void> {
  const file = path.join(dir, LOCK_FILE);
  const owner: LockOwner = { pid: process.pid, role, startedAt: new Date().toISOString(), ...HERE };
  for (let attempt = 0; attempt < 5; attempt++) {
    const held = readOwner(file);
    if (held && isHeld(held, file)) throw busy(dir, held, advice);
    // A lock we cannot read was left by a process killed while writing it, unless it is being written right now.
    const unreadable = !held && existsSync(file) && Date.now() - statSync(file).mtimeMs > 2000;
    if (held || unreadable || !existsSync(file)) {
      rmSync(file, { force: true });
      rmSync(path.join(dir, 'postmaster.pid'), { force: true });
    }
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify(owner));
      closeSync(fd);
      const renew = setInterval(() => {
        if (isOurs(readOwner(file))) utimesSync(file, new Date(), new Date());
      }, RENEW_MS);
      renew.unref();
      return () => {
        clearInterval(renew);
        if (isOurs(readOwner(file))) rmSync(file, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      await sleep(100 * (attempt + 1));
    }
  }
  throw new StoreError(`The store in ${dir} is being opened by another process; try again.`, 'STORE_BUSY');
}

/** Rewrites the lock with the server's URL once it listens. */
export function describeLock(dir: string, url: string): void {
  const file = path.join(dir, LOCK_FILE);
  const held = readOwner(file);
  if (!isOurs(held)) return;
  const fd = openSync(file, 'w');
  writeSync(fd, JSON.stringify({ ...held, url }));
  closeSync(fd);
}

function readOwner(file: string): LockOwner | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockOwner;
  } catch {
    return null;
  }
}

/** This process's host name and PID namespace (Linux: `/proc/self/ns/pid`, e.g. `pid:[4026531836]`), read once. */
const HERE: Pick<LockOwner, 'host' | 'pidNamespace'> = { host: os.hostname(), pidNamespace: pidNamespace() };

function pidNamespace(): string | undefined {
  try {
    return readlinkSync('/proc/self/ns/pid');
  } catch {
    return undefined;
  }
}

/** Whether the lock's pid is one this process can check: same host and PID namespace (or a lock that does not say). */
function sameNamespace(held: LockOwner): boolean {
  if (held.host === undefined && held.pidNamespace === undefined) return true;
  return held.host === HERE.host && held.pidNamespace === HERE.pidNamespace;
}

function isOurs(held: LockOwner | null): boolean {
  return held !== null && held.pid === process.pid && sameNamespace(held);
}

/** Whether another live process holds the lock: by its pid where that can be checked, else by the lock's renewal. */
function isHeld(held: LockOwner, file: string): boolean {
  if (isOurs(held)) return false;
  if (sameNamespace(held)) return isAlive(held.pid);
  try {
    return Date.now() - statSync(file).mtimeMs < STALE_MS;
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function busy(dir: string, held: LockOwner, advice: ServedAdvice): StoreError {
  const where = sameNamespace(held) ? '' : ` in another container or PID namespace${held.host ? ` on host ${held.host}` : ''}`;
  const who = held.role === 'server' ? `a running Rapport server (pid ${held.pid}${where}${held.url ? `, ${held.url}` : ''})` : `another rapport command (pid ${held.pid}${where})`;
  const hint = held.role === 'server' ? ` ${advice(held.url ?? 'http://localhost:4000')}` : ' Wait for it to finish.';
  return new StoreError(`The store in ${dir} is in use by ${who}.${hint}`, 'STORE_BUSY');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
