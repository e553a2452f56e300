/**
 * The receiver in this process against raw TCP agents on 127.0.0.1: ACK only after the frame is on disk, a repeat
 * ACKed once stored once, hostile frames NAKed with nothing stored, the allow-list and the connection limit refusing
 * with a NAK, a port in use reported and retried, recovery after a stop.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, connect, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Config } from '../../../../shared/config/model.js';
import { type Problem } from '../../../../shared/messages/problem.js';
import { defaultSettings, type Settings } from '../../../../shared/settings/schema.js';
import { type Report } from '../../../../shared/report/model.js';
import { encodeFrame, FrameDecoder, type Frame } from '../../../../service/routes/frame/codec.js';
import { problemOfNak } from '../../../../service/routes/frame/nak.js';
import { RelayReceiver, type RelayHandoff } from '../../../../service/relay/receiver.js';
import { type RelayVia } from '../../../../service/relay/via.js';

const dirs: string[] = [];
const receivers: RelayReceiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.stop()));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

const report = (id: string, over: Partial<Report> = {}): Report => ({
  id,
  kind: 'failure',
  createdAt: '2026-01-02T03:04:05.000Z',
  machine: { serverName: 'A1', deviceCode: 'N8100-2810', serialNumber: 'SN1', userSystemCode: 'U1' },
  event: { source: 'atapi', id: 0xc0040006, time: '2026-01-02T03:04:00.000Z', message: 'disk' },
  count: 1,
  ...over,
});
const uuid = (n: number): string => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;
const frameOf = (r: Pick<Report, 'id'> & Partial<Report>, payload = Buffer.alloc(0)): Buffer =>
  encodeFrame({ type: 'report', id: r.id, header: Buffer.from(JSON.stringify(r)), payload });

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

function configWith(s: Partial<Settings>): Config {
  return { settings: { ...defaultSettings(), ...s } } as unknown as Config;
}

async function manager(o: { settings?: Partial<Settings>; handoff?: RelayHandoff; stateDir?: string } = {}) {
  const stateDir = o.stateDir ?? (await mkdtemp(join(tmpdir(), 'relay-')));
  if (!o.stateDir) dirs.push(stateDir);
  const logged: Problem[] = [];
  const relayed: Array<{ report: Report; via: RelayVia }> = [];
  const handoff: RelayHandoff = o.handoff ?? {
    relayed: async (r) => {
      relayed.push(r);
    },
  };
  const rx = await RelayReceiver.start({ stateDir, handoff, log: (p) => logged.push(p), host: '127.0.0.1', retryMs: 50 });
  receivers.push(rx);
  // A port found free can be taken by a test running beside this one before the receiver binds it (the listener then
  // retries, and our connections would reach the other program): take another until the receiver holds one.
  let port = 0;
  for (let i = 0; i < 5 && rx.status().listeners[0]?.state !== 'open'; i++) {
    port = await freePort();
    await rx.apply(configWith({ 'relay.express.enabled': true, 'relay.express.port': port, ...o.settings }));
  }
  expect(rx.status().listeners[0]).toMatchObject({ port, state: 'open' });
  return { rx, port, stateDir, logged, relayed, received: join(stateDir, 'relay', 'received') };
}

/** Sends the bytes, reads answer frames until `count` came or the manager closed; `closed` says whether it closed. */
async function exchange(port: number, bytes: Buffer[], count = bytes.length): Promise<{ answers: Frame[]; closed: boolean }> {
  const sock = connect(port, '127.0.0.1');
  const dec = new FrameDecoder({ accept: ['ack', 'nak'] });
  const answers: Frame[] = [];
  return new Promise((resolve, reject) => {
    let closed = false;
    sock.on('data', (c: Buffer) => {
      answers.push(...dec.push(c));
      if (answers.length >= count) {
        sock.destroy();
        resolve({ answers, closed });
      }
    });
    sock.on('end', () => {
      closed = true;
    });
    sock.on('close', () => resolve({ answers, closed: true }));
    sock.on('error', reject);
    for (const b of bytes) sock.write(b);
  });
}

const files = async (dir: string): Promise<string[]> => (await readdir(dir)).sort();

