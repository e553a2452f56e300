import { describe, it, expect } from 'vitest';
import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { cli } from '../helpers/cli.js';
import { tempDirs } from '../helpers/tmp.js';
import { FIXTURE_DIR } from '../fixtures/keyfile/generate.js';
import { ConfigStore } from '../../shared/node/config-store.js';
import { slotOf } from '../../shared/fleet/schedule-slot.js';

const tmp = tempDirs();
const env = { EXPRESS_REPORT_KEYFILE_CA: join(FIXTURE_DIR, 'test-ca.pem') };
const HEADER = 'server_name,device_code,serial,warranty,activation,reply_mail,comment,folder,https.proxy.host';

/** A base config folder (init + one shared setting), a keys/ folder with the sample key file, and the CSV written. */
async function fleet(csv: string | Uint8Array) {
  const dir = await tmp();
  const base = join(dir, 'base');
  expect((await cli(['--config-dir', base, '--state-dir', join(dir, 'state'), 'init'])).code).toBe(0);
  expect((await cli(['--config-dir', base, '--state-dir', join(dir, 'state'), 'config', 'set', 'mail.smtp.host', 'smtp.example.jp'])).code).toBe(0);
  await mkdir(join(dir, 'keys'));
  await copyFile(join(FIXTURE_DIR, 'sample.key'), join(dir, 'keys', 'sample.key'));
  await writeFile(join(dir, 'keys', 'broken.key'), 'not a key file');
  const file = join(dir, 'servers.csv');
  await writeFile(file, csv);
  const out = join(dir, 'out');
  return {
    dir,
    out,
    check: (more: string[] = []) => cli(['fleet', 'check', file, '--base', base, ...more], { env }),
    build: (more: string[] = []) => cli(['fleet', 'build', file, '--base', base, '--out', out, ...more], { env }),
  };
}

const ok = (n: number, serial = `S${String(n).padStart(5, '0')}`) => `SV${n},N8100-2810,${serial},W${n},keycode:01239,r@example.jp,,,`;

