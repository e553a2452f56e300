/**
 * The manager's receiver in a real service process (docs/relay.md), met by raw TCP agents on 127.0.0.1: a report is
 * ACKed only once its frame is on disk, a repeat is ACKed once stored once, hostile frames are NAKed with nothing
 * stored (a header naming /etc/shadow as a log among them, ER_2352; a frame cut off mid-payload), the port opens and closes with the setting, a port in use is a coded problem in status, and a report ACKed
 * just before a kill -9 is still there after the restart, in the manager's spool.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { constants, existsSync, openSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { connect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeFrame, FrameDecoder, type Frame } from '../../service/routes/frame/codec.js';
import { problemOfNak } from '../../service/routes/frame/nak.js';
import { ServiceClient } from '../../shared/node/service-client.js';
import { type Report } from '../../shared/report/model.js';
import { type RelayListenerStatus } from '../../shared/host/service-types.js';
import { activatedMachine, startCenter, startService, until, type Center, type Machine, type ServiceProcess } from '../helpers/service-process.js';

let base: string;
let center: Center;
let m: Machine;
let svc: ServiceProcess | undefined;
let port: number;

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const p = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return p;
}

const report = (id: string): Report => ({
  id,
  kind: 'failure',
  createdAt: new Date().toISOString(),
  machine: { serverName: 'AGENT1', deviceCode: 'N8100-9999', serialNumber: 'A1', userSystemCode: 'U1' },
  event: { source: 'atapi', id: 0xc0040006, time: new Date().toISOString(), message: 'disk' },
  count: 1,
});
const frameOf = (r: Report, payload = Buffer.alloc(0)): Buffer => encodeFrame({ type: 'report', id: r.id, header: Buffer.from(JSON.stringify(r)), payload });

/** Writes the bytes and reads `count` answers (or what came before the manager closed). */
async function send(bytes: Buffer, count = 1): Promise<Frame[]> {
  const sock = connect(port, '127.0.0.1');
  const dec = new FrameDecoder({ accept: ['ack', 'nak'] });
  const got: Frame[] = [];
  return new Promise((resolve, reject) => {
    sock.on('data', (c: Buffer) => {
      got.push(...dec.push(c));
      if (got.length >= count) {
        sock.destroy();
        resolve(got);
      }
    });
    sock.on('close', () => resolve(got));
    sock.on('error', reject);
    sock.write(bytes);
  });
}

const listener = async (kind: 'express' | 'https'): Promise<RelayListenerStatus | undefined> =>
  (await (await ServiceClient.connect(m.stateDir)).status()).relay?.listeners.find((l) => l.kind === kind);
const received = (id: string): string => join(m.stateDir, 'relay', 'received', `${id}.frame`);
const spooled = async (): Promise<string[]> => (await readdir(join(m.stateDir, 'spool'))).filter((n) => n.endsWith('.json'));

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'er-relay-rx-'));
  center = await startCenter(base);
  port = await freePort();
  m = await activatedMachine(join(base, 'manager'), {
    url: center.receiver.url,
    caFile: center.caFile,
    // Forwarding by mail to a port where nothing listens: the relayed reports wait in the spool, retried.
    settings: [
      ...['mail.smtp.host', '127.0.0.1', 'mail.smtp.port', String(await freePort()), 'mail.sender', 'manager@example.jp'],
      ...['mail.to', 'center@example.jp', 'mail.smime', 'off', 'relay.express.enabled', 'true', 'relay.express.port', String(port)],
    ],
  });
  svc = await startService(m, ['--no-os-events']);
  await until(
    async () => (await listener('express'))?.state === 'open',
    30_000,
    'the express receive port to open',
    () => svc?.log() ?? '',
  );
}, 120_000);

afterAll(async () => {
  await svc?.stop();
  await center?.receiver.close();
  await rm(base, { recursive: true, force: true });
});

