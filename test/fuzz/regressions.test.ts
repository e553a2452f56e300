/** The defects fuzzing found, each a fixed counterexample that failed on the code before its fix. */
import { describe, expect, it } from 'vitest';
import { decodeConfig } from '../../shared/config/codec.js';
import { decodeSettingsFile, encodeSettingsFile } from '../../shared/settings/codec.js';
import { defaultSettings, type Settings } from '../../shared/settings/schema.js';
import { IniDocument } from '../../shared/ini/document.js';
import { decodeInf } from '../../shared/inf/files.js';
import { readFleetCsv } from '../../shared/node/fleet/csv.js';
import { readZip } from '../../shared/node/transfer/zip.js';
import { answerStep } from '../../service/routes/frame/ack-reader.js';
import { FrameDecoder, encodeFrame } from '../../service/routes/frame/codec.js';
import { zipOf } from './targets/export-zip.js';
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ConfigStore, MAX_CONFIG_FILE_BYTES } from '../../shared/node/config-store.js';
import { ROOT } from './corpus.js';
import { LIMITS, readBackup } from '../../shared/node/backup/archive.js';
import { backup } from '../../shared/node/backup/backup.js';
import { restore } from '../../shared/node/backup/restore.js';
import { copyFormat1Folders } from '../helpers/format-1-folders.js';
import { MailRoute } from '../../service/routes/mail/route.js';
import { popBeforeSmtp } from '../../service/routes/mail/pop.js';
import { startScriptedServer, type Act } from '../helpers/peers/scripted-mail-server.js';
import { mailConfig } from '../helpers/peers/smtp-server.js';
import { routeContext, sampleReport } from '../helpers/peers/https-config.js';

describe('defects found by fuzzing', () => {
  it('frame: bytes that are no frame after an ACK in the same chunk no longer take the ACK away (the refusal comes next)', () => {
    const d = new FrameDecoder({ accept: ['ack', 'nak'], maxPayload: 0 });
    const chunk = Buffer.concat([encodeFrame({ type: 'ack', id: 'r-1' }), Buffer.from('\r\n')]);
    expect(d.push(chunk)).toEqual([{ type: 'ack', id: 'r-1' }]);
    expect(() => d.push(Buffer.alloc(0))).toThrow(/ER_2250/);
  });

  it('modem answer: a line starting like the frame magic ("ERROR") before the ACK is the modem\'s, and the ACK is still read', () => {
    const step = answerStep(new FrameDecoder({ maxPayload: 0, accept: ['ack', 'nak'] }));
    let received = Buffer.concat([Buffer.from('ERROR\r\n'), encodeFrame({ type: 'ack', id: 'r-1' })]);
    const got: unknown[] = [];
    for (let f = step(received); f; f = received.length > 0 ? step(received) : undefined) {
      got.push(f.value);
      received = received.subarray(f.used);
    }
    expect(got).toEqual([{ modem: 'ERROR' }, { frame: { type: 'ack', id: 'r-1' } }]);
  });

  it('fleet CSV: a quote error after quoted CRLFs is placed on the line its field starts, not below the end of the file', () => {
    const csv = readFleetCsv(Buffer.from('a\r\n"\r\n\r\n"=\r\n'), 'f.csv');
    expect(csv.problems.map((p) => [p.code, p.line])).toEqual([['ER_3601', 2]]);
    expect(csv.problems[0]!.message.en).not.toMatch(/at line/);
    const blank = readFleetCsv(Buffer.from(`h\n${'\r\n'.repeat(32)}x,"a\n", "\r\n"b"\n`), 'g.csv');
    expect(blank.problems.map((p) => [p.code, p.line])).toEqual([['ER_3601', 35]]); // the field ` "` on line 35
  });

  it('export zip: an entry whose declared size lies is refused (ER_3510), not read forever', async () => {
    for (const lie of [0, 100]) {
      const bytes = await zipOf([{ name: 'WebReprt/AMHTPADR.INF', data: Buffer.from('[URL1]\r\nURL=x\r\n') }], lie);
      await expect(readZip(bytes, 'lie.zip')).rejects.toThrow(/ER_3510 .*AMHTPADR\.INF: .*declares/);
    }
  }, 20_000);

  it('export zip: a central directory offset outside the file is ER_3510, not a RangeError out of yauzl', async () => {
    const zip = await zipOf([{ name: 'WebReprt/AMHTPADR.INF', data: Buffer.from('[URL1]\r\n') }]);
    const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    zip.writeUInt32LE(zip.length + 1000, eocd + 16);
    await expect(readZip(zip, 'damaged.zip')).rejects.toThrow(/^ER_3510 damaged\.zip/);
  });

  it("activation.ini: option devices written back read the same, whatever their sections' order or number (00 too)", () => {
    for (const text of ['[OptionDevice02]\r\nName=A\r\n[OptionDevice01]\r\nName=B\r\n', '[OptionDevice01]\r\nName=A\r\n[OptionDevice00]\r\nName=Z\r\n']) {
      let doc = IniDocument.parse(text);
      const seen: string[] = [];
      for (let i = 0; i < 3; i++) {
        const d = decodeSettingsFile('activation.ini', doc, 'activation.ini');
        seen.push(d.optionDevices.map((o) => o.name).join(','));
        doc = encodeSettingsFile('activation.ini', { ...defaultSettings(), ...d.values } as Settings, d.optionDevices, doc);
      }
      expect(new Set(seen).size, seen.join(' | ')).toBe(1);
    }
  });

  it('definition files: 200,000 bad lines are 200,000 located problems, not a RangeError out of the decoder', () => {
    const text = 'not an entry\r\n'.repeat(200_000);
    const d = decodeInf('log', IniDocument.parse(text), 'WebReprt/AMHTPLOG.INF');
    expect(d.problems.length).toBeGreaterThanOrEqual(200_000);
    expect(d.problems[199_999]).toMatchObject({ code: 'ER_4018', file: 'WebReprt/AMHTPLOG.INF', line: 200_000 });
    const c = decodeConfig({
      'WebReprt/AMHTPLOG.INF': IniDocument.parse(text),
      'WebReprt/AMHTPADR.INF': IniDocument.parse('[URL1]\r\nURL=https://a.example/x.cgi\r\n'),
    });
    expect(c.problems.filter((p) => p.code === 'ER_4018')).toHaveLength(200_000);
  });
});

