import { describe, it, expect } from 'vitest';
import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { cli } from '../helpers/cli.js';
import { tempDirs } from '../helpers/tmp.js';
import { loadPrivateKey, openSealed } from '../../shared/node/secrets.js';

const tmp = tempDirs();
const root = fileURLToPath(new URL('../..', import.meta.url));
const mistakes = fileURLToPath(new URL('../fixtures/config-with-mistakes', import.meta.url));

async function folders() {
  const base = await tmp();
  const dirs = ['--config-dir', join(base, 'config'), '--state-dir', join(base, 'state')];
  return { base, config: join(base, 'config'), state: join(base, 'state'), dirs };
}

async function allFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) out.push(join(e.parentPath, e.name));
  return out;
}

describe('express-report init and validate', () => {
  it('init then validate passes with a one-line summary', async () => {
    const f = await folders();
    expect((await cli([...f.dirs, 'init'])).code).toBe(0);
    const v = await cli([...f.dirs, 'validate']);
    expect(v).toMatchObject({ code: 0, err: [] });
    expect(v.out).toHaveLength(1);
    expect(v.out[0]).toMatch(/^The settings are valid \(6 files, \d+ settings, 0 warning\(s\)\)\.$/);
    const ja = await cli([...f.dirs, '--lang', 'ja', 'validate']);
    expect(ja.out[0]).toMatch(/^設定に誤りはありません/);
  });

  it('takes the language from the locale when --lang is not given', async () => {
    const f = await folders();
    await cli([...f.dirs, 'init']);
    expect((await cli([...f.dirs, 'validate'], { env: { LANG: 'ja_JP.UTF-8' } })).out[0]).toMatch(/^設定に誤りはありません/);
  });

  it('refuses to init over an existing folder without --force', async () => {
    const f = await folders();
    await cli([...f.dirs, 'init']);
    const again = await cli([...f.dirs, 'init']);
    expect(again.code).toBe(1);
    expect(again.err[0]).toMatch(/ER_1008/);
  });

  it('gives one located line per mistake in the definition files, and exit 1', async () => {
    const f = await folders();
    await cp(mistakes, f.config, { recursive: true });
    const v = await cli([...f.dirs, 'validate']);
    expect(v.code).toBe(1);
    const at = (file: string, line: number, code: string) => `${join(f.config, 'WebReprt', file)}:${line}: ${code}`;
    expect(v.err.map((l) => l.slice(0, l.indexOf(' ', l.indexOf(': ') + 2)))).toEqual([
      at('AMHTPADR.INF', 1, 'ER_4003'), // no [URL1]
      at('AMHTPADR.INF', 3, 'ER_4005'), // a URL of 501 characters
      at('AMHTPLOG.INF', 11, 'ER_4007'), // EventID without 0x
      at('AMHTPLOG.INF', 17, 'ER_4007'), // EventID with seven digits
      at('AMHTPLOG.INF', 18, 'ER_4011'), // a relative Command
      at('AMHTPLOG.INF', 24, 'ER_4012'), // a Command with arguments
      at('AMHTPLOG.INF', 30, 'ER_4013'), // a Command with a redirection
      at('AMHTPLOG.INF', 33, 'ER_4001'), // [Tool1000]
      at('AMHTPHBI.INF', 11, 'ER_4016'), // ScheduleDay 32 for every month
      at('AMHTPHBI.INF', 12, 'ER_4017'), // ScheduleTime 24:00
    ]);
    expect(v.out).toEqual([]);
  });

  it('inf show prints the parsed file as JSON, and located errors with exit 1', async () => {
    const f = await folders();
    await cli([...f.dirs, 'init']);
    const ok = await cli([...f.dirs, 'inf', 'show', join(f.config, 'WebReprt', 'AMHTPHBI.INF')]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out.join('\n'))).toMatchObject({ kind: 'hbi', model: { schedule: { type: 'every month' } } });
    const week = join(f.base, 'weekly.inf');
    await writeFile(week, '[Schedule]\r\nScheduleType=every week\r\nScheduleDay=7\r\nScheduleTime=03:00\r\n');
    const bad = await cli([...f.dirs, 'inf', 'show', '--kind', 'hbi', week]);
    expect(bad.code).toBe(1);
    expect(bad.err.filter((l) => l.includes('ER_4016'))).toEqual([expect.stringMatching(new RegExp(`^${week}:3: ER_4016 ScheduleDay must be 0 to 6`))]);
    const unknown = await cli([...f.dirs, 'inf', 'show', week]);
    expect(unknown.code).toBe(1);
    expect(unknown.err[0]).toMatch(/ER_3032/);
  });
});

