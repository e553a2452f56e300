/**
 * One service per state folder, even when several start at the same instant on a lock left by a dead process (kill -9,
 * or the plain pid file of an older version): exactly one takes it over, every other one is refused with ER_1030.
 * Real processes, released together by a barrier file, many rounds.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock } from '../../service/common/lock.js';
import { until } from '../helpers/service-process.js';
import { tempDirs } from '../helpers/tmp.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = fileURLToPath(new URL('./service-lock-child.ts', import.meta.url));
const CONTENDERS = 8;
const ROUNDS = 20;

const tmp = tempDirs();
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

function child(args: string[]): ChildProcess {
  const c = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(c);
  return c;
}

/** A process that took the lock and was then killed with SIGKILL: its lock names a pid that no longer runs. */
async function killedHolder(stateDir: string): Promise<number> {
  const c = child([stateDir, 'hold']);
  let out = '';
  let err = '';
  c.stdout!.on('data', (b: Buffer) => {
    out += b.toString();
  });
  c.stderr!.on('data', (b: Buffer) => {
    err += b.toString();
  });
  await until(
    () => out.includes('held') || c.exitCode !== null,
    30_000,
    'the holder to take the lock',
    () => err,
  );
  expect(out).toContain('held');
  const exited = new Promise((r) => c.once('exit', r));
  c.kill('SIGKILL');
  await exited;
  return c.pid!;
}

describe('the service lock', () => {
  it(`has exactly one winner when ${CONTENDERS} processes take over a dead owner's lock at the same instant (${ROUNDS} rounds)`, async () => {
    const base = await tmp();
    const state = join(base, 'state');
    const barrier = join(base, 'barrier');
    await mkdir(state);
    await mkdir(barrier);
    const contenders = Array.from({ length: CONTENDERS }, (_, i) => {
      const c = child([state, barrier, `c${i}`, String(ROUNDS)]);
      let err = '';
      c.stderr!.on('data', (b: Buffer) => {
        err += b.toString();
      });
      return { c, err: () => err };
    });
    const errors = () => contenders.map((x) => x.err()).join('');
    const winners: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      await rm(state, { recursive: true, force: true });
      await mkdir(state);
      // Even rounds: what a service killed with -9 leaves; odd rounds: a plain pid file (an older version's lock).
      const dead = await killedHolder(state);
      if (r % 2 === 1) {
        await rm(join(state, 'service.lock'), { recursive: true, force: true });
        await writeFile(join(state, 'service.lock'), `${dead}\n`);
      }
      expect(() => process.kill(dead, 0)).toThrow();
      await until(
        async () => (await readdir(barrier)).filter((n) => n.startsWith(`ready-${r}-`)).length === CONTENDERS,
        60_000,
        `round ${r}'s contenders`,
        errors,
      );
      await writeFile(join(barrier, `go-${r}`), '');
      await until(
        async () => (await readdir(barrier)).filter((n) => n.startsWith(`result-${r}-`)).length === CONTENDERS,
        30_000,
        `round ${r}'s results`,
        errors,
      );
      const results = await Promise.all(contenders.map((_, i) => readFile(join(barrier, `result-${r}-c${i}`), 'utf8')));
      winners.push(results.filter((x) => x === 'won').length);
      expect(
        results.filter((x) => x !== 'won').every((x) => x === 'ER_1030'),
        `round ${r}: ${results.join(' ')}`,
      ).toBe(true);
    }
    expect(winners).toEqual(Array(ROUNDS).fill(1));
  }, 300_000);

  it('refuses a second start while the owner lives, and is free again once released', async () => {
    const state = await tmp();
    const first = await acquireLock(state);
    await expect(acquireLock(state)).rejects.toMatchObject({ code: 'ER_1030' });
    await first.release();
    expect(existsSync(join(state, 'service.lock'))).toBe(false);
    const again = await acquireLock(state);
    await again.release();
  });

  it('what a start or a stop killed half-way leaves does not block the next start', async () => {
    const state = await tmp();
    const c = spawn(process.execPath, ['-e', '']);
    await new Promise((r) => c.once('exit', r));
    const dead = c.pid!;
    // A start killed before its rename (its prepared folder) and a stop killed between its two steps (an empty lock).
    const prepared = join(state, `service.lock.new-${dead}.0123456789abcdef`);
    await mkdir(prepared);
    await writeFile(join(prepared, `${dead}.0123456789abcdef`), `${dead}\n`);
    await mkdir(join(state, 'service.lock'));
    const lock = await acquireLock(state);
    expect(await readdir(state)).toEqual(['service.lock']);
    await lock.release();
    expect(await readdir(state)).toEqual([]);
  });
});
