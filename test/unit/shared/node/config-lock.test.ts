import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setImmediate as turn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { acquireConfigLock, CONFIG_LOCK_NAME, withConfigLock } from '../../../../shared/node/config-lock.js';
import { isCodedError } from '../../../../shared/node/coded-error.js';
import { tempDirs } from '../../../helpers/tmp.js';

const tmp = tempDirs();
const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
const CHILD = fileURLToPath(new URL('./config-lock-child.ts', import.meta.url));

/** The pid of a process that has exited (so no process has it, until the system reuses it much later). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '']);
  return r.pid!;
}

const record = (pid: number, host = hostname(), token = 'someone-else'): string => `${JSON.stringify({ pid, host, token })}\n`;

/** Runs `n` takers at once; each holds the lock over a few event-loop turns. Returns the most that were inside at once. */
async function contend(dir: string, n: number): Promise<number> {
  let inside = 0;
  let most = 0;
  await Promise.all(
    Array.from({ length: n }, () =>
      withConfigLock(
        dir,
        async () => {
          inside++;
          most = Math.max(most, inside);
          for (let i = 0; i < 3; i++) await turn();
          inside--;
        },
        { timeoutMs: 60_000 },
      ),
    ),
  );
  return most;
}

describe('the config folder write lock', () => {
  it('is a file holding the pid while held, and leaves nothing behind when released', async () => {
    const dir = await tmp();
    const lock = await acquireConfigLock(dir);
    expect(JSON.parse(await readFile(join(dir, CONFIG_LOCK_NAME), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    expect((await stat(join(dir, CONFIG_LOCK_NAME))).mode & 0o777).toBe(0o644);
    await lock.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('lets one holder in at a time', async () => {
    const dir = await tmp();
    expect(await contend(dir, 20)).toBe(1);
    expect(await readdir(dir)).toEqual([]);
  });

  it('waits for a live holder and then takes it', async () => {
    const dir = await tmp();
    const order: string[] = [];
    const first = await acquireConfigLock(dir);
    const second = acquireConfigLock(dir).then((l) => {
      order.push('second taken');
      return l;
    });
    for (let i = 0; i < 20; i++) await turn();
    order.push('first released');
    await first.release();
    await (await second).release();
    expect(order).toEqual(['first released', 'second taken']);
  });

  it('gives up with ER_1080 naming the holder when a live holder keeps it, and leaves its lock alone', async () => {
    const dir = await tmp();
    const path = join(dir, CONFIG_LOCK_NAME);
    await writeFile(path, record(process.pid)); // a live pid (ours) with another token: someone else's lock
    const err = await acquireConfigLock(dir, { timeoutMs: 50 }).catch((e: unknown) => e);
    expect(isCodedError(err, 'ER_1080')).toBe(true);
    expect((err as { problem: { message: { en: string } } }).problem.message.en).toContain(`pid ${process.pid}`);
    expect(await readFile(path, 'utf8')).toBe(record(process.pid));
    expect(await readdir(dir)).toEqual([CONFIG_LOCK_NAME]);
  });

  it('counts a holder on another host as live (its pid cannot be checked from here)', async () => {
    const dir = await tmp();
    await writeFile(join(dir, CONFIG_LOCK_NAME), record(deadPid(), 'another-host.example'));
    await expect(acquireConfigLock(dir, { timeoutMs: 50 })).rejects.toSatisfy((e) => isCodedError(e, 'ER_1080'));
  });

  it('takes over the lock of a dead process, and of an unreadable record', async () => {
    for (const stale of [record(deadPid()), '', 'garbage\n']) {
      const dir = await tmp();
      await writeFile(join(dir, CONFIG_LOCK_NAME), stale);
      const lock = await acquireConfigLock(dir, { timeoutMs: 5_000 });
      expect(JSON.parse(await readFile(join(dir, CONFIG_LOCK_NAME), 'utf8'))).toMatchObject({ pid: process.pid });
      await lock.release();
      expect(await readdir(dir)).toEqual([]);
    }
  });

  it('one taker at a time when many take over the same stale lock at once', async () => {
    const dir = await tmp();
    await writeFile(join(dir, CONFIG_LOCK_NAME), record(deadPid()));
    expect(await contend(dir, 20)).toBe(1);
    expect(await readdir(dir)).toEqual([]);
  });

  it("a taker that judged the lock stale and was overtaken does not take the new holder's lock", async () => {
    const dir = await tmp();
    await writeFile(join(dir, CONFIG_LOCK_NAME), record(deadPid()));
    let reached!: () => void;
    let resume!: () => void;
    const atStale = new Promise<void>((r) => (reached = r));
    const resumed = new Promise<void>((r) => (resume = r));
    // A judges the dead holder's lock stale, then is paused (as a process losing the CPU would be).
    const a = acquireConfigLock(dir, {
      timeoutMs: 300,
      onStale: async () => {
        reached();
        await resumed;
      },
    });
    await atStale;
    const b = await acquireConfigLock(dir, { timeoutMs: 5_000 }); // B takes the stale lock over meanwhile
    resume();
    // B holds the lock until A gives up: A must never get it (a remove-then-create takeover would hand it to both).
    const outcome = await a.then(
      async (l) => {
        await l.release();
        return 'taken';
      },
      (e: unknown) => (isCodedError(e) ? e.code : e),
    );
    expect(outcome).toBe('ER_1080');
    expect(JSON.parse(await readFile(join(dir, CONFIG_LOCK_NAME), 'utf8'))).toMatchObject({ pid: process.pid });
    await b.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('takes over from a taker that died in the middle of a takeover', async () => {
    const dir = await tmp();
    const stale = record(deadPid(), hostname(), 'stale');
    await writeFile(join(dir, CONFIG_LOCK_NAME), stale);
    const digest = createHash('sha256').update(stale).digest('hex').slice(0, 16);
    await writeFile(join(dir, `${CONFIG_LOCK_NAME}.${digest}.takeover`), record(deadPid(), hostname(), 'dead taker'));
    const lock = await acquireConfigLock(dir, { timeoutMs: 5_000 });
    await lock.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('separate processes started at once on a stale lock take it one after the other', async () => {
    const dir = await tmp();
    const log = join(dir, 'log');
    await writeFile(join(dir, CONFIG_LOCK_NAME), record(deadPid()));
    await writeFile(log, '');
    const children = Array.from({ length: 6 }, () =>
      spawn(process.execPath, ['--import', 'tsx', CHILD, dir, log], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] }),
    );
    // Every child is loaded and waiting before any starts: they take over at the same moment.
    await Promise.all(children.map((c) => new Promise<void>((resolve) => c.stdout.once('data', () => resolve()))));
    const exits = children.map((c) => new Promise<number | null>((resolve) => c.on('exit', resolve)));
    for (const c of children) c.stdin.end('go\n');
    expect(await Promise.all(exits)).toEqual(children.map(() => 0));
    const lines = (await readFile(log, 'utf8')).trim().split('\n');
    const pairs = Array.from({ length: lines.length / 2 }, (_, i) => [lines[2 * i], lines[2 * i + 1]]);
    expect(pairs.every(([a, b]) => a!.startsWith('in ') && b === a!.replace('in ', 'out '))).toBe(true);
    expect(new Set(pairs.map(([a]) => a)).size).toBe(children.length);
    expect((await readdir(dir)).sort()).toEqual(['log']);
  }, 60_000);
});
