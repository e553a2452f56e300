/**
 * Ending a command together with everything it started. On POSIX each command is spawned `detached`, i.e. as the
 * leader of its own process group, so `kill(-pgid)` reaches its children and grandchildren (not a process that left
 * the group on purpose with setsid, such as a daemon). On Windows, `taskkill /PID <pid> /T /F` ends the tree.
 */
import { spawn } from 'node:child_process';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Whether any process of the group is still there (zombies included: they are gone as soon as they are reaped). */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

/**
 * SIGTERM to the group, up to `graceMs` for it to go, then SIGKILL. Checked every 50 ms during the grace only: this
 * runs after a timeout, never while the service is idle.
 */
export async function killTree(pid: number, graceMs: number, platform: NodeJS.Platform = process.platform): Promise<void> {
  if (platform === 'win32') {
    await new Promise<void>((done) => {
      const tk = spawn('taskkill', ['/PID', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
      tk.on('error', () => done());
      tk.on('exit', () => done());
    });
    return;
  }
  signalGroup(pid, 'SIGTERM');
  for (let waited = 0; waited < graceMs && groupAlive(pid); waited += 50) await sleep(50);
  signalGroup(pid, 'SIGKILL');
}
