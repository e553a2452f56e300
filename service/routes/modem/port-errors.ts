/**
 * Why a serial port would not open, from the port library's error (its binding reports strerror() text, not an errno
 * code) or from a UUCP lock file. A missing port or a refused permission is a setting to fix (no retry); a port in use
 * (remote access dialling out on the shared port, another program holding the lock) is worth another try later.
 */
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { problem, type Problem } from '../../../shared/messages/problem.js';
import { reasonOf } from '../../../shared/node/coded-error.js';

export type PortFailure = { problem: Problem; retry: boolean };

export function openFailure(port: string, e: unknown, platform: NodeJS.Platform = process.platform): PortFailure {
  const reason = reasonOf(e);
  // Windows says "Access denied" for a COM port that another process has open.
  if (
    /Resource temporarily unavailable|Cannot lock port|Device or resource busy|\bEBUSY\b|\bEAGAIN\b/i.test(reason) ||
    (platform === 'win32' && /Access (is )?denied/i.test(reason))
  ) {
    return { problem: problem('ER_2256', { port, reason }, { field: 'dialup.serial.port' }), retry: true };
  }
  if (/No such file|ENOENT|cannot find the file|File not found/i.test(reason)) {
    return { problem: problem('ER_2254', { port, reason }, { field: 'dialup.serial.port' }), retry: false };
  }
  if (/Permission denied|EACCES|EPERM/i.test(reason)) {
    return { problem: problem('ER_2255', { port, reason }, { field: 'dialup.serial.port' }), retry: false };
  }
  return { problem: problem('ER_2257', { port, reason }, { field: 'dialup.serial.port' }), retry: true };
}

/** Where pppd, minicom and friends put `LCK..<device>` on Linux and the BSDs. */
export const UUCP_LOCK_DIRS: readonly string[] = process.platform === 'win32' ? [] : ['/var/lock', '/run/lock'];

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // it exists, it is just not ours
  }
};

/**
 * A live UUCP lock on the port (`LCK..ttyS0` holding the owner's pid, as ten ASCII digits or a binary int): the port
 * is busy even though the flock we take would succeed (those programs do not flock). A stale lock is ignored.
 */
export async function uucpLock(port: string, dirs: readonly string[] = UUCP_LOCK_DIRS): Promise<PortFailure | undefined> {
  for (const dir of dirs) {
    const file = join(dir, `LCK..${basename(port)}`);
    const bytes = await readFile(file).catch(() => undefined);
    if (!bytes) continue;
    const text = bytes.toString('latin1').trim();
    const pid = /^\d+$/.test(text) ? Number(text) : bytes.length === 4 ? bytes.readInt32LE(0) : NaN;
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
      return { problem: problem('ER_2256', { port, reason: `${file} (pid ${pid})` }, { field: 'dialup.serial.port' }), retry: true };
    }
  }
  return undefined;
}
