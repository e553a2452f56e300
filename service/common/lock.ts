/**
 * One service per state folder, with exactly one winner even when several start at once on a lock left by a dead
 * process (kill -9, power loss).
 *
 * `<state>/service.lock` is a folder holding one claim file named `<pid>.<random>`. A contender prepares its own folder
 * (claim inside) under a unique name and renames it to `service.lock`. rename(2) replaces a missing or EMPTY folder
 * atomically and fails on one that still holds a claim, so exactly one contender's rename lands while a claim is absent.
 * A stale owner is removed by deleting ITS claim file by name; the name is unique to that owner's one acquisition, so
 * this can never delete a newer claim, however late a slow contender gets to it (the old check-then-rm-then-create let
 * every contender that had seen the dead pid remove the winner's fresh lock and create its own). There is no second
 * guard file to go stale: a kill -9 at any step leaves either nothing, a prepared folder under its unique name (removed
 * by a later start once its pid is gone), an empty `service.lock` (replaced by the next rename), or a claim naming a
 * dead pid (taken over as above).
 *
 * A plain `service.lock` FILE holding a pid is what older versions wrote; a dead one is unlinked, which cannot remove
 * the folder a winner may have put there meanwhile (unlink refuses folders).
 */
import { lstat, mkdir, readdir, readFile, rename, rm, rmdir, unlink, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { codedError, errnoCode, isCodedError, reasonOf } from '../../shared/node/coded-error.js';

export interface Lock {
  release(): Promise<void>;
}

const LOCK = 'service.lock';
const PREPARED = `${LOCK}.new-`;
/** A claim's file name: the owner's pid and a random part unique to one acquisition. */
const CLAIM = /^(\d+)\.[0-9a-f]{16}$/;
/** Claims this process holds (a same-pid claim not among them is a previous life's, e.g. pid 1 in a container). */
const held = new Set<string>();
/** Each failed rename either finds a live owner or removed something stale; this only bounds a pathological churn. */
const ATTEMPTS = 20;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errnoCode(e) === 'EPERM'; // exists, owned by another user
  }
}

/** Whether the claim `name` (in service.lock/) still has a living owner. */
function claimLives(name: string): { pid: number } | undefined {
  const m = CLAIM.exec(name);
  if (!m) return undefined;
  const pid = Number(m[1]);
  if (pid === process.pid) return held.has(name) ? { pid } : undefined;
  return alive(pid) ? { pid } : undefined;
}

const ignore =
  (...codes: string[]) =>
  (e: unknown): void => {
    if (!codes.includes(errnoCode(e) ?? '')) throw e;
  };

/** Prepared folders of processes that died before their rename: they can never be renamed any more. */
async function removeDeadPrepared(stateDir: string): Promise<void> {
  for (const n of await readdir(stateDir).catch(() => [] as string[])) {
    if (!n.startsWith(PREPARED)) continue;
    const m = CLAIM.exec(n.slice(PREPARED.length));
    if (m && Number(m[1]) !== process.pid && !alive(Number(m[1]))) await rm(join(stateDir, n), { recursive: true, force: true });
  }
}

/**
 * Looks at what holds `service.lock` after a rename failed: a live owner's pid (refuse), 'cleared' once whatever was
 * stale has been removed (try the rename again), or 'absent' when nothing is there (the rename failed for another reason).
 */
async function inspect(path: string): Promise<number | 'cleared' | 'absent'> {
  const st = await lstat(path).catch(ignore('ENOENT'));
  if (!st) return 'absent';
  if (!st.isDirectory()) {
    // An older version's pid file (or junk): its owner, or unlink it. unlink never removes a folder a winner put there.
    const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) return pid;
    await unlink(path).catch(ignore('ENOENT', 'EISDIR', 'EPERM', 'EACCES'));
    return 'cleared';
  }
  const names = await readdir(path).catch(ignore('ENOENT', 'ENOTDIR'));
  for (const n of names ?? []) {
    const owner = claimLives(n);
    if (owner) return owner.pid;
    // A dead owner's claim (or junk): removing it by its own name can only ever remove that one.
    await rm(join(path, n), { recursive: true, force: true });
  }
  // Empty now: rename replaces an empty folder on POSIX; Windows refuses, so remove it (rmdir refuses a filled one).
  await rmdir(path).catch(ignore('ENOENT', 'ENOTEMPTY', 'EEXIST', 'EBUSY', 'EPERM', 'EACCES', 'ENOTDIR'));
  return 'cleared';
}

export async function acquireLock(stateDir: string): Promise<Lock> {
  const path = join(stateDir, LOCK);
  const claim = `${process.pid}.${randomBytes(8).toString('hex')}`;
  const prepared = join(stateDir, PREPARED + claim);
  await removeDeadPrepared(stateDir);
  // A full or read-only state disk fails here: a coded message naming the lock, not a raw errno.
  const cannotWrite = (e: unknown): never => {
    throw isCodedError(e) ? e : codedError('ER_1002', { path, reason: reasonOf(e) }, {}, e);
  };
  await mkdir(prepared, { mode: 0o700 }).catch(cannotWrite);
  held.add(claim); // before the rename: once it lands, this process's own inspect must see the claim as live
  try {
    await writeFile(join(prepared, claim), `${process.pid}\n`, { mode: 0o600 }).catch(cannotWrite);
    let failure: unknown;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        await rename(prepared, path);
        return {
          release: async () => {
            held.delete(claim);
            await rm(join(path, claim), { force: true });
            await rmdir(path).catch(() => undefined); // refused if another claim is already in (never ours to remove)
          },
        };
      } catch (e) {
        if (!['EEXIST', 'ENOTEMPTY', 'ENOTDIR', 'EISDIR', 'EPERM', 'EACCES', 'EBUSY'].includes(errnoCode(e) ?? '')) cannotWrite(e);
        failure = e;
      }
      const found = await inspect(path);
      if (typeof found === 'number') throw codedError('ER_1030', { path: stateDir, pid: found });
      if (found === 'cleared') failure = undefined;
    }
    // Still no rename after that many rounds: a lock that keeps changing hands, or (nothing there) the folder refuses it.
    if (failure !== undefined) cannotWrite(failure);
    throw codedError('ER_1030', { path: stateDir, pid: '?' });
  } catch (e) {
    held.delete(claim);
    await rm(prepared, { recursive: true, force: true });
    throw e;
  }
}
