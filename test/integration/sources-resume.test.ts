/**
 * Event sources resume where they stopped (position-store.ts): a syslog file from its saved offset, the journal after
 * its saved cursor. Before the fix every start read from the file's end / `--since now`, so these failed. The
 * catch-up is bounded (catch-up.ts): the last 16 MiB of a file, no line or entry older than the retry limit.
 */
import { appendFile, copyFile, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CATCH_UP_BYTES } from '../../service/sources/catch-up.js';
import { type IncomingEvent } from '../../service/sources/event-source.js';
import { JournalSource, journalArgs } from '../../service/sources/journal.js';
import { positionFile } from '../../service/sources/position-store.js';
import { SyslogFileSource } from '../../service/sources/syslog-file.js';
import { type Problem } from '../../shared/messages/problem.js';
import { tempDirs } from '../helpers/tmp.js';

const tmp = tempDirs();
const running: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});
const wait = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: 20 });
// Logged now: a line older than the retry limit is skipped after a stop.
const line = (n: number, at = new Date()) => `${at.toISOString()} host disk: resume ${n} [0xC0040007]\n`;
const said = (events: IncomingEvent[]) => events.map((e) => /resume (\d+)/.exec(e.message)?.[1]);

async function follow(path: string, positions: string, accept: (e: IncomingEvent) => unknown = () => true, catchUpBytes?: number) {
  const events: IncomingEvent[] = [];
  const problems: Problem[] = [];
  const source = new SyslogFileSource({ path, positions, catchUpBytes, onProblem: (p) => problems.push(p) });
  running.push(source);
  await source.start((e) => {
    events.push(e);
    return accept(e);
  });
  return { source, events, codes: () => problems.map((p) => p.code), problems };
}
const stopped = async (s: { stop(): Promise<void> }) => {
  running.splice(running.indexOf(s), 1);
  await s.stop();
};

describe('syslog file source resumes at its saved position', () => {
  it('reads the lines appended while stopped, once; a first start still begins at the end', async () => {
    const dir = await tmp();
    const path = join(dir, 'syslog');
    const positions = join(dir, 'state', 'sources');
    await writeFile(path, line(0));
    const a = await follow(path, positions);
    await appendFile(path, line(1));
    await wait(() => expect(said(a.events)).toEqual(['1']));
    await stopped(a.source);
    const saved = JSON.parse(await readFile(positionFile(positions, 'syslog', path), 'utf8')) as Record<string, unknown>;
    expect(saved).toMatchObject({ format: 2, path, offset: (await stat(path)).size });
    expect((await stat(positionFile(positions, 'syslog', path))).mode & 0o777).toBe(0o600);
    expect((await stat(positions)).mode & 0o777).toBe(0o700);
    await appendFile(path, line(2) + line(3));
    const b = await follow(path, positions);
    await wait(() => expect(said(b.events)).toEqual(['2', '3']));
    expect(b.codes()).toEqual(['ER_6402']);
  });

  it('reads a file rotated in while stopped from its start (and a corrupt record: from the end, with ER_9210)', async () => {
    const dir = await tmp();
    const path = join(dir, 'syslog');
    const positions = join(dir, 'sources');
    await writeFile(path, '');
    const a = await follow(path, positions);
    await appendFile(path, line(1));
    await wait(() => expect(said(a.events)).toEqual(['1']));
    await stopped(a.source);
    await rename(path, `${path}.1`);
    await writeFile(path, line(2));
    const b = await follow(path, positions);
    await wait(() => expect(said(b.events)).toEqual(['2']));
    expect(b.codes()).toContain('ER_6404');
    await stopped(b.source);
    await writeFile(positionFile(positions, 'syslog', path), '{"format":2,"path":');
    await appendFile(path, line(3));
    const c = await follow(path, positions);
    await appendFile(path, line(4));
    await wait(() => expect(said(c.events)).toEqual(['4']));
    expect(c.codes()[0]).toBe('ER_9210');
  });

  it('keeps no position past a line the service did not accept (read again at the next start)', async () => {
    const dir = await tmp();
    const path = join(dir, 'syslog');
    const positions = join(dir, 'sources');
    await writeFile(path, '');
    const a = await follow(path, positions, (e) => Promise.resolve(!e.message.includes('resume 2')));
    await appendFile(path, line(1));
    await wait(() => expect(said(a.events)).toEqual(['1']));
    await new Promise((r) => setTimeout(r, 1_100)); // past the save throttle
    await appendFile(path, line(2));
    await wait(() => expect(said(a.events)).toEqual(['1', '2']));
    await appendFile(path, line(3));
    await wait(() => expect(said(a.events)).toEqual(['1', '2', '3']));
    await stopped(a.source);
    const b = await follow(path, positions);
    await wait(() => expect(said(b.events)).toEqual(['2', '3']));
  });
});