describe('defects found by fuzzing the config folder as a whole (ConfigStore.open)', () => {
  const folder = async (): Promise<string> => {
    const { cp, mkdtemp } = await import('node:fs/promises');
    const dir = join(await mkdtemp(join(tmpdir(), 'express-report-regress-config-')), 'config');
    await cp(join(ROOT, 'test/fixtures/config-format-1'), dir, { recursive: true });
    return dir;
  };
  const utf16 = (s: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);

  it('a FIFO in place of schedule.ini is refused (ER_9050) instead of waited on for ever', async () => {
    const dir = await folder();
    await rm(join(dir, 'schedule.ini'));
    execFileSync('mkfifo', [join(dir, 'schedule.ini')]);
    await expect(ConfigStore.open(dir)).rejects.toThrow(/^ER_9050 .*schedule\.ini is not a regular file/);
    await rm(dirname(dir), { recursive: true, force: true });
  });

  it('a config file over 16 MiB is refused (ER_9051) before it is read', async () => {
    const dir = await folder();
    await truncate(join(dir, 'WebReprt/AMHTPHBI.INF'), MAX_CONFIG_FILE_BYTES + 1);
    await expect(ConfigStore.open(dir)).rejects.toThrow(/^ER_9051 .*AMHTPHBI\.INF is 16777217 bytes/);
    await rm(dirname(dir), { recursive: true, force: true });
  });

  it('a UTF-16 file is its own located error (ER_4031 at line 1), the other files still load, and a save never overwrites it', async () => {
    const dir = await folder();
    const routes = (await ConfigStore.open(dir)).config.settings;
    const log = utf16('[Tool001]\r\nSourceName01=disk\r\n');
    await writeFile(join(dir, 'WebReprt/AMHTPLOG.INF'), log);
    const store = await ConfigStore.open(dir);
    expect(store.problems.map((p) => [p.code, p.file, p.line])).toEqual([['ER_4031', 'WebReprt/AMHTPLOG.INF', 1]]);
    expect(store.config.settings).toEqual(routes);
    expect(store.config.inf.adr).toBeDefined();
    const activation = utf16('[Customer]\r\nName=x\r\n');
    await writeFile(join(dir, 'activation.ini'), activation);
    const next = (await ConfigStore.open(dir)).config;
    await expect((await ConfigStore.open(dir)).save(next)).rejects.toMatchObject({ problems: [{ code: 'ER_4031', file: 'activation.ini' }] });
    expect(await readFile(join(dir, 'activation.ini'))).toEqual(activation);
    await rm(dirname(dir), { recursive: true, force: true });
  });
});