describe('express-report config', () => {
  it('gets and sets values by their public names', async () => {
    const f = await folders();
    await cli([...f.dirs, 'init']);
    expect((await cli([...f.dirs, 'config', 'get', 'schedule.retry.intervalMinutes'])).out).toEqual(['5']);
    const set = await cli([
      ...f.dirs,
      'config',
      'set',
      'mail.smtp.host',
      'smtp.foo.co.jp',
      'mail.smtp.port',
      '587',
      'mail.sender',
      'sousin@foo.co.jp',
      'mail.to',
      'center@example.jp',
    ]);
    expect(set).toMatchObject({ code: 0, err: [] });
    expect((await cli([...f.dirs, 'config', 'set', 'express.route', 'mail'])).code).toBe(0);
    expect((await cli([...f.dirs, 'config', 'get', 'mail.smtp.port'])).out).toEqual(['587']);
    expect((await cli([...f.dirs, 'validate'])).code).toBe(0);
    expect(await readFile(join(f.config, 'routes.ini'), 'utf8')).toContain('SmtpPort=587\r\n');
  });

  it.each([
    ['mail.smtp.port', '70000', 'ER_3009'],
    ['https.proxy.port', 'eighty', 'ER_3009'],
    ['mail.smtp.host', 'bad host!', 'ER_3008'],
    ['manager.host', 'manager_x.example', 'ER_3008'],
    ['activation.keyCode', '123456', 'ER_3003'],
    ['express.route', 'fax', 'ER_3013'],
    ['mail.auth.methods', 'NTLM', 'ER_3024'],
  ])('refuses %s = %s with %s and changes nothing', async (key, value, code) => {
    const f = await folders();
    await cli([...f.dirs, 'init']);
    const before = await readFile(join(f.config, 'routes.ini'));
    const r = await cli([...f.dirs, 'config', 'set', key, value]);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([expect.stringMatching(new RegExp(`^${key.replace(/\./g, '\\.')}: ${code} `))]);
    expect(await readFile(join(f.config, 'routes.ini'))).toEqual(before);
  });

  it('refuses a change that makes other settings required, naming them', async () => {
    const f = await folders();
    await cli([...f.dirs, 'init']);
    const r = await cli([...f.dirs, 'config', 'set', 'express.route', 'mail']);
    expect(r.code).toBe(1);
    expect(r.err.map((l) => l.split(' ').slice(0, 2).join(' '))).toEqual(['mail.smtp.host: ER_3001', 'mail.sender: ER_3001', 'mail.to: ER_3001']);
  });

  it('refuses unknown keys and malformed pairs with coded messages', async () => {
    const f = await folders();
    await cli([...f.dirs, 'init']);
    expect((await cli([...f.dirs, 'config', 'get', 'mail.nope'])).err[0]).toMatch(/^mail\.nope: ER_3021 /);
    expect((await cli([...f.dirs, 'config', 'set', 'mail.sender'])).err[0]).toMatch(/ER_3033/);
    const bad = await cli([...f.dirs, 'config', 'set', 'manager.host', '-x']);
    expect(bad.code).toBe(2);
    expect(bad.err).toEqual([expect.stringMatching(/^ER_3034 The command line is not right: unknown option '-x'/)]);
  });

  it('stores passwords sealed: never in clear in any file of the folders, shown as (set), openable by the service key', async () => {
    const f = await folders();
    await cli([...f.dirs, 'init']);
    const secret = 'Pa55-wörd;秘密';
    expect((await cli([...f.dirs, 'config', 'set', 'mail.auth.password', secret])).code).toBe(0);
    expect((await cli([...f.dirs, 'config', 'set', 'https.proxy.password', '--stdin'], { stdin: `${secret}-proxy\n` })).code).toBe(0);
    for (const file of [...(await allFiles(f.config)), ...(await allFiles(f.state))]) {
      const bytes = await readFile(file);
      expect(bytes.includes(Buffer.from(secret)), file).toBe(false);
      expect(bytes.includes(Buffer.from('Pa55')), file).toBe(false);
    }
    expect((await cli([...f.dirs, 'config', 'get', 'mail.auth.password'])).out).toEqual(['(set)']);
    const list = await cli([...f.dirs, 'config', 'list']);
    expect(list.out).toContain('mail.auth.password=(set)');
    expect(list.out.join('\n')).not.toContain('Pa55');
    expect((await cli([...f.dirs, 'config', 'export'])).out.join('\n')).not.toContain('Pa55');
    const routes = await readFile(join(f.config, 'routes.ini'), 'utf8');
    const sealed = /^Password=(sealed:v1:\S+)\r$/m.exec(routes)![1]!;
    expect(openSealed(sealed, await loadPrivateKey(f.state))).toBe(secret);
    const proxy = /^ProxyPassword=(sealed:v1:\S+)\r$/m.exec(routes)![1]!;
    expect(openSealed(proxy, await loadPrivateKey(f.state))).toBe(`${secret}-proxy`);
  });

  it('a hand-written clear-text password fails validate with a located line', async () => {
    const f = await folders();
    await cli([...f.dirs, 'init']);
    const path = join(f.config, 'routes.ini');
    await writeFile(path, (await readFile(path, 'utf8')).replace('ProxyPassword=\r\n', 'ProxyPassword=plain\r\n'));
    const v = await cli([...f.dirs, 'validate']);
    expect(v.code).toBe(1);
    expect(v.err).toEqual([expect.stringMatching(new RegExp(`^${path}:\\d+: ER_3020 `))]);
  });
});

describe('the package command', () => {
  it('also runs as the bundle a packaged install ships (out/service/cli.mjs)', async () => {
    const { buildService } = await import('../../scripts/build.js');
    await buildService();
    const f = await folders();
    const run = promisify(execFile);
    const env = { ...process.env, LANG: 'C', EXPRESS_REPORT_BUNDLED: '1' };
    await run(process.execPath, [join(root, 'bin/express-report.mjs'), ...f.dirs, 'init'], { env });
    const v = await run(process.execPath, [join(root, 'bin/express-report.mjs'), ...f.dirs, 'validate'], { env });
    expect(v.stdout).toMatch(/^The settings are valid/);
  }, 60_000);

  it('runs through npx after npm ci, with --help on every command', async () => {
    const run = promisify(execFile);
    const top = await run('npx', ['--no-install', 'express-report', '--help'], { cwd: root, env: { ...process.env, LANG: 'C' } });
    expect(top.stdout).toMatch(/Usage: express-report/);
    for (const sub of [['init'], ['validate'], ['inf', 'show'], ['config', 'set']]) {
      const r = await run(process.execPath, [join(root, 'bin/express-report.mjs'), ...sub, '--help'], { env: { ...process.env, LANG: 'C' } });
      expect(r.stdout, sub.join(' ')).toMatch(/Usage: express-report/);
    }
  }, 60_000);
});