describe('the catch-up after a long stop is bounded (catch-up.ts)', () => {
  it('a position 20 MiB behind reads from the first line start in the last 16 MiB (ER_9212): every line from there, then new ones', async () => {
    const dir = await tmp();
    const path = join(dir, 'syslog');
    const positions = join(dir, 'sources');
    await writeFile(path, line(0));
    const a = await follow(path, positions);
    await stopped(a.source);
    const saved = (await stat(path)).size;
    // 20 MiB logged while stopped, numbered lines padded to ~2 KB; where each starts is noted.
    const pad = ' '.padEnd(2000, 'x');
    const starts: number[] = [];
    const parts: string[] = [];
    let at = saved;
    for (let n = 1; at - saved < 20 * 1024 * 1024; n++) {
      const l = line(n).replace('\n', `${pad}\n`);
      starts.push(at);
      parts.push(l);
      at += Buffer.byteLength(l);
    }
    await appendFile(path, parts.join(''));
    const first = starts.findIndex((x) => x >= at - CATCH_UP_BYTES); // index n-1 of the first line read
    expect(starts[first]! - saved).toBeGreaterThan(4 * 1024 * 1024 - 2100);
    const b = await follow(path, positions);
    const expected = Array.from({ length: starts.length - first }, (_, i) => String(first + 1 + i));
    await wait(() => expect(said(b.events)).toHaveLength(expected.length));
    expect(said(b.events)).toEqual(expected);
    const bound = b.problems.filter((p) => p.code === 'ER_9212');
    expect(bound).toHaveLength(1);
    expect(bound[0]!.message.en).toContain(`${path} is ${starts[first]! - saved} bytes behind`);
    expect(bound[0]!.message.en).toContain(`reading resumed at byte ${starts[first]!}, the first line start in the last ${CATCH_UP_BYTES} bytes`);
    await appendFile(path, line(starts.length + 1));
    await wait(() => expect(said(b.events).at(-1)).toBe(String(starts.length + 1)));
    await stopped(b.source);
    const kept = JSON.parse(await readFile(positionFile(positions, 'syslog', path), 'utf8')) as Record<string, unknown>;
    expect(kept.offset).toBe((await stat(path)).size);
  });

  it('skips the lines older than the retry limit while catching up, told once with a count (ER_9213); later lines are read', async () => {
    const dir = await tmp();
    const path = join(dir, 'syslog');
    const positions = join(dir, 'sources');
    await writeFile(path, line(0));
    const a = await follow(path, positions);
    await stopped(a.source);
    const old = new Date(Date.now() - 73 * 3_600_000);
    await appendFile(path, line(1, old) + line(2, old) + line(3) + line(4));
    const b = await follow(path, positions);
    await wait(() => expect(said(b.events)).toEqual(['3', '4']));
    const told = b.problems.filter((p) => p.code === 'ER_9213');
    expect(told).toHaveLength(1);
    expect(told[0]!.message.en).toContain(`${path} after a stop, 2 line(s) logged more than the retry limit (72 h) ago were skipped`);
    expect(told[0]!.message.en).toContain(`the newest was logged at ${old.toISOString()}`);
    await appendFile(path, line(5, old)); // the catch-up is over: a line written now is read whatever time it carries
    await wait(() => expect(said(b.events)).toEqual(['3', '4', '5']));
    expect(b.codes().filter((c) => c === 'ER_9213')).toHaveLength(1);
  });

  it('bounds a file rotated in while stopped too; a cut last line without its newline is not taken for a line', async () => {
    const dir = await tmp();
    const path = join(dir, 'syslog');
    const positions = join(dir, 'sources');
    await writeFile(path, '');
    const a = await follow(path, positions);
    await stopped(a.source);
    await rename(path, `${path}.1`);
    await writeFile(path, line(1) + line(2) + line(3));
    const bytes = Buffer.byteLength(line(3)) + 5; // line 2's last 4 bytes and line 3
    const b = await follow(path, positions, undefined, bytes);
    await wait(() => expect(said(b.events)).toEqual(['3']));
    expect(b.codes()).toEqual(expect.arrayContaining(['ER_6404', 'ER_9212']));
    await stopped(b.source);
    await writeFile(path, 'x'.repeat(100)); // one unfinished line, longer than the bound (copytruncate while stopped)
    const c = await follow(path, positions, undefined, 50);
    await appendFile(path, `end of the cut line\n${line(4)}`);
    await wait(() => expect(said(c.events)).toEqual(['4']));
    expect(c.codes()).toEqual(['ER_6404', 'ER_9212', 'ER_6402']);
  });
});

const fake = fileURLToPath(new URL('../fixtures/sources/fake-journalctl.mjs', import.meta.url));
const fixture = fileURLToPath(new URL('../fixtures/sources/journal.jsonl', import.meta.url));

