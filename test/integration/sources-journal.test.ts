import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JournalSource, probeJournal } from '../../service/sources/journal.js';
import { type IncomingEvent } from '../../service/sources/event-source.js';
import { type Problem } from '../../shared/messages/problem.js';
import { tempDirs } from '../helpers/tmp.js';

const fake = fileURLToPath(new URL('../fixtures/sources/fake-journalctl.mjs', import.meta.url));
const fixture = fileURLToPath(new URL('../fixtures/sources/journal.jsonl', import.meta.url));
const tmp = tempDirs();
const running: JournalSource[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

function journal(dir: string | undefined, command = fake) {
  const events: IncomingEvent[] = [];
  const problems: Problem[] = [];
  const source = new JournalSource({
    command,
    onProblem: (p) => problems.push(p),
    backoff: { initialMs: 10, maxMs: 50 },
    ...(dir ? { env: { FAKE_JOURNAL_DIR: dir } } : {}),
  });
  running.push(source);
  return { source, events, problems, start: () => source.start((e) => events.push(e)) };
}
const calls = async (dir: string): Promise<string[][]> =>
  (await readFile(join(dir, 'args.log'), 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as string[]);
const wait = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: 20 });

describe('systemd journal source (a fake journalctl)', () => {
  it('turns journalctl -o json lines into events and skips a malformed line with one warning', async () => {
    const dir = await tmp();
    await copyFile(fixture, join(dir, 'lines-1.jsonl'));
    const j = journal(dir);
    await j.start();
    await wait(() => expect(j.events).toHaveLength(4));
    expect(j.events[0]).toEqual({
      source: 'atapi',
      id: 0xc0040006,
      time: '2024-11-25T05:03:20.123Z',
      message: 'EventID=0xC0040006 The device, \\Device\\Ide\\iaStor0, did not respond',
    });
    expect(j.events[1]).toEqual({ source: 'disk', id: 0x80000000, time: '2024-11-25T05:03:21.000Z', message: 'ディスクの読み取りエラー (ata2.00)' });
    expect(j.events.map((e) => [e.source, e.id])).toEqual([
      ['atapi', 0xc0040006],
      ['disk', 0x80000000],
      ['ESMCommonService', 0xc0000451],
      ['systemd', 0x40000000],
    ]);
    await wait(() => expect(j.problems.map((p) => p.code)).toContain('ER_6401'));
    expect(j.problems.map((p) => p.code)).toEqual(['ER_6402', 'ER_6401']);
    const follow = (await calls(dir)).filter((a) => !a.includes('-n'));
    expect(follow).toEqual([['-f', '-o', 'json', '--all', '-q', '--no-pager', '--since', 'now']]);
  });

  it('restarts a reader that dies, logs why, and continues after the last entry delivered', async () => {
    const dir = await tmp();
    const all = (await readFile(fixture, 'utf8')).split('\n').filter(Boolean);
    await writeFile(join(dir, 'lines-1.jsonl'), `${all.slice(0, 2).join('\n')}\n`);
    await writeFile(join(dir, 'exit-1'), '3');
    await writeFile(join(dir, 'exit-2'), '4');
    await writeFile(join(dir, 'lines-3.jsonl'), `${all.slice(2, 4).join('\n')}\n`);
    const j = journal(dir);
    await j.start();
    await wait(() => expect(j.events).toHaveLength(4));
    const follow = (await calls(dir)).filter((a) => !a.includes('-n'));
    expect(follow).toHaveLength(3);
    // Run 2 printed nothing: run 3 still continues after the last entry of run 1.
    expect(follow[1]!.slice(-2)).toEqual(['--after-cursor', 's=1;i=2']);
    expect(follow[2]!.slice(-2)).toEqual(['--after-cursor', 's=1;i=2']);
    const restarts = j.problems.filter((p) => p.code === 'ER_1400');
    expect(restarts.map((p) => p.message.en)).toEqual([expect.stringContaining('(exit code 3)'), expect.stringContaining('(exit code 4)')]);
    expect(restarts[0]!.message.ja).toContain('再起動します');
  });

  it('stays idle with one information line when no journal can be read', async () => {
    const dir = await tmp();
    await writeFile(join(dir, 'probe'), 'fail');
    const j = journal(dir);
    await j.start();
    expect(j.problems.map((p) => p.code)).toEqual(['ER_6400']);
    expect(j.problems[0]!.message.en).toContain('Permission denied');
    expect(await calls(dir)).toHaveLength(1); // the probe only: no reader, no restart loop
  });

  it('an empty journal and a missing journalctl are told the same way', async () => {
    const dir = await tmp();
    await writeFile(join(dir, 'probe'), 'empty');
    const empty = journal(dir);
    await empty.start();
    expect(empty.problems.map((p) => p.code)).toEqual(['ER_6400']);
    const missing = journal(undefined, join(dir, 'no-such-journalctl'));
    await missing.start();
    expect(missing.problems.map((p) => p.code)).toEqual(['ER_6400']);
    expect(missing.problems[0]!.message.en).toContain('not found');
  });
});

describe('systemd journal source (the real journalctl)', () => {
  it('delivers an entry written with logger', async ({ skip }) => {
    const unreadable = await probeJournal('journalctl');
    if (unreadable !== undefined) return skip(`no readable systemd journal on this machine: ${unreadable}`);
    const j = journal(undefined, 'journalctl');
    await j.start();
    const token = `er-test-${process.pid}-${Date.now()}`;
    await new Promise<void>((resolve, reject) =>
      execFile('logger', ['-p', 'user.err', '-t', 'er-sources-test', `ID=0xC0040006 ${token}`], (e) => (e ? reject(e) : resolve())),
    );
    await wait(() => expect(j.events.find((e) => e.message.includes(token))).toMatchObject({ source: 'er-sources-test', id: 0xc0040006 }));
  });
});
