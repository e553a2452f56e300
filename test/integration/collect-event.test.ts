/**
 * From an event to the zip the routes send: AMHTPLOG.INF read by the codec, the matching commands run for real
 * (fixture scripts), the trust rule applied, and attachmentFor zipping report.logs (checked with python3 zipfile).
 */
import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IniDocument } from '../../shared/ini/document.js';
import { decodeLog, type LogModel } from '../../shared/inf/log.js';
import { type Report } from '../../shared/report/model.js';
import { attachmentFor, collectForEvent, collectTools, type CollectResult } from '../../service/collect/collect.js';
import { archiveName } from '../../service/collect/walk.js';
import { tempDirs } from '../helpers/tmp.js';
import { bytesOf, installScript, unzipped } from '../helpers/collect.js';

const tmp = tempDirs();

interface Setup {
  base: string;
  inf: string;
  /** Working folder of the write-log.sh tool; its logs land in `${work}/out`. */
  work: string;
  script: string;
}

/** A config folder with AMHTPLOG.INF (root-owned, 0644) and write-log.sh installed in a work folder. */
async function setup(lines: (s: Omit<Setup, 'inf'>) => string[]): Promise<Setup & { model: LogModel }> {
  const base = await tmp();
  const work = join(base, 'work');
  await mkdir(work);
  const script = await installScript('write-log.sh', work);
  const inf = join(base, 'AMHTPLOG.INF');
  const text = lines({ base, work, script }).join('\r\n') + '\r\n';
  await writeFile(inf, text, { mode: 0o644 });
  const r = decodeLog(IniDocument.parse(text), inf);
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return { base, inf, work, script, model: r.model };
}

const report = (r: CollectResult): Report => ({
  id: '3f1c2b9a-0d6e-4c1b-9a55-7c0e2f4d8b11',
  kind: 'failure',
  createdAt: '2025-01-01T00:00:00.000Z',
  count: 1,
  machine: { serverName: 'S', deviceCode: 'D', serialNumber: '1', userSystemCode: 'U' },
  event: { source: 'disk', id: 0xc0040006, time: '2025-01-01T00:00:00.000Z', message: 'm' },
  ...(r.logs ? { logs: r.logs } : {}),
});

/** The attachment of the report, extracted; its entry names. */
async function attachment(r: CollectResult, into: string): Promise<string[]> {
  const make = attachmentFor(report(r));
  if (!make) throw new Error('no attachment');
  return unzipped(await bytesOf(make()), into);
}

const codes = (r: CollectResult) => r.notes.map((n) => n.code);

const tool = (s: Omit<Setup, 'inf'>, n: string, source: string, ids: string) => [
  `[Tool${n}]`,
  `SourceName01=${source}`,
  `EventID01=${ids}`,
  `Command="${s.script}"`,
  `LogFile="${join(s.work, 'out')}"`,
  `Directory="${s.work}"`,
];

