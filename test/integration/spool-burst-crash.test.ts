/**
 * Group commit keeps the acknowledgement's promise (issue 16): kill -9 during a burst of accepts, three times over the
 * same spool; after each, every report acknowledged before the kill is there and whole, nothing is set aside as corrupt.
 */
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Spool } from '../../service/spool/spool.js';
import { tempDirs } from '../helpers/tmp.js';

const tmp = tempDirs();
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = fileURLToPath(new URL('./spool-burst-crash-child.ts', import.meta.url));

/** Runs the child until it has acknowledged `atLeast` reports, then kill -9; returns the ids it acknowledged. */
async function burstThenKill(stateDir: string, atLeast: number): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, stateDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const acked: string[] = [];
  let buf = '';
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  await new Promise<void>((resolve, reject) => {
    child.on('exit', () => reject(new Error(`the child ended by itself: ${stderr}`)));
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
        acked.push((JSON.parse(buf.slice(0, i)) as { accepted: string }).accepted);
        buf = buf.slice(i + 1);
      }
      if (acked.length >= atLeast) {
        child.kill('SIGKILL'); // mid-burst: more reports are on their way to the disk
        resolve();
      }
    });
  });
  await exited;
  return acked;
}

describe('group commit survives kill -9', () => {
  it('every report acknowledged before a kill is in the spool after it', async () => {
    const stateDir = await tmp();
    const all: string[] = [];
    for (const atLeast of [120, 60, 200]) {
      all.push(...(await burstThenKill(stateDir, atLeast)));
      const spool = await Spool.open(stateDir, { bootId: null });
      const missing = all.filter((id) => spool.get(id)?.folder !== 'pending');
      expect(missing).toEqual([]);
      expect(spool.counts().pending).toBeGreaterThanOrEqual(all.length); // unacknowledged ones may be there too
    }
    expect(await readdir(join(stateDir, 'spool', 'corrupt'))).toEqual([]);
  }, 60_000);
});