describe('defects found by fuzzing backup archives (shared/node/backup)', () => {
  /** A backup of the format-1 folders with `zeros` files of `mb` MiB of zeros each in the state folder. */
  const withZeros = async (zeros: number, mb: number) => {
    const { mkdtemp } = await import('node:fs/promises');
    const base = await mkdtemp(join(tmpdir(), 'express-report-regress-backup-'));
    const dirs = { configDir: join(base, 'config'), stateDir: join(base, 'state') };
    await copyFormat1Folders(dirs);
    for (let i = 0; i < zeros; i++) await writeFile(join(dirs.stateDir, `zeros-${i}.bin`), Buffer.alloc(mb * 1024 * 1024));
    const made = await backup(dirs, { version: '0.0.0-regress', out: join(base, 'b.zip') });
    return { base, dirs, file: made.path, size: made.size };
  };

  it('entries each under their limit but too many bytes together are refused (ER_8122 unpacked) before they are inflated', async () => {
    const b = await withZeros(3, 4);
    const was = LIMITS.unpackedBytes;
    LIMITS.unpackedBytes = 8 * 1024 * 1024; // the real 1 GiB works the same, only slower to make
    try {
      await expect(readBackup(await readFile(b.file), b.file)).rejects.toThrow(/ER_8122 .* over a limit: unpacked \d+ \(limit 8388608\)/);
    } finally {
      LIMITS.unpackedBytes = was;
      await rm(b.base, { recursive: true, force: true });
    }
  });

  it('an archive with a state/backups folder is refused (ER_8123), not restored until the kept backups collide with it (ENOTEMPTY)', async () => {
    const b = await withZeros(0, 0);
    const { manifest, entries } = await readBackup(await readFile(b.file), b.file);
    manifest.dirs.push({ name: 'state/backups/x.zip', mode: 0o700 });
    const data = Buffer.from(`${JSON.stringify(manifest)}\n`);
    await writeFile(b.file, await zipOf([...[...entries].map(([name, d]) => ({ name, data: d })), { name: 'manifest.json', data }]));
    await mkdir(join(b.dirs.stateDir, 'backups'));
    await writeFile(join(b.dirs.stateDir, 'backups', 'kept.zip'), 'kept');
    const free = () => Promise.resolve(Number.MAX_SAFE_INTEGER);
    await expect(restore(b.dirs, b.file, { free })).rejects.toThrow(/^ER_8123 .*: state\/backups\/x\.zip /);
    expect(await readFile(join(b.dirs.stateDir, 'backups', 'kept.zip'), 'utf8')).toBe('kept');
    expect((await readdir(b.base)).sort()).toEqual(['b.zip', 'config', 'state']);
    await rm(b.base, { recursive: true, force: true });
  });

  it('a folder named twice in the manifest (config/WebReprt/ beside config/WebReprt) is refused (ER_8123), not given the other mode', async () => {
    const b = await withZeros(0, 0);
    const { manifest, entries } = await readBackup(await readFile(b.file), b.file);
    manifest.dirs.unshift({ name: 'config/WebReprt/', mode: 0o500 }); // chmod'd last (deepest first, in reverse)
    const data = Buffer.from(`${JSON.stringify(manifest)}\n`);
    await writeFile(b.file, await zipOf([...[...entries].map(([name, d]) => ({ name, data: d })), { name: 'manifest.json', data }]));
    const free = () => Promise.resolve(Number.MAX_SAFE_INTEGER);
    await expect(restore(b.dirs, b.file, { free })).rejects.toThrow(/^ER_8123 .*: config\/WebReprt\/ /);
    await rm(b.base, { recursive: true, force: true });
  });

  it('restore checks the free space against what it unpacks (ER_9052), not the compressed archive', async () => {
    const b = await withZeros(1, 20);
    expect(b.size).toBeLessThan(1024 * 1024);
    const free = () => Promise.resolve(4 * 1024 * 1024); // twice the archive is free, twice its 20 MiB of zeros is not
    await expect(restore(b.dirs, b.file, { free })).rejects.toThrow(/^ER_9052 .*twice the \d+ bytes the backup holds unpacked/);
    expect(await readFile(join(b.dirs.stateDir, 'zeros-0.bin'))).toHaveLength(20 * 1024 * 1024); // not restored over
    await rm(b.base, { recursive: true, force: true });
  });
});

