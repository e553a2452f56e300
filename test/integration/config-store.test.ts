import { describe, it, expect } from 'vitest';
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { ConfigStore, SaveRefused } from '../../shared/node/config-store.js';
import { CONFIG_FILES } from '../../shared/config/files.js';
import { isCodedError } from '../../shared/node/coded-error.js';
import { tempDirs } from '../helpers/tmp.js';

const tmp = tempDirs();
const sjisFixture = (name: string) => new URL(`../fixtures/inf/sjis/${name}`, import.meta.url);

async function snapshot(dir: string): Promise<Map<string, string>> {
  const m = new Map<string, string>();
  for (const f of CONFIG_FILES) m.set(f.rel, (await readFile(join(dir, f.rel))).toString('latin1'));
  return m;
}

describe('ConfigStore', () => {
  it('init writes a complete folder that loads without errors', async () => {
    const dir = await tmp();
    const store = await ConfigStore.init(dir);
    expect(store.problems).toEqual([]);
    for (const f of CONFIG_FILES) expect((await readFile(join(dir, f.rel), 'utf8')).length).toBeGreaterThan(0);
    expect(store.config.settings['schedule.retry.intervalMinutes']).toBe(5);
    expect(store.config.inf.adr?.url1).toMatch(/^https:\/\//);
  });

  it('refuses to init over existing settings without force, and keeps a backup with force', async () => {
    const dir = await tmp();
    await ConfigStore.init(dir);
    await writeFile(join(dir, 'routes.ini'), '[Express]\r\nRoute=off\r\n');
    await expect(ConfigStore.init(dir)).rejects.toSatisfy((e) => isCodedError(e, 'ER_1008'));
    await ConfigStore.init(dir, { force: true });
    expect(await readFile(join(dir, 'routes.ini.bak'), 'utf8')).toBe('[Express]\r\nRoute=off\r\n');
  });

  it('an untouched load and save writes nothing and leaves every byte as it was', async () => {
    const dir = await tmp();
    await ConfigStore.init(dir);
    await copyFile(sjisFixture('AMHTPLOG.INF'), join(dir, 'WebReprt/AMHTPLOG.INF'));
    const before = await snapshot(dir);
    const store = await ConfigStore.open(dir);
    expect(await store.save(store.config)).toEqual([]);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('changes only the edited line, keeps a backup of the previous version and reloads the new one', async () => {
    const dir = await tmp();
    await ConfigStore.init(dir);
    const path = join(dir, 'schedule.ini');
    const before = await readFile(path, 'utf8');
    const store = await ConfigStore.open(dir);
    const c = store.config;
    c.settings['schedule.retry.intervalMinutes'] = 10;
    expect(await store.save(c)).toEqual(['schedule.ini']);
    expect(await readFile(path, 'utf8')).toBe(before.replace('IntervalMinutes=5\r\n', 'IntervalMinutes=10\r\n'));
    expect(await readFile(`${path}.bak`, 'utf8')).toBe(before);
    expect((await ConfigStore.open(dir)).config.settings['schedule.retry.intervalMinutes']).toBe(10);
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('writes a Shift_JIS CRLF file back in Shift_JIS with CRLF, changing only the edited line', async () => {
    const dir = await tmp();
    await ConfigStore.init(dir);
    const path = join(dir, 'WebReprt/AMHTPLOG.INF');
    await copyFile(sjisFixture('AMHTPLOG.INF'), path);
    const original = iconv.decode(await readFile(path), 'cp932');
    const store = await ConfigStore.open(dir);
    const c = store.config;
    c.inf.log!.timeoutSeconds = 1200;
    await store.save(c);
    const bytes = await readFile(path);
    const text = iconv.decode(bytes, 'cp932');
    expect(text).toBe(original.replace(/TimeOut=\d+/, 'TimeOut=1200'));
    expect(text).toContain('ログ');
    expect(bytes.includes(Buffer.from('\r\n'))).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('refuses an invalid model, returns located problems and writes nothing', async () => {
    const dir = await tmp();
    await ConfigStore.init(dir);
    const before = await snapshot(dir);
    const store = await ConfigStore.open(dir);
    const c = store.config;
    c.settings['express.route'] = 'mail';
    c.settings['mail.smtp.port'] = 70000;
    const err = await store.save(c).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SaveRefused);
    const problems = (err as SaveRefused).problems.map((p) => [p.file, p.code, p.field]);
    expect(problems).toContainEqual(['routes.ini', 'ER_3009', 'mail.smtp.port']);
    expect(problems).toContainEqual(['routes.ini', 'ER_3001', 'mail.smtp.host']);
    expect((err as SaveRefused).problems.every((p) => (p.line ?? 0) >= 1)).toBe(true);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('never overwrites a file that someone else changed after it was loaded', async () => {
    const dir = await tmp();
    await ConfigStore.init(dir);
    const store = await ConfigStore.open(dir);
    const path = join(dir, 'schedule.ini');
    const theirs = (await readFile(path, 'utf8')).replace('LimitHours=72', 'LimitHours=48');
    await writeFile(path, theirs);
    const c = store.config;
    c.settings['schedule.retry.intervalMinutes'] = 10;
    await expect(store.save(c)).rejects.toSatisfy((e) => isCodedError(e, 'ER_1003'));
    expect(await readFile(path, 'utf8')).toBe(theirs);
  });

  it('notices a file created by someone else where there was none', async () => {
    const dir = await tmp();
    await ConfigStore.init(dir);
    await rm(join(dir, 'schedule.ini'));
    const store = await ConfigStore.open(dir);
    await writeFile(join(dir, 'schedule.ini'), '[Retry]\r\nLimitHours=24\r\n');
    const c = store.config;
    c.settings['schedule.retry.limitHours'] = 12;
    await expect(store.save(c)).rejects.toSatisfy((e) => isCodedError(e, 'ER_1003'));
  });

  it('refuses a value the file\'s encoding cannot hold instead of writing "?"', async () => {
    const dir = await tmp();
    await ConfigStore.init(dir);
    const sjis = iconv.encode('; 開局情報\r\n[Machine]\r\nServerName=\r\n', 'cp932');
    await writeFile(join(dir, 'activation.ini'), sjis);
    const store = await ConfigStore.open(dir);
    const c = store.config;
    c.settings['machine.comment'] = '絵文字😀';
    await expect(store.save(c)).rejects.toSatisfy((e) => isCodedError(e, 'ER_1011'));
    expect(await readFile(join(dir, 'activation.ini'))).toEqual(sjis);
  });

  it('reports a missing config folder with a coded message', async () => {
    const dir = await tmp();
    await expect(ConfigStore.open(join(dir, 'nope'))).rejects.toSatisfy((e) => isCodedError(e, 'ER_1005'));
  });

  it('loads an invalid folder (so it can be shown and fixed) with every problem located', async () => {
    const dir = await tmp();
    await ConfigStore.init(dir);
    await mkdir(join(dir, 'WebReprt'), { recursive: true });
    await writeFile(join(dir, 'routes.ini'), '[Mail]\r\nSmtpPort=abc\r\n[Bogus]\r\nx=1\r\n');
    const store = await ConfigStore.open(dir);
    expect(store.problems.map((p) => [p.file, p.line, p.code])).toEqual([
      ['routes.ini', 2, 'ER_3009'], ['routes.ini', 3, 'ER_4002'],
    ]);
  });
});