describe('the manager receiver in the service', () => {
  it('ACKs a report only once its frame is on disk, hands it to the spool, and ACKs a repeat without a copy', async () => {
    const r = report(randomUUID());
    const f = frameOf(r, Buffer.from('the agent logs zip'));
    expect(await send(f)).toEqual([{ type: 'ack', id: r.id }]);
    expect((await readFile(received(r.id))).equals(f)).toBe(true); // there the moment the ACK arrived
    await until(
      async () => (await spooled()).includes(`${r.id}.json`),
      10_000,
      'the relayed report in the spool',
      () => svc?.log() ?? '',
    );
    const before = await spooled();
    expect(await send(f)).toEqual([{ type: 'ack', id: r.id }]);
    expect(await spooled()).toEqual(before);
    expect(svc!.log()).toContain(r.id);
    const agents = await m.cli(['relay', 'agents', '--json']);
    expect(agents.code).toBe(0);
    expect(JSON.parse(agents.out)).toMatchObject([{ identity: 'N8100-9999:A1', serverName: 'AGENT1', received: 1, silent: false, conflict: false }]);
    const text = await m.cli(['status']);
    expect(text.out).toMatch(new RegExp(`relay \\(express\\): port ${port} open`));
  });

  it('NAKs hostile frames and stores nothing', async () => {
    const before = await readdir(join(m.stateDir, 'relay', 'received'));
    const garbage = await send(Buffer.from('\x16\x03\x01 not a frame'));
    expect(garbage[0]).toMatchObject({ type: 'nak', permanent: true });
    const shadowless = { ...report(randomUUID()), machine: undefined };
    const bad = await send(encodeFrame({ type: 'report', id: shadowless.id, header: Buffer.from(JSON.stringify(shadowless)), payload: Buffer.alloc(0) }));
    expect(problemOfNak((bad[0] as { reason: string }).reason, true).code).toBe('ER_2335');
    const huge = Buffer.concat([Buffer.from('ERPF'), Buffer.from([1, 0x52, 0, 0, 0, 0, 1, 0x78, 0, 0, 0, 2, 0x7b, 0x7d, 0x04, 0, 0, 1])]); // a 64 MiB + 1 payload
    expect(problemOfNak(((await send(huge))[0] as { reason: string }).reason, true).code).toBe('ER_2251');
    expect(await readdir(join(m.stateDir, 'relay', 'received'))).toEqual(before);
    expect(await readdir(join(m.stateDir, 'relay', 'incoming'))).toEqual([]);
  });

  it('refuses a header naming /etc/shadow as a log with a permanent NAK (ER_2352): nothing stored, nothing opened', async () => {
    // A FIFO named beside /etc/shadow: whoever opened it to read would still be waiting in open() for a writer, so a
    // non-blocking open for writing would then succeed; ENXIO says no reader ever has it open.
    const fifo = join(base, 'canary.fifo');
    execFileSync('mkfifo', [fifo]);
    const r = { ...report(randomUUID()), logs: { paths: ['/etc/shadow', fifo], maxBytes: 0 } };
    const nak = (await send(frameOf(r as Report, Buffer.from('zip'))))[0];
    expect(nak).toMatchObject({ type: 'nak', id: r.id, permanent: true });
    expect(problemOfNak((nak as { reason: string }).reason, true).code).toBe('ER_2352');
    await new Promise((res) => setTimeout(res, 500)); // room for a (wrong) hand-off to act before looking
    expect(existsSync(received(r.id))).toBe(false);
    expect(await spooled()).not.toContain(`${r.id}.json`);
    expect(await readdir(join(m.stateDir, 'relay', 'incoming'))).toEqual([]);
    expect(() => openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK)).toThrow(/ENXIO/);
    expect(svc!.log()).toMatch(/ER_2350 .*names log files/);
  });

  it('a frame cut off mid-payload (the agent gone): no ACK, nothing stored, its incoming part removed', async () => {
    const r = report(randomUUID());
    const f = frameOf(r, Buffer.alloc(4 * 1024 * 1024, 7));
    const incoming = join(m.stateDir, 'relay', 'incoming');
    const sock = connect(port, '127.0.0.1');
    const answers: Buffer[] = [];
    sock.on('data', (c: Buffer) => answers.push(c));
    await new Promise<void>((res) => sock.write(f.subarray(0, 2 * 1024 * 1024), () => res()));
    await until(async () => (await readdir(incoming)).length > 0, 10_000, 'the frame being written to incoming/');
    const closed = new Promise((res) => sock.once('close', res));
    sock.destroy();
    await closed;
    await until(
      async () => (await readdir(incoming)).length === 0,
      10_000,
      'the incoming part removed',
      () => svc?.log() ?? '',
    );
    expect(answers).toEqual([]);
    expect(existsSync(received(r.id))).toBe(false);
    expect(await spooled()).not.toContain(`${r.id}.json`);
  });

  it('keeps a report ACKed just before a kill -9: it is in the spool after the restart', async () => {
    const r = report(randomUUID());
    expect(await send(frameOf(r))).toEqual([{ type: 'ack', id: r.id }]);
    svc!.child.kill('SIGKILL');
    await new Promise((res) => svc!.child.once('exit', res));
    expect(existsSync(received(r.id))).toBe(true);
    svc = await startService(m, ['--no-os-events']);
    await until(
      async () => (await spooled()).includes(`${r.id}.json`),
      30_000,
      'the report in the spool after the restart',
      () => svc?.log() ?? '',
    );
    await until(async () => (await listener('express'))?.state === 'open', 30_000, 'the port to open again');
  }, 60_000);

  it('opens and closes the port with the setting, and reports a port in use in status', async () => {
    expect((await m.cli(['config', 'set', 'relay.express.enabled', 'false'])).code).toBe(0);
    await until(
      async () => (await listener('express'))?.state === 'closed',
      30_000,
      'the express port to close',
      () => svc?.log() ?? '',
    );
    await expect(send(Buffer.from('x'))).rejects.toThrow(/ECONNREFUSED/);

    const busyPort = await freePort();
    const taken: Server = createServer();
    await new Promise<void>((r) => taken.listen(busyPort, '::', () => r()));
    try {
      expect((await m.cli(['config', 'set', 'relay.https.enabled', 'true', 'relay.https.port', String(busyPort)])).code).toBe(0);
      await until(
        async () => (await listener('https'))?.state === 'failed',
        30_000,
        'the https port reported as failed',
        () => svc?.log() ?? '',
      );
      expect((await listener('https'))?.problem?.code).toBe('ER_2330');
    } finally {
      await new Promise<void>((r) => taken.close(() => r()));
    }
    await until(
      async () => (await listener('https'))?.state === 'open',
      30_000,
      'the https port opened once free',
      () => svc?.log() ?? '',
    );
  }, 90_000);
});
