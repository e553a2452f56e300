/**
 * The dial-up route against a Hayes modem emulator on a real pseudo-terminal pair (socat): the route opens one end
 * with serialport, the emulator (a modem with a center behind it) the other.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { SerialPort } from 'serialport';
import { ModemRoute, type ModemRouteOptions } from '../../service/routes/modem/route.js';
import { type Outcome, type RouteContext } from '../../service/routes/route.js';
import { type Config } from '../../shared/config/model.js';
import { type Report } from '../../shared/report/model.js';
import { defaultSettings, type Settings } from '../../shared/settings/schema.js';
import { DEFAULT_BEHAVIOUR } from '../helpers/peers/modem-emulator.js';
import { modemPerFile } from '../helpers/modem-per-file.js';

const fixtures = new URL('../fixtures/keyfile/', import.meta.url);
const centerKey = new URL('center.key.pem', fixtures).pathname;

const modem = modemPerFile('express-report-modem-');
const emu = modem.emu;

const fast = { commandMs: 1000, connectMs: 1500, ackMs: 1000, guardMs: 50 };
const makeRoute = (o: ModemRouteOptions = {}) => new ModemRoute({ timeouts: fast, lockDirs: [], ...o });

function config(changes: Partial<Settings> = {}): Config {
  const settings: Settings = {
    ...defaultSettings(),
    'express.route': 'dialup',
    'dialup.serial.port': emu.modemPath,
    'dialup.primary.number': '123-456-7890',
    'dialup.intervalSeconds': 0,
    'mail.smime': false,
    ...changes,
  };
  return { settings, optionDevices: [], inf: {} };
}
const ctx = (c: Config, signal: AbortSignal = new AbortController().signal): RouteContext => ({ config: c, openSecret: (s) => s, signal });

function sampleReport(changes: Partial<Report> = {}): Report {
  return {
    id: randomUUID(),
    kind: 'failure',
    createdAt: '2025-01-02T03:04:05.000Z',
    count: 1,
    machine: { serverName: 'SERVER001', deviceCode: 'N8100-1234', serialNumber: '00000001', userSystemCode: 'ER12345678' },
    event: { source: 'atapi', id: 0xc0040006, time: '2025-01-02T03:04:00.000Z', message: 'ディスクエラー: \\Device\\Ide\\IdePort0' },
    ...changes,
  };
}

const failed = (o: Outcome) => {
  if (o.ok) throw new Error(`expected a failure, got: ${o.detail}`);
  return o;
};

/** The port is free again: another program (here: us, with the same exclusive lock) can open it. */
/**
 * The port can be opened with its lock, i.e. the route released it. Tried again for a while on "Cannot lock port": on a
 * loaded machine the kernel can still be finishing a close when the call returns (seen only with other files running).
 */
async function expectPortFree(): Promise<void> {
  for (let tries = 0; ; tries++) {
    const p = new SerialPort({ path: emu.modemPath, baudRate: 115200, autoOpen: false, lock: true });
    const opened = await new Promise<Error | null>((resolve) => p.open((e) => resolve(e)));
    if (!opened) return new Promise<void>((resolve) => p.close(() => resolve()));
    if (!/Cannot lock port/.test(opened.message) || tries >= 100) throw opened;
    await sleep(50);
  }
}

async function until(cond: () => boolean): Promise<void> {
  while (!cond()) await sleep(10);
}