describe('fleet check', () => {
  it('locates every mistake by line and column, each with its own code, and exits 1', async () => {
    const lines = [
      HEADER, // 1
      ok(1, 'A001'), // 2: fine
      'SV2,N8100-2810,A001,W2,keycode:01239,r@example.jp,,,', // 3: the serial of line 2 again
      'SV3,N8100-2810,A003,W3,keycode:12,r@example.jp,,,', // 4: a key code of two digits
      'SV4,N8100-2810,A004,W4,keyfile:missing.key,r@example.jp,,,', // 5: no such key file
      'SV5,N8100-2810,A005,W5,keyfile:broken.key,r@example.jp,,,', // 6: not a key file
      'SV6,N8100-2810,A006,W6,keycode:01239,not-mail,,,', // 7: reply address
      'SV7,N8100-2810,A007,W7,keycode:01239,r@example.jp,,,bad host!', // 8: a setting column's value
      'SV8,N8100-2810,A008', // 9: too few fields
      'SV9,N8100-2810,A009,W9,licence:1,r@example.jp,,,', // 10: activation not understood
      'SV10,N8100-2810,A010,W10,keycode:01239,r@example.jp,,../x,', // 11: a folder outside the output
      'sv-1,X-99,A011,W11,keycode:01239,r@example.jp,"quoted, with comma",,', // 12: warnings only
      'OTHER,N8100-2810,00000001,W13,keyfile:sample.key,,,,', // 13: the key file of SERVER001
    ];
    const f = await fleet(`${lines.join('\r\n')}\r\n`);
    const r = await f.check();
    expect(r.code).toBe(1);
    const located = r.out.filter((l) => /^\s+\d+: /.test(l)).map((l) => l.trim().split(' ').slice(0, 3).join(' '));
    expect(located).toEqual([
      '3: serial: ER_3609',
      '4: activation: ER_3003',
      '5: activation: ER_3611',
      '6: activation: ER_3612',
      '7: reply_mail: ER_3007',
      '8: https.proxy.host: ER_3008',
      '9: warranty: ER_3608',
      '10: activation: ER_3610',
      '11: folder: ER_3613',
      '12: device_code: ER_6820',
      '12: server_name: ER_6821',
      '13: server_name: ER_3621',
    ]);
    const status = (line: number) => r.out.find((l) => l.startsWith(String(line).padStart(5)))?.split(/\s+/)[2];
    expect(status(2)).toBe('new');
    expect(status(12)).toBe('warning');
    expect(r.out.at(-1)).toBe('12 row(s) checked: 1 new, 0 replace, 1 warning, 10 error.');
  });

  it('refuses the file as a whole for an unknown, secret, repeated or activation-owned column, and a missing required one', async () => {
    const f = await fleet('server_name,serial,activation,colour,https.proxy.password,serial,activation.state\nSV1,A1,keycode:01239,red,x,A1,active\n');
    const r = await f.check();
    expect(r.code).toBe(1);
    expect(r.err.map((l) => l.split(' ').slice(0, 3).join(' '))).toEqual([
      '1: colour: ER_3604',
      '1: https.proxy.password: ER_3605',
      '1: serial: ER_3606',
      '1: activation.state: ER_3614',
      '1: device_code: ER_3607',
    ]);
  });

  it.each([
    ['UTF-8', (s: string) => Buffer.from(s, 'utf8')],
    ['UTF-8 with a BOM', (s: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')])],
    ['Shift_JIS', (s: string) => iconv.encode(s, 'cp932')],
  ])('reads a CSV in %s with Japanese values', async (_name, encode) => {
    const f = await fleet(encode(`${HEADER}\r\n本社サーバ,N8100-2810,J001,W1,keycode:01239,r@example.jp,経理部の一号機,,\r\n`));
    const r = await f.check();
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^\s+2\s+new\s+J001\s+本社サーバ\s+J001/);
    expect((await f.build()).code).toBe(0);
    const store = await ConfigStore.open(join(f.out, 'J001', 'config'));
    expect(store.config.settings['machine.serverName']).toBe('本社サーバ');
    expect(store.config.settings['machine.comment']).toBe('経理部の一号機');
  });

  it('says so when the file is neither UTF-8 nor Shift_JIS (ER_3600), and writes nothing', async () => {
    const f = await fleet(Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.from([0x82, 0xff, 0x0a])]));
    const r = await f.build();
    expect(r.code).toBe(1);
    expect(r.err[0]).toMatch(/^1: -: ER_3600 /);
    await expect(readdir(f.out)).rejects.toThrow();
  });

  it('names a base it cannot read (ER_3618), the base secrets it leaves behind (ER_6822), and a wrong window (ER_3619)', async () => {
    const f = await fleet(`${HEADER}\n${ok(1)}\n`);
    const missing = await cli(['fleet', 'check', join(f.dir, 'servers.csv'), '--base', join(f.dir, 'nowhere.zip')], { env });
    expect(missing.code).toBe(1);
    expect(missing.err).toEqual([expect.stringMatching(/^ER_3618 The base .*nowhere\.zip cannot be read/)]);

    const d = ['--config-dir', join(f.dir, 'base'), '--state-dir', join(f.dir, 'state')];
    expect((await cli([...d, 'config', 'set', 'https.proxy.password', '--stdin'], { stdin: 'Secret-4711\n' })).code).toBe(0);
    const r = await f.check();
    expect(r.code).toBe(0);
    expect(r.err).toEqual([expect.stringMatching(/ER_6822 \[warning\] .*https\.proxy\.password/)]);
    expect((await f.build()).code).toBe(0);
    expect((await readFile(join(f.out, 'S00001', 'README.txt'), 'utf8')).includes('config set --stdin')).toBe(true);
    const built = (await ConfigStore.open(join(f.out, 'S00001', 'config'))).config.settings;
    expect(built['https.proxy.password']).toBe('');

    const window = await f.check(['--window', '15:00-10:00']);
    expect(window.code).toBe(1);
    expect(window.err[0]).toMatch(/ER_3619/);
  });

  it("takes nothing of an activated base's own identity: a missing warranty column is named as the column", async () => {
    const f = await fleet('server_name,device_code,serial,activation,reply_mail\nNEW1,N8100-2810,N1,keycode:01239,n@example.jp\n');
    const d = ['--config-dir', join(f.dir, 'base'), '--state-dir', join(f.dir, 'state')];
    const activate = ['activate', '--key-code', '01239', '--server-name', 'OLD', '--device-code', 'N8100-2810', '--serial', 'OLD1', '--warranty', '9'];
    expect((await cli([...d, ...activate, '--reply-mail', 'o@example.jp'])).code).toBe(0);
    const r = await cli(['fleet', 'check', join(f.dir, 'servers.csv'), '--base', join(f.dir, 'base')], { env });
    expect(r.code).toBe(1);
    expect(r.out.filter((l) => /^\s+2: /.test(l)).map((l) => l.trim().split(' ').slice(0, 3).join(' '))).toEqual(['2: warranty: ER_3001']);
  });

  it('checks 1,000 rows', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ok(i + 1));
    const f = await fleet(`${HEADER}\n${rows.join('\n')}\n`);
    const r = await f.check();
    expect(r.code).toBe(0);
    expect(r.out.at(-1)).toBe('1000 row(s) checked: 1000 new, 0 replace, 0 warning, 0 error.');
  });
});

