import { closeSync, existsSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { StoreError } from './store';

/**
 * A lock of our own on a PGlite data directory. PGlite leaves a `postmaster.pid` with a fake pid (-42) that
 * hangs the next open after a SIGKILL, and cannot tell a live holder from a dead one. Our lock records the real
 * pid: a live holder is refused with a clear sentence; a dead one's lock and PGlite's stale pid file are cleared.
 */
export interface LockOwner {
  pid: number;
  role: 'server' | 'cli';
  /** The server's URL, so a refused command can point at `--server`. */
  url?: string;
  startedAt: string;
}

const LOCK_FILE = 'rapport.lock';

/** What to do when a server holds the store, for the command refused: by default, import through that server. */
export type ServedAdvice = (serverUrl: string) => string;
const IMPORT_THROUGH_SERVER: ServedAdvice = (url) => `Stop it first, or send the file to it with --server ${url}.`;

export async function acquireDataLock(dir: string, role: LockOwner['role'], advice = IMPORT_THROUGH_SERVER): Promise<() => void> {
  const file = path.join(dir, LOCK_FILE);
  const owner: LockOwner = { pid: process.pid, role, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 5; attempt++) {
    const held = readOwner(file);
    if (held && held.pid !== process.pid && isAlive(held.pid)) throw busy(dir, held, advice);
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
      return () => {
        if (readOwner(file)?.pid === process.pid) rmSync(file, { force: true });
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
  if (held?.pid !== process.pid) return;
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

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function busy(dir: string, held: LockOwner, advice: ServedAdvice): StoreError {
  const who = held.role === 'server' ? `a running Rapport server (pid ${held.pid}${held.url ? `, ${held.url}` : ''})` : `another rapport command (pid ${held.pid})`;
  const hint = held.role === 'server' ? ` ${advice(held.url ?? 'http://localhost:4000')}` : ' Wait for it to finish.';
  return new StoreError(`The store in ${dir} is in use by ${who}.${hint}`, 'STORE_BUSY');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