describe("defects found by fuzzing the mail servers' replies (smtp-reply, pop3-reply)", () => {
  const POSTFIX: Record<string, string> = {
    greeting: '220 mx.example.jp ESMTP Postfix\r\n',
    mail: '250 2.1.0 Ok\r\n',
    rcpt: '250 2.1.5 Ok\r\n',
    data: '354 End data with <CR><LF>.<CR><LF>\r\n',
    dot: '250 2.0.0 Ok: queued as 4Z8J2k0x1Yz\r\n',
    quit: '221 2.0.0 Bye\r\n',
  };

  it('SMTP: a reply too many (an EHLO line without its hyphen) makes DATA meet the RCPT reply: the message is not sent (it was sent, taken, and reported failed, so sent again)', async () => {
    const server = await startScriptedServer();
    try {
      // "250AUTH" ends the EHLO reply early, so "250 8BITMIME" answers MAIL FROM and every later reply the command after.
      const ehlo = '250-mx.example.jp\r\n250-SIZE 10240000\r\n250AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n';
      const seen = server.play({ protocol: 'smtp', usual: (step) => (step === 'ehlo' ? ehlo : (POSTFIX[step] ?? '502 5.5.2 Error\r\n')), at: () => undefined });
      const o = await new MailRoute().send(sampleReport(), routeContext(mailConfig(server.port)));
      expect(seen.messages).toEqual([]);
      expect(o.ok ? o.detail : [o.problem.code, o.retry, o.problem.message.en]).toEqual([
        'ER_2209',
        true,
        expect.stringMatching(/broke off \((waiting for the greeting|sending the message)\)/) as unknown,
      ]);
    } finally {
      await server.close();
    }
  }, 20_000);

  it('SMTP: a line after the 354 (same chunk) is read as the answer to the message: the message is not sent (it was taken and reported failed)', async () => {
    const server = await startScriptedServer();
    try {
      const usual: Record<string, string> = {
        ...POSTFIX,
        ehlo: '250-mx.example.jp\r\n250 8BITMIME\r\n',
        data: '354\r\n\r\n End data with <CR><LF>.<CR><LF>\r\n',
      };
      const seen = server.play({ protocol: 'smtp', usual: (step) => usual[step] ?? '502 5.5.2 Error\r\n', at: () => undefined });
      const o = await new MailRoute().send(sampleReport(), routeContext(mailConfig(server.port)));
      expect(seen.messages).toEqual([]);
      expect(o.ok ? o.detail : [o.problem.code, o.retry]).toEqual(['ER_2209', true]);
    } finally {
      await server.close();
    }
  }, 20_000);

  it('POP before SMTP: the server closing the connection at PASS is ER_2209 (login) at once, not a timeout after mail.timeoutSeconds', async () => {
    const server = await startScriptedServer();
    try {
      const usual: Record<string, string> = { greeting: '+OK ready\r\n', user: '+OK\r\n', pass: '+OK Logged in.\r\n', quit: '+OK Bye\r\n' };
      server.play({
        protocol: 'pop3',
        usual: (step) => usual[step] ?? '-ERR\r\n',
        at: (step): Act | undefined => (step === 'pass' ? { close: true } : undefined),
      });
      const r = await popBeforeSmtp({ host: '127.0.0.1', port: server.port, user: 'u', password: 'p', timeoutMs: 8000 }, new AbortController().signal);
      expect([r?.problem.code, r?.problem.message.en]).toEqual(['ER_2209', expect.stringContaining('broke off (login)') as unknown]);
    } finally {
      await server.close();
    }
  }, 20_000);
});
