/**
 * Event sources resume where they stopped (position-store.ts): a syslog file from its saved offset, the journal after
 * its saved cursor. Before the fix every start read from the file's end / `--since now`, so these failed.
 */
import { appendFile, copyFile, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
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
const line = (n: number) => `2025-11-25T14:03:01.250+09:00 host disk: resume ${n} [0xC0040007]\n`;
const said = (events: IncomingEvent[]) => events.map((e) => /resume (\d+)/.exec(e.message)?.[1]);

async function follow(path: string, positions: string, accept: (e: IncomingEvent) => unknown = () => true) {
  const events: IncomingEvent[] = [];
  const problems: Problem[] = [];
  const source = new SyslogFileSource({ path, positions, onProblem: (p) => problems.push(p) });
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
});