describe('journal source keeps its cursor across service restarts (a fake journalctl)', () => {
  it('builds --after-cursor from a cursor and --since without one', () => {
    expect(journalArgs('s=abc;i=1', 'now')).toEqual(['-f', '-o', 'json', '--all', '-q', '--no-pager', '--after-cursor', 's=abc;i=1']);
    expect(journalArgs(undefined, 'now')).toEqual(['-f', '-o', 'json', '--all', '-q', '--no-pager', '--since', 'now']);
  });

  it('a new source on the same positions continues after the last accepted entry', async () => {
    const dir = await tmp();
    const positions = join(dir, 'sources');
    await copyFile(fixture, join(dir, 'lines-1.jsonl'));
    const run = async () => {
      const events: IncomingEvent[] = [];
      const problems: Problem[] = [];
      const s = new JournalSource({ command: fake, positions, env: { FAKE_JOURNAL_DIR: dir }, onProblem: (p) => problems.push(p) });
      running.push(s);
      await s.start((e) => {
        events.push(e);
        return Promise.resolve(true);
      });
      return { s, events, problems };
    };
    const a = await run();
    await wait(() => expect(a.events).toHaveLength(4));
    await stopped(a.s);
    const last = (await readFile(fixture, 'utf8'))
      .split('\n')
      .map((l) => /"__CURSOR":"([^"]+)"/.exec(l)?.[1])
      .filter(Boolean)
      .pop();
    expect(last).toBeTruthy();
    const saved = JSON.parse(await readFile(positionFile(positions, 'journal', fake), 'utf8')) as Record<string, unknown>;
    expect(saved).toEqual({ format: 2, cursor: last });
    const b = await run();
    const follows = async () =>
      (await readFile(join(dir, 'args.log'), 'utf8'))
        .split('\n')
        .filter((l) => l && !l.includes('"-n"'))
        .map((l) => JSON.parse(l) as string[]);
    await wait(async () => expect(await follows()).toHaveLength(2));
    expect((await follows())[0]).toContain('--since');
    expect((await follows())[1]?.slice(-2)).toEqual(['--after-cursor', last]);
    await stopped(b.s);
  });

  it('a saved entry older than the retry limit resumes --since the limit (ER_9214), a restart before any entry too; a recent one after it', async () => {
    const dir = await tmp();
    const positions = join(dir, 'sources');
    await mkdir(positions, { recursive: true });
    // A real cursor carries its entry's time: t= µs since the epoch, in hex.
    const cursorAt = (ms: number) => `s=0a1b2c;i=2f;b=77aa;m=1f00;t=${(BigInt(ms) * 1000n).toString(16)};x=9e`;
    const save = (cursor: string) => writeFile(positionFile(positions, 'journal', fake), JSON.stringify({ format: 2, cursor }));
    const follows = async () =>
      (await readFile(join(dir, 'args.log'), 'utf8'))
        .split('\n')
        .filter((l) => l && !l.includes('"-n"'))
        .map((l) => JSON.parse(l) as string[]);
    const run = async () => {
      const events: IncomingEvent[] = [];
      const problems: Problem[] = [];
      const s = new JournalSource({
        command: fake,
        positions,
        env: { FAKE_JOURNAL_DIR: dir },
        backoff: { initialMs: 50, maxMs: 50 },
        onProblem: (p) => problems.push(p),
      });
      running.push(s);
      await s.start((e) => {
        events.push(e);
        return true;
      });
      return { s, events, problems };
    };
    const savedAt = Date.now() - 100 * 3_600_000;
    await save(cursorAt(savedAt));
    await writeFile(join(dir, 'exit-1'), '1'); // the first follow run dies before any entry
    await copyFile(fixture, join(dir, 'lines-2.jsonl'));
    const earliest = Math.floor((Date.now() - 72 * 3_600_000) / 1000);
    const a = await run();
    await wait(() => expect(a.events).toHaveLength(4));
    const latest = Math.floor((Date.now() - 72 * 3_600_000) / 1000);
    const [one, two] = await follows();
    const since = Number(one?.at(-1)?.slice(1));
    expect(one?.slice(-2, -1)).toEqual(['--since']);
    expect(since).toBeGreaterThanOrEqual(earliest);
    expect(since).toBeLessThanOrEqual(latest);
    expect(two?.slice(-2)).toEqual(['--since', `@${since}`]);
    expect(one).not.toContain('--after-cursor');
    const told = a.problems.filter((p) => p.code === 'ER_9214');
    expect(told).toHaveLength(1);
    expect(told[0]!.message.en).toContain(`an entry of ${new Date(savedAt).toISOString()}, is older than the retry limit (72 h)`);
    expect(told[0]!.message.en).toContain(`reading resumed at ${new Date(since * 1000).toISOString()}`);
    await stopped(a.s);
    const recent = cursorAt(Date.now() - 60_000);
    await save(recent);
    const b = await run();
    await wait(async () => expect(await follows()).toHaveLength(3));
    expect((await follows())[2]?.slice(-2)).toEqual(['--after-cursor', recent]);
    expect(b.problems.map((p) => p.code)).not.toContain('ER_9214');
    await stopped(b.s);
  });
});
