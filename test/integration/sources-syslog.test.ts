import { appendFile, rename, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SyslogFileSource } from '../../service/sources/syslog-file.js';
import { type IncomingEvent } from '../../service/sources/event-source.js';
import { type Problem } from '../../shared/messages/problem.js';
import { tempDirs } from '../helpers/tmp.js';

const tmp = tempDirs();
const running: SyslogFileSource[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

async function follow(path: string, rotatedGraceMs?: number) {
  const events: IncomingEvent[] = [];
  const problems: Problem[] = [];
  const source = new SyslogFileSource({ path, onProblem: (p) => problems.push(p), ...(rotatedGraceMs ? { rotatedGraceMs } : {}) });
  running.push(source);
  await source.start((e) => events.push(e));
  return { source, events, problems, codes: () => problems.map((p) => p.code) };
}
const wait = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: 20 });
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');
/** An RFC 3164 time stamp for a local time (whole seconds). */
const bsd = (d: Date) => `${MONTHS[d.getMonth()]} ${String(d.getDate()).padStart(2, ' ')} ${p2(d.getHours())}:${p2(d.getMinutes())}:${p2(d.getSeconds())}`;
const iso = '2025-11-25T14:03:01.250+09:00';

describe('syslog file source', () => {
  it('starts at the end, reads appended lines (RFC 3164, RFC 3339, RFC 5424), and holds a partial line for its newline', async () => {
    const dir = await tmp();
    const path = join(dir, 'syslog');
    await writeFile(path, `${iso} host old[1]: ID=0xC0040006 written before the start\n${iso} host half-writ`);
    const s = await follow(path);
    expect(s.codes()).toEqual(['ER_6402']);
    const t = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    await appendFile(path, `ten line\n${bsd(t)} host1 atapi[812]: EventID=0xC0040006 ディスクの読み取りエラー\n`);
    await appendFile(path, `<27>1 2025-11-25T05:03:02.000Z host1 ESMCommonService 77 - - Fan failure\n${iso} host1 disk: [0x80040033] retr`);
    await wait(() => expect(s.events).toHaveLength(2));
    await appendFile(path, 'ied\n');
    await wait(() => expect(s.events).toHaveLength(3));
    expect(s.events).toEqual([
      { source: 'atapi', id: 0xc0040006, time: t.toISOString(), message: 'EventID=0xC0040006 ディスクの読み取りエラー' },
      { source: 'ESMCommonService', id: 0xc0000000, time: '2025-11-25T05:03:02.000Z', message: 'Fan failure' },
      { source: 'disk', id: 0x80040033, time: '2025-11-25T05:03:01.250Z', message: '[0x80040033] retried' },
    ]);
    // The tail of the line that was half written at the start is not taken for a line.
    expect(s.codes()).toEqual(['ER_6402']);
  });

  it('a writer busy while the source starts does not make it replay the file from its start', async () => {
    const dir = await tmp();
    const path = join(dir, 'syslog');
    await writeFile(path, Array.from({ length: 2000 }, (_, i) => `${iso} host old[1]: ID=0xC0040006 old line ${i}\n`).join(''));
    let n = 0;
    let writing = true;
    const writer = (async () => {
      while (writing) await appendFile(path, `${iso} host new[2]: ID=0xC0040006 new line ${n++}\n`);
    })();
    const s = await follow(path);
    await new Promise((r) => setTimeout(r, 300));
    writing = false;
    await writer;
    await wait(() => expect(s.events.length).toBeGreaterThan(0));
    expect(s.events.filter((e) => e.message.includes('old line'))).toEqual([]);
    expect(s.events.length).toBeLessThanOrEqual(n);
  });

  it('follows a rotation by rename + create, draining what the old file still gets', async () => {
    const dir = await tmp();
    const path = join(dir, 'messages');
    await writeFile(path, '');
    const s = await follow(path);
    await appendFile(path, `${iso} h a: before rotation\n`);
    await wait(() => expect(s.events).toHaveLength(1));
    await rename(path, `${path}.1`);
    await appendFile(`${path}.1`, `${iso} h a: written to the old file after the rename\n`);
    await writeFile(path, `${iso} h b: first line of the new file\n`);
    await wait(() =>
      expect(s.events.map((e) => e.message).sort()).toEqual(['before rotation', 'first line of the new file', 'written to the old file after the rename']),
    );
    expect(s.problems.find((p) => p.code === 'ER_6404')?.message.en).toContain('rename + create');
    // The writer has not reopened yet: the old file, now under another name, is still followed for a while.
    await appendFile(`${path}.1`, `${iso} h a: late line in the old file\n`);
    await wait(() => expect(s.events.at(-1)?.message).toBe('late line in the old file'));
    await appendFile(path, `${iso} h b: second line\n`);
    await wait(() => expect(s.events.at(-1)?.message).toBe('second line'));
    expect(s.events).toHaveLength(5);
  });

  it('follows a copytruncate rotation by reading again from the start', async () => {
    const dir = await tmp();
    const path = join(dir, 'syslog');
    await writeFile(path, `${iso} h a: an old line that makes the file long enough\n`);
    const s = await follow(path);
    await appendFile(path, `${iso} h a: another line before the truncation\n`);
    await wait(() => expect(s.events).toHaveLength(1));
    await truncate(path, 0);
    await appendFile(path, `${iso} h c: short\n`);
    await wait(() => expect(s.events.map((e) => e.message)).toEqual(['another line before the truncation', 'short']));
    expect(s.problems.find((p) => p.code === 'ER_6404')?.message.en).toContain('copytruncate');
  });

  it('picks up a file that does not exist yet, from its start, and skips lines that are not syslog lines', async () => {
    const dir = await tmp();
    const path = join(dir, 'syslog');
    const s = await follow(path);
    expect(s.codes()).toEqual(['ER_6403', 'ER_6402']);
    await writeFile(path, `${iso} h first: hello\nthis is not syslog\n`);
    await wait(() => expect(s.events.map((e) => e.message)).toEqual(['hello']));
    await wait(() => expect(s.codes()).toContain('ER_6401'));
    expect(s.problems.find((p) => p.code === 'ER_6401')?.message.en).toContain('this is not syslog');
  });

  it('a folder that does not exist is reported once, without a crash', async () => {
    const dir = await tmp();
    const s = await follow(join(dir, 'nowhere', 'syslog'));
    expect(s.codes()).toEqual(['ER_1402']);
  });
});
