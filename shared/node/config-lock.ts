/**
 * The config folder's write lock: `<config>/.config.lock`, so that a save's "is the file still what I loaded?" check and
 * its writes are one step (issue 10: two `config set` at once both answered "set" and one value was lost).
 *
 * - Taken by exclusive create: the holder's record (pid, host, a random token) is written to a temp file first and then
 *   hard-linked to the lock's name, so the lock never exists half-written and two takers can never both create it.
 * - A lock whose holder is dead (same host, no such pid) is stale and is taken over atomically: only the process that
 *   exclusively creates `<lock>.<digest of the stale record>.takeover` may replace that record, it checks the record is
 *   still the same, and it renames its own record over it (no moment without a lock). A taker that dies mid-takeover
 *   leaves a marker whose own holder is dead, taken over the same way one level down.
 * - A live holder (or one on another host, whose pid cannot be checked) is waited for up to a bounded time (ER_1080).
 * Readers never take the lock: every file is replaced atomically, so a reader sees a whole file either way.
 * The service's own lock (service/common/lock.ts) is separate; imports point service -> shared only.
 */
import { createHash, randomBytes } from 'node:crypto';
import { link, open, readFile, rename, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { codedError, errnoCode, reasonOf } from './coded-error.js';

export const CONFIG_LOCK_NAME = '.config.lock';
/** Long enough for a queue of saves (each holds the lock for one read, check and write of a few small files). */
export const DEFAULT_LOCK_TIMEOUT_MS = 15_000;
/** Nested takeovers before giving up for this attempt (each level needs another taker killed mid-takeover). */
const MAX_DEPTH = 4;

export interface ConfigLockOptions {
  timeoutMs?: number;
  /** @internal Tests pause a taker here: it has judged the lock stale and has not yet claimed the takeover. */
  onStale?: () => void | Promise<void>;
}

export interface ConfigLock {
  readonly path: string;
  release(): Promise<void>;
}

interface Holder {
  pid: number;
  host: string;
  token: string;
}

/**
 * A failed attempt: the holder it saw (undefined when its record cannot be read as one), and `again` when the lock
 * vanished or changed meanwhile, so looking again at once is worth it.
 */
type Attempt = { taken: true } | { taken: false; holder?: Holder | undefined; again?: boolean };
const TAKEN: Attempt = { taken: true };
const AGAIN: Attempt = { taken: false, again: true };

function parseHolder(text: string): Holder | undefined {
  try {
    const h = JSON.parse(text) as Partial<Holder>;
    if (Number.isSafeInteger(h.pid) && h.pid! > 0 && typeof h.host === 'string' && typeof h.token === 'string') return h as Holder;
  } catch {
    // not a record of ours; judged below
  }
  return undefined;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errnoCode(e) === 'EPERM'; // exists, owned by another user (the service runs as root)
  }
}

/**
 * A record we cannot parse was not written by a live taker (ours are complete before they get the name), so it is
 * stale. A holder on another host (a shared folder) cannot be checked: it counts as live, and the wait ends in ER_1080.
 */
function isLive(h: Holder | undefined): boolean {
  return h !== undefined && (h.host !== hostname() || pidAlive(h.pid));
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return undefined;
    throw e;
  }
}

const digest = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

/**
 * Tries to make `path` name our record (the inode of `temp`). `depth` > 0 is a takeover marker.
 * Invariant: a name is only ever replaced by the one process holding its takeover marker, after re-reading it.
 */
async function claim(path: string, temp: string, depth: number, onStale?: () => void | Promise<void>): Promise<Attempt> {
  try {
    await link(temp, path);
    return TAKEN;
  } catch (e) {
    if (errnoCode(e) !== 'EEXIST') throw e;
  }
  const seen = await readText(path);
  if (seen === undefined) return AGAIN; // released just now
  const holder = parseHolder(seen);
  if (isLive(holder)) return { taken: false, holder };
  if (depth >= MAX_DEPTH) return { taken: false, holder };
  await onStale?.();
  const marker = `${path}.${digest(seen)}.takeover`;
  const m = await claim(marker, temp, depth + 1, onStale);
  if (!m.taken) return m;
  // We hold the marker: nobody else may replace `path` now. Replace it only if it is still the record judged stale.
  let moved = false;
  try {
    if ((await readText(path)) !== seen) return AGAIN; // someone else took it over first
    await rename(marker, path); // the marker is our record: it becomes the lock, and the marker is gone in one step
    moved = true;
    return TAKEN;
  } finally {
    if (!moved) await unlink(marker).catch(() => undefined);
  }
}

/** Our record in a fresh temp file next to the lock (exclusive, so never someone else's file). */
async function writeRecord(lockPath: string, record: string): Promise<string> {
  const temp = join(dirname(lockPath), `${basename(lockPath)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  // 0644: every writer (the user's window, root's command line) must be able to read who holds it.
  const fh = await open(temp, 'wx', 0o644);
  try {
    try {
      await fh.chmod(0o644); // exact, whatever the umask
      await fh.writeFile(record);
    } finally {
      await fh.close();
    }
  } catch (e) {
    await unlink(temp).catch(() => undefined); // a full disk must not leave a stray record behind each refused save
    throw e;
  }
  return temp;
}

async function attempt(path: string, record: string, onStale?: () => void | Promise<void>): Promise<Attempt> {
  const temp = await writeRecord(path, record);
  try {
    return await claim(path, temp, 0, onStale);
  } finally {
    await unlink(temp).catch(() => undefined); // our record keeps its lock name; only the temp name goes
  }
}

/**
 * Takes the config folder's write lock, waiting (bounded) for a live holder. Throws ER_1080 when the wait runs out,
 * ER_1002 when the lock cannot be created at all (a read-only folder, a full disk).
 */
export async function acquireConfigLock(dir: string, opts: ConfigLockOptions = {}): Promise<ConfigLock> {
  const path = join(dir, CONFIG_LOCK_NAME);
  const token = randomBytes(12).toString('hex');
  const record = `${JSON.stringify({ pid: process.pid, host: hostname(), token })}\n`;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
  const start = performance.now(); // monotonic: a clock step neither ends nor stretches the wait
  let pause = 5;
  for (;;) {
    let r: Attempt;
    try {
      r = await attempt(path, record, opts.onStale);
    } catch (e) {
      throw codedError('ER_1002', { path, reason: reasonOf(e) }, {}, e);
    }
    if (r.taken) return { path, release: () => release(path, record) };
    if (performance.now() - start >= timeoutMs) {
      throw codedError('ER_1080', { path: dir, pid: r.holder?.pid ?? '?', host: r.holder?.host ?? '?', seconds: Math.round(timeoutMs / 1000), lock: path });
    }
    if (r.again) continue;
    await sleep(pause + Math.random() * pause); // jitter, so waiters do not retry in step
    pause = Math.min(pause * 2, 100);
  }
}

/** Removes the lock if it is still ours (it is: only a taker that judged us dead could replace it). */
async function release(path: string, record: string): Promise<void> {
  if ((await readText(path).catch(() => undefined)) === record) await unlink(path).catch(() => undefined);
}

/** Runs `fn` holding the config folder's write lock; the lock is released however `fn` ends. */
export async function withConfigLock<T>(dir: string, fn: () => Promise<T>, opts: ConfigLockOptions = {}): Promise<T> {
  const lock = await acquireConfigLock(dir, opts);
  try {
    return await fn();
  } finally {
    await lock.release();
  }
}