describe('RelayReceiver', () => {
  it('ACKs a report only once its frame is in received/, and hands it on', async () => {
    const m = await manager();
    const r = report(uuid(1));
    const f = frameOf(r, Buffer.from('zip bytes'));
    const { answers } = await exchange(m.port, [f]);
    expect(answers).toEqual([{ type: 'ack', id: r.id }]);
    // At the ACK the frame is there, byte for byte, and nothing is left in incoming/.
    expect((await readFile(join(m.received, `${r.id}.frame`))).equals(f)).toBe(true);
    expect(await files(join(m.stateDir, 'relay', 'incoming'))).toEqual([]);
    expect(await readFile(join(m.stateDir, 'relay', 'seen.log'), 'utf8')).toMatch(
      new RegExp(`^# express-report relay-ids format 2\\n${r.id} \\S+ express 127\\.0\\.0\\.1\\n$`),
    );
    await new Promise((res) => setTimeout(res, 50));
    expect(m.relayed.map((x) => [x.report.id, x.via.port, x.via.from])).toEqual([[r.id, 'express', '127.0.0.1']]);
    expect(m.rx.status()).toMatchObject({
      agents: 1,
      waiting: 1,
      listeners: [
        { kind: 'express', state: 'open' },
        { kind: 'https', state: 'closed' },
      ],
    });
    const agents = await m.rx.agentList();
    expect(agents).toMatchObject([{ identity: 'N8100-2810:SN1', addresses: ['127.0.0.1'], received: 1, waiting: 1, silent: false, conflict: false }]);
  });

  it('ACKs a repeat without a second copy, also after the frame was forwarded and removed', async () => {
    const m = await manager();
    const r = report(uuid(2));
    const f = frameOf(r);
    const { answers } = await exchange(m.port, [f, f], 2);
    expect(answers).toEqual([
      { type: 'ack', id: r.id },
      { type: 'ack', id: r.id },
    ]);
    await rm(join(m.received, `${r.id}.frame`)); // forwarded: the forwarding side removes it; seen.log remembers
    expect((await exchange(m.port, [f])).answers).toEqual([{ type: 'ack', id: r.id }]);
    expect(await files(m.received)).toEqual([]);
    await new Promise((res) => setTimeout(res, 50));
    expect(m.relayed).toHaveLength(1);
  });

  it('NAKs hostile frames and stores nothing: garbage, truncated, oversized, a bad header, a header naming /etc/shadow as a log', async () => {
    const m = await manager();
    const nakOf = async (bytes: Buffer) => {
      const { answers, closed } = await exchange(m.port, [bytes], 1);
      return { a: answers[0], closed };
    };
    const garbage = await nakOf(Buffer.from('GET / HTTP/1.1\r\n\r\n'));
    expect(garbage.a).toMatchObject({ type: 'nak', permanent: true });
    expect(problemOfNak((garbage.a as { reason: string }).reason, true).code).toBe('ER_2250');
    const big = Buffer.concat([Buffer.from('ERPF'), Buffer.from([1, 0x52, 0, 0, 0, 0, 1, 0x78, 0, 1, 0, 1])]); // a header of 64 KiB + 1: over the cap
    expect(problemOfNak(((await nakOf(big)).a as { reason: string }).reason, true).code).toBe('ER_2251');
    const bad = await nakOf(frameOf({ id: uuid(3), kind: 'failure' }));
    expect(bad.a).toMatchObject({ type: 'nak', id: uuid(3), permanent: true });
    expect(problemOfNak((bad.a as { reason: string }).reason, true).code).toBe('ER_2335');
    const mismatch = await nakOf(encodeFrame({ type: 'report', id: uuid(4), header: Buffer.from(JSON.stringify(report(uuid(5)))), payload: Buffer.alloc(0) }));
    expect(problemOfNak((mismatch.a as { reason: string }).reason, true).code).toBe('ER_2337');
    // Truncated: the agent goes away mid-frame: no answer, no file.
    const cut = frameOf(report(uuid(6)), Buffer.alloc(100_000, 1));
    const s = connect(m.port, '127.0.0.1');
    await new Promise<void>((res) => s.write(cut.subarray(0, 50_000), () => res()));
    s.destroy();
    // A header naming /etc/shadow in logs (any value): a permanent NAK (ER_2352), nothing stored, nothing handed on.
    const withLogs: Array<[number, unknown]> = [
      [7, { paths: ['/etc/shadow'], maxBytes: 0 }],
      [8, null],
    ];
    for (const [n, logs] of withLogs) {
      const shadow = { ...report(uuid(n)), logs };
      const nak = await nakOf(encodeFrame({ type: 'report', id: shadow.id, header: Buffer.from(JSON.stringify(shadow)), payload: Buffer.alloc(0) }));
      expect(nak.a, `frame ${n} (closed ${nak.closed}); logged ${m.logged.map((p) => p.code).join(' ')}`).toMatchObject({
        type: 'nak',
        id: shadow.id,
        permanent: true,
      });
      expect(problemOfNak((nak.a as { reason: string }).reason, true).code).toBe('ER_2352');
    }
    await new Promise((res) => setTimeout(res, 100));
    expect(await files(m.received)).toEqual([]);
    expect(await files(join(m.stateDir, 'relay', 'incoming'))).toEqual([]);
    expect(m.relayed).toEqual([]);
  });

  it('a whole frame and junk in one chunk: the frame is stored and ACKed, then the junk NAKed', async () => {
    const m = await manager();
    const r = report(uuid(20));
    const f = frameOf(r, Buffer.from('zip bytes'));
    const { answers } = await exchange(m.port, [Buffer.concat([f, Buffer.from('GET / HTTP/1.1\r\n\r\n')])], 2);
    expect(answers[0]).toEqual({ type: 'ack', id: r.id });
    expect(answers[1]).toMatchObject({ type: 'nak', permanent: true });
    expect(problemOfNak((answers[1] as { reason: string }).reason, true).code).toBe('ER_2250');
    expect((await readFile(join(m.received, `${r.id}.frame`))).equals(f)).toBe(true);
  });

  it('answers a probe, refuses addresses not allowed and connections beyond the limit with a NAK', async () => {
    const m = await manager();
    const probe = Buffer.concat([encodeFrame({ type: 'ack', id: 'probe-1' })]);
    probe[5] = 0x50; // same layout as an ack: the type byte and the CRC
    const { crc32 } = await import('node:zlib');
    probe.writeUInt32BE(crc32(probe.subarray(0, probe.length - 4)), probe.length - 4);
    expect((await exchange(m.port, [probe])).answers).toEqual([{ type: 'ack', id: 'probe-1' }]);

    await m.rx.apply(configWith({ 'relay.express.enabled': true, 'relay.express.port': m.port, 'relay.allow': '10.0.0.0/8' }));
    const refused = await exchange(m.port, [probe], 2); // resolves when the manager closes
    expect(problemOfNak((refused.answers[0] as { reason: string }).reason, false).code).toBe('ER_2331');
    expect(refused.closed).toBe(true);

    await m.rx.apply(configWith({ 'relay.express.enabled': true, 'relay.express.port': m.port, 'relay.allow': '127.0.0.1', 'relay.maxConnections': 1 }));
    const first = connect(m.port, '127.0.0.1');
    await new Promise<void>((res) => first.on('connect', () => res()));
    await new Promise((res) => setTimeout(res, 50));
    const busy = await exchange(m.port, [probe], 1);
    expect(busy.answers[0]).toMatchObject({ type: 'nak', permanent: false });
    expect(problemOfNak((busy.answers[0] as { reason: string }).reason, false).code).toBe('ER_2332');
    first.destroy();
  });

  it('opens and closes the port with the setting, and reports a port in use, retried until it is free', async () => {
    const m = await manager();
    await m.rx.apply(configWith({ 'relay.express.enabled': false, 'relay.express.port': m.port }));
    expect(m.rx.status().listeners[0]).toMatchObject({ state: 'closed' });
    await expect(exchange(m.port, [Buffer.alloc(0)], 1)).rejects.toThrow(/ECONNREFUSED/);

    const taken: Server = createServer();
    await new Promise<void>((r) => taken.listen(m.port, '127.0.0.1', () => r()));
    await m.rx.apply(configWith({ 'relay.express.enabled': true, 'relay.express.port': m.port }));
    expect(m.rx.status().listeners[0]).toMatchObject({ state: 'failed', problem: { code: 'ER_2330' } });
    await new Promise<void>((r) => taken.close(() => r()));
    for (let i = 0; i < 100 && m.rx.status().listeners[0]!.state !== 'open'; i++) await new Promise((r) => setTimeout(r, 50));
    expect(m.rx.status().listeners[0]!.state).toBe('open');
  });

  it('NAKs retryable while the pipeline part is missing (no relayed / forwardNow), storing nothing', async () => {
    const m = await manager({ handoff: {} });
    const { answers } = await exchange(m.port, [frameOf(report(uuid(8))), frameOf(report(uuid(9), { kind: 'test' }))]);
    expect(answers.map((a) => [a.type, a.type === 'nak' && a.permanent, a.type === 'nak' && problemOfNak(a.reason, false).code])).toEqual([
      ['nak', false, 'ER_2342'],
      ['nak', false, 'ER_2342'],
    ]);
    expect(await files(m.received)).toEqual([]);
  });

  it('forwards test / activation at once and answers with the center answer, with the payload as attachment', async () => {
    const got: string[] = [];
    const m = await manager({
      handoff: {
        forwardNow: async (r) => {
          const chunks: Buffer[] = [];
          for await (const c of r.attachment!()) chunks.push(c as Buffer);
          got.push(`${r.report.kind} ${Buffer.concat(chunks).toString()}`);
          return r.report.kind === 'test'
            ? { ok: true, detail: 'center 200' }
            : { ok: false, retry: false, problem: { code: 'ER_2253', severity: 'error', message: { ja: 'x', en: 'x' } } };
        },
      },
    });
    const t = report(uuid(10), { kind: 'test' });
    const a = report(uuid(11), { kind: 'activation' });
    const { answers } = await exchange(m.port, [frameOf(t, Buffer.from('logs')), frameOf(a)], 2);
    expect(answers).toMatchObject([
      { type: 'ack', id: t.id },
      { type: 'nak', id: a.id, permanent: true },
    ]);
    expect(got).toEqual(['test logs', 'activation ']);
    expect(await files(m.received)).toEqual([]);
  });

  it('at start removes .part files, hands received frames not in the spool on again, and moves a damaged one to corrupt/', async () => {
    const m = await manager();
    const r = report(uuid(12));
    await exchange(m.port, [frameOf(r)]);
    await m.rx.stop();
    await writeFile(join(m.stateDir, 'relay', 'incoming', 'x.part'), 'half');
    await writeFile(join(m.received, `${uuid(13)}.frame`), frameOf(report(uuid(13))).subarray(0, 30));
    const again = await manager({ stateDir: m.stateDir });
    expect(await files(join(m.stateDir, 'relay', 'incoming'))).toEqual([]);
    expect(await files(join(m.stateDir, 'relay', 'corrupt'))).toEqual([`${uuid(13)}.frame`]);
    await new Promise((res) => setTimeout(res, 50));
    expect(again.relayed.map((x) => [x.report.id, x.via.port, x.via.from])).toEqual([[r.id, 'express', '127.0.0.1']]);
    expect(again.logged.map((p) => p.code)).toEqual(expect.arrayContaining(['ER_2345', 'ER_6714']));
  });

  it('a frame renamed in but killed before seen.log: its port from intent.log, and seen.log learns it (a resend is a repeat)', async () => {
    const m = await manager();
    await m.rx.stop();
    const r = report(uuid(14));
    // As a kill -9 between the batch's renames and its seen.log append leaves it.
    await writeFile(join(m.received, `${r.id}.frame`), frameOf(r));
    await writeFile(join(m.stateDir, 'relay', 'intent.log'), `${r.id} 2026-12-01T00:00:00.000Z https 192.0.2.9\n`);
    const again = await manager({ stateDir: m.stateDir });
    await new Promise((res) => setTimeout(res, 50));
    expect(again.relayed.map((x) => [x.report.id, x.via.port, x.via.from, x.via.receivedAt])).toEqual([
      [r.id, 'https', '192.0.2.9', '2026-12-01T00:00:00.000Z'],
    ]);
    expect(await readFile(join(m.stateDir, 'relay', 'seen.log'), 'utf8')).toContain(`${r.id} 2026-12-01T00:00:00.000Z https 192.0.2.9`);
    expect(await readFile(join(m.stateDir, 'relay', 'intent.log'), 'utf8')).toBe('# express-report relay-ids format 2\n'); // emptied: its header alone
  });
});