describe('collectForEvent + attachmentFor', () => {
  it('[NoneTrouble] * still lets a [ToolYYY] event collect: the command runs and its log is in the zip, byte for byte', async () => {
    const s = await setup((x) => [
      '[Configuration]',
      'TimeOut=60',
      'MaxSize=0',
      '[NoneTrouble]',
      'SourceName01=*',
      'EventID01=*',
      ...tool(x, '001', 'disk', '0xc0040006'),
    ]);
    const r = await collectForEvent({ source: 'Disk', id: 0xc0040006 }, s.model, { definitionFile: s.inf });
    expect(codes(r)).toEqual(['ER_6300', 'ER_6303']);
    expect(r.notes[0]!.message.en).toBe('Collecting logs for event Disk 0xc0040006 with [Tool001].');
    expect(r.logs).toMatchObject({ paths: [join(s.work, 'out')], maxBytes: 700 * 1024 * 1024 });

    const x = join(s.base, 'x');
    const out = archiveName(join(s.work, 'out'));
    expect(await attachment(r, x)).toEqual([`${out}/collected.log`, `${out}/sub/ログ.txt`, '_collection.txt']);
    for (const name of ['collected.log', join('sub', 'ログ.txt')]) {
      expect(await readFile(join(x, out, name))).toEqual(await readFile(join(s.work, 'out', name)));
    }
    const manifest = await readFile(join(x, '_collection.txt'), 'utf8');
    expect(manifest).toContain('report 3f1c2b9a-0d6e-4c1b-9a55-7c0e2f4d8b11 (failure)');
    expect(manifest).toContain('ER_6303');
  });

  it('[NoneTrouble] * and no [ToolYYY] for the event: nothing runs, no attachment', async () => {
    const s = await setup((x) => [
      '[DefaultTools]',
      `Command="${x.script}"`,
      `LogFile="${x.work}"`,
      `Directory="${x.work}"`,
      '[NoneTrouble]',
      'SourceName01=*',
      'EventID01=*',
    ]);
    const r = await collectForEvent({ source: 'atapi', id: 1 }, s.model, { definitionFile: s.inf });
    expect(r).toEqual({ logs: undefined, notes: [expect.objectContaining({ code: 'ER_6301' })] });
    expect(attachmentFor(report(r))).toBeUndefined();
    await expect(readFile(join(s.work, 'out', 'collected.log'))).rejects.toThrow(/ENOENT/);
  });

  it('no [DefaultTools] command: an event no [ToolYYY] names collects nothing', async () => {
    const s = await setup((x) => ['[DefaultTools]', 'Command=""', `LogFile="${x.work}"`, 'Directory=""', ...tool(x, '001', 'disk', '*')]);
    const r = await collectForEvent({ source: 'atapi', id: 1 }, s.model, { definitionFile: s.inf });
    expect(r.logs).toBeUndefined();
    expect(codes(r)).toEqual(['ER_6302']);
  });

  it('[DefaultTools] collects for the events no [ToolYYY] names', async () => {
    const s = await setup((x) => [
      '[DefaultTools]',
      `Command="${x.script}"`,
      `LogFile="${join(x.work, 'out')}"`,
      `Directory="${x.work}"`,
      ...tool(x, '001', 'disk', '0x00000001'),
    ]);
    const r = await collectForEvent({ source: 'atapi', id: 7 }, s.model, { definitionFile: s.inf });
    expect(codes(r)).toEqual(['ER_6300', 'ER_6303']);
    expect(r.notes[0]!.message.en).toContain('with [DefaultTools]');
    expect(r.logs?.paths).toEqual([join(s.work, 'out')]);
  });

  it('MaxSize in the file caps the zip', async () => {
    const s = await setup((x) => ['[Configuration]', 'MaxSize=100', ...tool(x, '001', 'disk', '*')]);
    const big = join(s.work, 'out', 'big');
    await mkdir(big, { recursive: true });
    for (let i = 0; i < 4; i++) await writeFile(join(big, `${i}.bin`), randomBytes(30_000));
    const r = await collectForEvent({ source: 'disk', id: 1 }, s.model, { definitionFile: s.inf });
    expect(r.logs?.maxBytes).toBe(100 * 1024);
    const make = attachmentFor(report(r))!;
    const zip = await bytesOf(make());
    expect(zip.length).toBeLessThanOrEqual(100 * 1024);
    const names = await unzipped(zip, join(s.base, 'x'));
    expect(names).toContain('_truncated.txt');
    expect(names.filter((n) => n.endsWith('.bin')).length).toBe(1);
    // A fresh stream per call (a retry, the second destination): the same archive contents again.
    expect(await unzipped(await bytesOf(make()), join(s.base, 'y'))).toEqual(names);
  });

  it('a world-writable definition file: no command runs and nothing it names is attached, the zip says why', async () => {
    const s = await setup((x) => tool(x, '001', 'disk', '*'));
    await mkdir(join(s.work, 'out'));
    await writeFile(join(s.work, 'out', 'old.log'), 'existing');
    await chmod(s.inf, 0o666);
    const r = await collectForEvent({ source: 'disk', id: 1 }, s.model, { definitionFile: s.inf });
    expect(codes(r)).toEqual(['ER_6300', 'ER_4300']);
    expect(r.notes[1]!.message.en).toBe(
      `The definition file ${s.inf} cannot be trusted: ${s.inf} is writable by its group or by others (mode 0666). No log command runs and no log is attached. Make root the owner of the file and its folders, and remove the group and others' write permission.`,
    );
    expect(r.logs?.paths).toEqual([]);
    await expect(readFile(join(s.work, 'out', 'collected.log'))).rejects.toThrow(/ENOENT/);
    const x = join(s.base, 'x');
    expect(await attachment(r, x)).toEqual(['_collection.txt']);
    expect(await readFile(join(x, '_collection.txt'), 'utf8')).toContain('ER_4300');
  });

  it('a command owned by another user is not run; the logs already there are still attached', async () => {
    const s = await setup((x) => tool(x, '001', 'disk', '*'));
    await mkdir(join(s.work, 'out'));
    await writeFile(join(s.work, 'out', 'old.log'), 'existing');
    await chown(s.script, 65534, 65534);
    const r = await collectForEvent({ source: 'disk', id: 1 }, s.model, { definitionFile: s.inf });
    expect(codes(r)).toEqual(['ER_6300', 'ER_4301']);
    expect(r.notes[1]!.message.en).toContain(`${s.script} is owned by uid 65534, not root`);
    await expect(readFile(join(s.work, 'out', 'collected.log'))).rejects.toThrow(/ENOENT/);
    const out = archiveName(join(s.work, 'out'));
    expect(await attachment(r, join(s.base, 'x'))).toEqual([`${out}/old.log`, '_collection.txt']);
  });

  it('a Command that is missing, or whose Directory does not exist, is noted; LogFile is still taken', async () => {
    const s = await setup((x) => [
      '[Tool001]',
      'SourceName01=disk',
      'EventID01=*',
      `Command="${join(x.work, 'none.sh')}"`,
      `LogFile="${x.work}"`,
      `Directory="${x.work}"`,
      '[Tool002]',
      'SourceName01=disk',
      'EventID01=*',
      `Command="${x.script}"`,
      `Directory="${join(x.work, 'gone')}"`,
    ]);
    const r = await collectForEvent({ source: 'disk', id: 1 }, s.model, { definitionFile: s.inf });
    expect(codes(r)).toEqual(['ER_6300', 'ER_1300', 'ER_4304']);
    expect(r.logs?.paths).toEqual([s.work]);
  });
});

describe('collectTools (AMHTPHBI.INF [Tools])', () => {
  it('runs the command and takes its LogFile', async () => {
    const s = await setup(() => []);
    const r = await collectTools(
      { command: s.script, logFile: join(s.work, 'out'), directory: s.work },
      { timeoutSeconds: 600, maxSizeKB: 0 },
      { definitionFile: s.inf },
    );
    expect(codes(r)).toEqual(['ER_6303']);
    expect(r.logs?.paths).toEqual([join(s.work, 'out')]);
  });

  it('an empty Command runs nothing but still takes LogFile; nothing at all gives no attachment', async () => {
    const s = await setup(() => []);
    const r = await collectTools({ command: '', logFile: s.work, directory: '' }, { timeoutSeconds: 600, maxSizeKB: 0 }, { definitionFile: s.inf });
    expect(r).toMatchObject({ logs: { paths: [s.work] }, notes: [] });
    expect(await collectTools({ command: '', logFile: '', directory: '' }, { timeoutSeconds: 600, maxSizeKB: 0 }, { definitionFile: s.inf })).toEqual({
      logs: undefined,
      notes: [],
    });
  });
});