describe('ModemRoute over a pseudo-terminal', () => {
  // Each case starts on a released port, so one case's slow close cannot fail the next one's open.
  beforeEach(() => expectPortFree());

  it('delivers: the center decodes the report and the attachment bytes, ACKs, and the modem is hung up', async () => {
    const zip = randomBytes(40_000);
    const report = sampleReport();
    const hangups = emu.hangups;
    const route = makeRoute({ attachmentFor: () => () => Readable.from([zip.subarray(0, 1000), zip.subarray(1000)]) });
    const o = await route.send(report, ctx(config()));
    expect(o).toEqual({ ok: true, detail: `primary 123-456-7890 acknowledged report ${report.id} (CONNECT 9600)` });
    const got = emu.frames.find((f) => f.id === report.id)!;
    expect(got.sealed).toBe(false);
    expect(got.report).toEqual(report);
    expect(Buffer.compare(got.payload!, zip)).toBe(0);
    expect(emu.dials.at(-1)).toBe('ATDT123-456-7890');
    expect(emu.commands).toEqual(expect.arrayContaining(['ATZ', 'ATE0V1Q0X4', 'ATH']));
    expect(emu.hangups).toBe(hangups + 1);
    await expectPortFree();
  });

  it('sends an empty payload when there is no attachment', async () => {
    const report = sampleReport({ kind: 'test', target: 'primary' });
    expect((await makeRoute().send(report, ctx(config()))).ok).toBe(true);
    expect(emu.frames.find((f) => f.id === report.id)!.payload!.length).toBe(0);
  });

  it('dials the secondary when the primary is busy', async () => {
    emu.behaviour.dial = (n) => (n === '111' ? 'BUSY' : 'CONNECT 9600');
    const report = sampleReport();
    const before = emu.dials.length;
    const o = await makeRoute().send(report, ctx(config({ 'dialup.primary.number': '111', 'dialup.secondary.number': '222' })));
    expect(o).toEqual({ ok: true, detail: expect.stringContaining('secondary 222 acknowledged') as unknown });
    expect(emu.dials.slice(before)).toEqual(['ATDT111', 'ATDT222']);
    await expectPortFree();
  });

  it('a test notification for the secondary dials only the secondary', async () => {
    const before = emu.dials.length;
    const o = await makeRoute().send(
      sampleReport({ kind: 'test', target: 'secondary' }),
      ctx(config({ 'dialup.primary.number': '111', 'dialup.secondary.number': '222' })),
    );
    expect(o.ok).toBe(true);
    expect(emu.dials.slice(before)).toEqual(['ATDT222']);
  });

  it('pulse mode and the zero-dial prefix are in the dial string', async () => {
    const o = await makeRoute().send(sampleReport(), ctx(config({ 'dialup.mode': 'pulse', 'dialup.zeroDial': true })));
    expect(o.ok).toBe(true);
    expect(emu.dials.at(-1)).toBe('ATDP0,123-456-7890');
  });

  it.each([
    ['NO CARRIER', 'ER_2261'],
    ['NO DIALTONE', 'ER_2262'],
    ['NO ANSWER', 'ER_2263'],
    ['BUSY', 'ER_2260'],
    ['ERROR', 'ER_2259'],
  ] as const)('%s from the modem gives %s, naming the number and the reply', async (answer, code) => {
    emu.behaviour.dial = () => answer;
    const o = failed(await makeRoute().send(sampleReport(), ctx(config())));
    expect([o.problem.code, o.retry]).toEqual([code, true]);
    expect(o.problem.message.en).toContain('123-456-7890');
    expect(o.problem.message.en).toContain(answer);
    await expectPortFree();
  });

  it('no answer to the dial within the limit: ER_2264 (the dial is cancelled and the port released)', async () => {
    emu.behaviour.dial = () => 'silence';
    const o = failed(await makeRoute().send(sampleReport(), ctx(config())));
    expect([o.problem.code, o.retry]).toEqual(['ER_2264', true]);
    expect(o.problem.message.en).toContain('123-456-7890');
    await expectPortFree();
  });

  it('no ACK after the frame: ER_2266; the modem is still hung up', async () => {
    emu.behaviour.center = () => 'silence';
    const hangups = emu.hangups;
    const o = failed(await makeRoute().send(sampleReport(), ctx(config())));
    expect([o.problem.code, o.retry]).toEqual(['ER_2266', true]);
    expect(emu.hangups).toBe(hangups + 1);
    await expectPortFree();
  });

  it("the line drops before the ACK: ER_2268 with the modem's NO CARRIER", async () => {
    emu.behaviour.center = () => 'hangup';
    const o = failed(await makeRoute().send(sampleReport(), ctx(config())));
    expect(o.problem.code).toBe('ER_2268');
    expect(o.problem.message.en).toContain('NO CARRIER');
  });

  it("a NAK is the center's word: retried later, and a permanent one is not retried nor sent to the secondary", async () => {
    emu.behaviour.center = () => ({ nak: 'spool full' });
    const temp = failed(await makeRoute().send(sampleReport(), ctx(config())));
    expect([temp.problem.code, temp.retry]).toEqual(['ER_2267', true]);
    expect(temp.problem.message.ja).toContain('spool full');

    emu.behaviour.center = () => ({ nak: 'unknown user system code', permanent: true });
    const before = emu.dials.length;
    const perm = failed(await makeRoute().send(sampleReport(), ctx(config({ 'dialup.secondary.number': '222' }))));
    expect([perm.problem.code, perm.retry]).toEqual(['ER_2267', false]);
    expect(emu.dials.length).toBe(before + 1);
  });

  it('an ACK for another report is not taken as delivery', async () => {
    emu.behaviour.center = () => ({ ackId: 'someone-else' });
    const o = failed(await makeRoute().send(sampleReport(), ctx(config())));
    expect(o.problem.code).toBe('ER_2269');
  });

  it('both numbers failing gives one problem with both replies', async () => {
    emu.behaviour.dial = (n) => (n === '111' ? 'BUSY' : 'NO ANSWER');
    const o = failed(await makeRoute().send(sampleReport(), ctx(config({ 'dialup.primary.number': '111', 'dialup.secondary.number': '222' }))));
    expect(o.problem.code).toBe('ER_2276');
    expect(o.problem.message.en).toMatch(/ER_2260 .*111.*ER_2263 .*222/);
  });

  it('a modem that says nothing: ER_2258 naming the port and ATZ; one that refuses the set-up: ER_2259', async () => {
    emu.behaviour.mute = true;
    const mute = failed(await makeRoute().send(sampleReport(), ctx(config())));
    expect(mute.problem.code).toBe('ER_2258');
    expect(mute.problem.message.en).toContain(`${emu.modemPath} did not answer ATZ`);
    emu.behaviour = { ...DEFAULT_BEHAVIOUR, errorOn: (c) => c.startsWith('ATE0') };
    const refused = failed(await makeRoute().send(sampleReport(), ctx(config())));
    expect(refused.problem.code).toBe('ER_2259');
    expect(refused.problem.message.en).toContain('ATE0V1Q0X4');
    await expectPortFree();
  });

  it('stops promptly when the service stops mid-dial, and releases the port', async () => {
    emu.behaviour.dial = () => 'silence';
    const abort = new AbortController();
    const before = emu.dials.length;
    const sending = makeRoute({ timeouts: { ...fast, connectMs: 600_000 } }).send(sampleReport(), ctx(config(), abort.signal));
    await until(() => emu.dials.length > before);
    abort.abort();
    const o = failed(await sending);
    expect(o.problem.code).toBe('ER_2275');
    expect(o.problem.message.en).toContain('the service is stopping');
    await expectPortFree();
  });

  it('stops promptly during the pause between the numbers; the secondary is never dialled', async () => {
    emu.behaviour.dial = () => 'BUSY';
    const abort = new AbortController();
    const before = emu.dials.length;
    const sending = makeRoute().send(sampleReport(), ctx(config({ 'dialup.secondary.number': '222', 'dialup.intervalSeconds': 3600 }), abort.signal));
    await until(() => emu.dials.length > before);
    await sleep(100); // let BUSY arrive (if not yet, the call itself is cancelled: the same outcome for the secondary)
    abort.abort();
    const o = failed(await sending);
    expect(['ER_2260', 'ER_2275']).toContain(o.problem.code);
    expect(emu.dials.slice(before)).toEqual(['ATDT123-456-7890']);
  });

  it('an immediate notification that runs out of time says so, not that the service stopped', async () => {
    emu.behaviour.dial = () => 'silence';
    const abort = new AbortController();
    const before = emu.dials.length;
    const sending = makeRoute({ timeouts: { ...fast, connectMs: 600_000 } }).send(
      sampleReport({ kind: 'test', target: 'primary' }),
      ctx(config(), abort.signal),
    );
    await until(() => emu.dials.length > before);
    abort.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    const o = failed(await sending);
    expect(o.problem.code).toBe('ER_2275');
    expect(o.problem.message.en).toContain('the time allowed for it ran out');
  });

  it('a port held by another program: ER_2256, retried later; a port that does not exist: ER_2254, not retried', async () => {
    const holder = new SerialPort({ path: emu.modemPath, baudRate: 115200, autoOpen: false, lock: true });
    await new Promise<void>((resolve, reject) => holder.open((e) => (e ? reject(e) : resolve())));
    try {
      const busy = failed(await makeRoute().send(sampleReport(), ctx(config())));
      expect([busy.problem.code, busy.retry]).toEqual(['ER_2256', true]);
      expect(busy.problem.message.en).toContain(emu.modemPath);
    } finally {
      await new Promise<void>((resolve) => holder.close(() => resolve()));
    }
    const missing = join(modem.dir(), 'no-such-tty');
    const gone = failed(await makeRoute().send(sampleReport(), ctx(config({ 'dialup.serial.port': missing }))));
    expect([gone.problem.code, gone.retry, gone.problem.field]).toEqual(['ER_2254', false, 'dialup.serial.port']);
    expect(gone.problem.message.en).toContain(missing);
  });

  it('a UUCP lock file of a live process (remote access sharing the port) makes the attempt wait for later', async () => {
    const locks = await mkdtemp(join(tmpdir(), 'express-report-lock-'));
    try {
      await writeFile(join(locks, 'LCK..modem'), `${String(process.ppid).padStart(10)}\n`);
      const before = emu.commands.length;
      const o = failed(await makeRoute({ lockDirs: [locks] }).send(sampleReport(), ctx(config())));
      expect([o.problem.code, o.retry]).toEqual(['ER_2256', true]);
      expect(emu.commands.length).toBe(before);
    } finally {
      await rm(locks, { recursive: true, force: true });
    }
  });

  it('the BMC methods are not available here: a clear, non-retryable problem before anything is dialled', async () => {
    const before = emu.commands.length;
    const o = failed(await makeRoute().send(sampleReport(), ctx(config({ 'dialup.method': 'management-port' }))));
    expect([o.problem.code, o.retry, o.problem.field]).toEqual(['ER_2270', false, 'dialup.method']);
    expect(o.problem.message.ja).toContain('マネージメントポート');
    expect(emu.commands.length).toBe(before);
  });
});

