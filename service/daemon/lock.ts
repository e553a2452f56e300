/**
 * One service per state folder: `<state>/service.lock` holds the owner's pid, created exclusively. A lock left by a
 * process that no longer exists (kill -9, power loss) is taken over; a live owner makes the second start refuse.
 */
import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { codedError, errnoCode } from '../../shared/node/coded-error.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errnoCode(e) === 'EPERM';
  }
}

export interface Lock {
  release(): Promise<void>;
}

export async function acquireLock(stateDir: string): Promise<Lock> {
  const path = join(stateDir, 'service.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fh = await open(path, 'wx', 0o600);
      await fh.writeFile(`${process.pid}\n`);
      await fh.sync();
      await fh.close();
      return { release: () => rm(path, { force: true }) };
    } catch (e) {
      if (errnoCode(e) !== 'EEXIST') throw e;
      const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw codedError('ER_1030', { path: stateDir, pid });
      await rm(path, { force: true }); // stale: its owner is gone
    }
  }
  throw codedError('ER_1030', { path: stateDir, pid: '?' });
}