describe('fleet build', () => {
  it('writes only the rows without errors, a result CSV of every row, and replaces on a rebuild with the same slots', async () => {
    const f = await fleet(
      [
        HEADER,
        ok(1, 'B001'),
        'SV2,N8100-2810,B002,W2,keycode:1,r@example.jp,,,',
        'SERVER001,N8100-2810,B003,W3,keyfile:sample.key,,,mine,proxy.example.jp',
      ].join('\n'),
    );
    const first = await f.build();
    expect(first.code).toBe(1); // line 3 has an error
    expect((await readdir(f.out)).sort()).toEqual(['B001', 'fleet-result.csv', 'mine']);
    expect((await readdir(join(f.out, 'B001'))).sort()).toEqual(['README.txt', 'config', 'express-report-settings.zip']);

    const b1 = (await ConfigStore.open(join(f.out, 'B001', 'config'))).config;
    expect(b1.settings['activation.state']).toBe('configured');
    expect(b1.settings['activation.method']).toBe('keycode');
    expect(b1.settings['mail.smtp.host']).toBe('smtp.example.jp'); // from the base
    expect(b1.inf.hbi?.schedule).toEqual(slotOf('B001'));
    const mine = (await ConfigStore.open(join(f.out, 'mine', 'config'))).config;
    expect(mine.settings['activation.method']).toBe('keyfile');
    expect(mine.settings['activation.userSystemCode']).not.toBe(''); // the key file's
    expect(mine.settings['https.proxy.host']).toBe('proxy.example.jp'); // the row's column over the base

    const result = await readFile(join(f.out, 'fleet-result.csv'));
    expect([...result.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = result.toString('utf8');
    expect(text).toContain('"2","B001","SV1","B001","new"');
    expect(text).toMatch(/"3","B002","SV2","B002","error","[^"]*","3: activation: ER_3003 /);
    const readme = await readFile(join(f.out, 'B001', 'README.txt'), 'utf8');
    expect(readme).toContain('express-report import express-report-settings.zip');
    expect(readme).toContain('express-report test-notify');
    expect(readme).toContain('express-report activate-notify');

    const again = await f.check(['--out', f.out]);
    expect(again.out.find((l) => l.includes('B001'))).toMatch(/^\s+2\s+replace\s/);
    expect((await f.build()).code).toBe(1);
    expect((await readdir(f.out)).sort()).toEqual(['B001', 'fleet-result.csv', 'mine']);
    expect((await ConfigStore.open(join(f.out, 'B001', 'config'))).config.inf.hbi?.schedule).toEqual(b1.inf.hbi?.schedule);
  });

  it('needs --out', async () => {
    const f = await fleet(`${HEADER}\n${ok(1)}\n`);
    const r = await cli(['fleet', 'build', join(f.dir, 'servers.csv'), '--base', join(f.dir, 'base')], { env });
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/ER_3620/);
  });
});