describe('ModemRoute with S/MIME', () => {
  const centerPem = () => readFile(new URL('center.pem', fixtures), 'utf8');

  it('seals header and payload to the center certificate; openssl opens them with the center key', async () => {
    const envelopes: Buffer[] = [];
    emu.behaviour.open = (envelope) => {
      envelopes.push(envelope);
      const file = join(modem.dir(), 'envelope.der');
      writeFileSync(file, envelope);
      return execFileSync('openssl', ['smime', '-decrypt', '-inform', 'DER', '-in', file, '-inkey', centerKey, '-binary']);
    };
    const zip = randomBytes(5000);
    const report = sampleReport();
    const route = makeRoute({ centerCertificate: centerPem, attachmentFor: () => () => Readable.from([zip]) });
    const o = await route.send(report, ctx(config({ 'mail.smime': true })));
    expect(o.ok).toBe(true);
    const got = emu.frames.find((f) => f.id === report.id)!;
    expect(got.sealed).toBe(true);
    expect(got.report).toEqual(report);
    expect(Buffer.compare(got.payload!, zip)).toBe(0);
    expect(envelopes[0]!.includes(Buffer.from('SERVER001'))).toBe(false);
  });

  it('S/MIME on without a center certificate: ER_2271, not retried, nothing dialled', async () => {
    const before = emu.commands.length;
    const o = failed(await makeRoute({ centerCertificate: () => Promise.resolve(undefined) }).send(sampleReport(), ctx(config({ 'mail.smime': true }))));
    expect([o.problem.code, o.retry]).toEqual(['ER_2271', false]);
    expect(emu.commands.length).toBe(before);
  });
});
