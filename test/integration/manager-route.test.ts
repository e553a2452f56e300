/**
 * The agent's route to a manager (service/routes/manager/) against a real TCP peer on 127.0.0.1: a tiny fake manager
 * that ACKs, NAKs, closes or stays silent. Classification, the secondary manager, the attachment streamed whole.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createHash, randomBytes } from 'node:crypto';
import { ManagerRoute } from '../../service/routes/manager/route.js';
import { buildRoutes, budgetMs } from '../../service/routes/registry.js';
import { type Outcome } from '../../service/routes/route.js';
import { type Config } from '../../shared/config/model.js';
import { defaultSettings, type Settings } from '../../shared/settings/schema.js';
import { routeContext, sampleReport } from '../helpers/peers/https-config.js';
import { closedPort } from '../helpers/peers/https-receiver.js';
import { startFakeManager, type Behaviour, type FakeManager } from '../helpers/peers/fake-manager.js';

let stateDir: string;
const managers: FakeManager[] = [];

beforeAll(async () => {
  stateDir = await mkdtemp(join(tmpdir(), 'express-report-manager-'));
});
afterEach(async () => {
  await Promise.all(managers.splice(0).map((m) => m.close()));
});
afterAll(() => rm(stateDir, { recursive: true, force: true }));

async function manager(b: Behaviour = 'ack'): Promise<FakeManager> {
  const m = await startFakeManager(b);
  managers.push(m);
  return m;
}

function config(changes: Partial<Settings>): Config {
  return { settings: { ...defaultSettings(), 'express.route': 'manager', ...changes }, optionDevices: [], inf: {} };
}
const at = (m: FakeManager | number, secondary?: FakeManager | number): Partial<Settings> => ({
  'manager.host': '127.0.0.1',
  'manager.port': typeof m === 'number' ? m : m.port,
  ...(secondary === undefined
    ? {}
    : { 'manager.secondary.host': '127.0.0.1', 'manager.secondary.port': typeof secondary === 'number' ? secondary : secondary.port }),
});

const fast = { connectMs: 5_000, sendIdleMs: 5_000, answerMs: 500, answerNowMs: 500 };
const route = (attachment?: () => Readable) =>
  new ManagerRoute({ via: 'express', stateDir, timeouts: fast, ...(attachment ? { attachmentFor: () => attachment } : {}) });

const failed = (o: Outcome) => {
  if (o.ok) throw new Error(`expected a failure, got: ${o.detail}`);
  return o;
};
const staged = () => readdir(join(stateDir, 'manager-out')).catch(() => [] as string[]);

describe('ManagerRoute against a fake manager', () => {
  it('ACK: delivered; the frame carries the report without its logs and the zip as payload; the temporary file is gone', async () => {
    const m = await manager('ack');
    const zip = randomBytes(10_000);
    const report = sampleReport({ logs: { paths: ['/var/log/secret'], maxBytes: 0 } });
    const o = await route(() => Readable.from([zip])).send(report, routeContext(config(at(m))));
    expect(o).toEqual({ ok: true, detail: `manager 127.0.0.1:${m.port} acknowledged report ${report.id}` });
    const f = m.received[0];
    if (f?.type !== 'report') throw new Error('no report frame');
    expect(f.id).toBe(report.id);
    const { logs: _logs, ...withoutLogs } = report;
    expect(JSON.parse(f.header.toString('utf8'))).toEqual(withoutLogs);
    expect(f.header.toString('utf8')).not.toContain('/var/log/secret');
    expect(f.payload.equals(zip)).toBe(true);
    expect(await staged()).toEqual([]);
  });

  it('a 5 MiB attachment arrives byte for byte (streamed from the staged file)', async () => {
    const m = await manager('ack');
    const zip = randomBytes(5 * 1024 * 1024);
    const pieces = Array.from({ length: 80 }, (_, i) => zip.subarray(i * 65536, (i + 1) * 65536));
    const o = await route(() => Readable.from(pieces)).send(sampleReport(), routeContext(config(at(m))));
    expect(o.ok).toBe(true);
    const f = m.received[0];
    if (f?.type !== 'report') throw new Error('no report frame');
    expect(f.payload.length).toBe(zip.length);
    expect(createHash('sha256').update(f.payload).digest('hex')).toBe(createHash('sha256').update(zip).digest('hex'));
    expect(await staged()).toEqual([]);
  });

  it("a permanent NAK: not retried, the manager's coded reason said to be the manager's, the secondary not tried", async () => {
    const m = await manager('nak-permanent');
    const second = await manager('ack');
    const o = failed(await route().send(sampleReport(), routeContext(config(at(m, second)))));
    expect(o.retry).toBe(false);
    expect(o.problem.code).toBe('ER_2253');
    expect(o.problem.message.en).toBe(`manager 127.0.0.1:${m.port}: the header is not valid`);
    expect(o.problem.message.ja).toContain('ヘッダーが正しくありません');
    expect(second.connections).toBe(0);
  });

  it('a retryable NAK: retried; with a secondary manager, the secondary takes it', async () => {
    const m = await manager('nak-retry');
    const alone = failed(await route().send(sampleReport(), routeContext(config(at(m)))));
    expect(alone.retry).toBe(true);
    expect(alone.problem.code).toBe('ER_2253');
    const second = await manager('ack');
    const o = await route().send(sampleReport(), routeContext(config(at(m, second))));
    expect(o.ok && o.detail).toContain(`secondary manager 127.0.0.1:${second.port} acknowledged`);
  });

  it('a NAK in plain text (an older or foreign manager) is quoted: ER_2307 permanent, ER_2308 retryable', async () => {
    const m = await manager('nak-permanent');
    m.nakReason = 'relay disabled';
    const o = failed(await route().send(sampleReport(), routeContext(config(at(m)))));
    expect(o).toMatchObject({ retry: false, problem: { code: 'ER_2307' } });
    expect(o.problem.message.en).toContain('relay disabled');
    m.behaviour = 'nak-retry';
    expect(failed(await route().send(sampleReport(), routeContext(config(at(m)))))).toMatchObject({ retry: true, problem: { code: 'ER_2308' } });
  });

  it('a refused primary: the secondary is tried and takes it', async () => {
    const second = await manager('ack');
    const o = await route().send(sampleReport(), routeContext(config(at(await closedPort(), second))));
    expect(o.ok && o.detail).toContain(`secondary manager 127.0.0.1:${second.port}`);
  });

  it('both refused: ER_2309 with both reasons, retried', async () => {
    const o = failed(await route().send(sampleReport(), routeContext(config(at(await closedPort(), await closedPort())))));
    expect(o.retry).toBe(true);
    expect(o.problem.code).toBe('ER_2309');
    expect(o.problem.message.en.match(/ER_2301/g)).toHaveLength(2);
  });

  it('one refused manager: ER_2301, retried', async () => {
    const o = failed(await route().send(sampleReport(), routeContext(config(at(await closedPort())))));
    expect(o).toMatchObject({ retry: true, problem: { code: 'ER_2301' } });
  });

  it('closed without an answer: ER_2305; silent: ER_2304 (both retried, the secondary tried)', async () => {
    const closing = await manager('close');
    expect(failed(await route().send(sampleReport(), routeContext(config(at(closing)))))).toMatchObject({ retry: true, problem: { code: 'ER_2305' } });
    const silent = await manager('silent');
    expect(failed(await route().send(sampleReport(), routeContext(config(at(silent)))))).toMatchObject({ retry: true, problem: { code: 'ER_2304' } });
    const second = await manager('ack');
    expect((await route().send(sampleReport(), routeContext(config(at(silent, second))))).ok).toBe(true);
  });

  it('an answer for another report, or bytes that are not a frame: ER_2306, retried', async () => {
    const wrong = await manager('wrong-id');
    expect(failed(await route().send(sampleReport(), routeContext(config(at(wrong)))))).toMatchObject({ retry: true, problem: { code: 'ER_2306' } });
    const http = await manager('garbage');
    const o = failed(await route().send(sampleReport(), routeContext(config(at(http)))));
    expect(o).toMatchObject({ retry: true, problem: { code: 'ER_2306' } });
    expect(o.problem.message.en).toContain('48 54 54 50'); // "HTTP", as the frame decoder quotes it
  });

  it('a host name that does not resolve: ER_2300, retried', async () => {
    const o = failed(await route().send(sampleReport(), routeContext(config({ 'manager.host': 'no-such-manager.invalid', 'manager.port': 31136 }))));
    expect(o).toMatchObject({ retry: true, problem: { code: 'ER_2300' } });
  });

  it('test and activation go to the manager their target names; no secondary set: ER_2310, not retried', async () => {
    const first = await manager('ack');
    const second = await manager('ack');
    const o = await route().send(sampleReport({ kind: 'test', target: 'secondary' }), routeContext(config(at(first, second))));
    expect(o.ok).toBe(true);
    expect([first.connections, second.connections]).toEqual([0, 1]);
    const none = failed(await route().send(sampleReport({ kind: 'activation', target: 'secondary' }), routeContext(config(at(first)))));
    expect(none).toMatchObject({ retry: false, problem: { code: 'ER_2310', field: 'manager.secondary.host' } });
    expect(failed(await route().send(sampleReport(), routeContext(config({}))))).toMatchObject({
      retry: false,
      problem: { code: 'ER_2311', field: 'manager.host' },
    });
  });

  it('an attachment that cannot be read: ER_2015, retried, no connection made', async () => {
    const m = await manager('ack');
    const broken = () =>
      new Readable({
        read() {
          this.destroy(new Error('EIO: the disk went away'));
        },
      });
    const o = failed(await route(broken).send(sampleReport(), routeContext(config(at(m)))));
    expect(o).toMatchObject({ retry: true, problem: { code: 'ER_2015' } });
    expect(m.connections).toBe(0);
    expect(await staged()).toEqual([]);
  });

  it('the service stopping cancels the wait: ER_2314, the secondary not tried', async () => {
    const silent = await manager('silent');
    const second = await manager('ack');
    const stop = new AbortController();
    const slow = new ManagerRoute({ via: 'express', stateDir, timeouts: { ...fast, answerMs: 60_000 } });
    const sent = slow.send(sampleReport(), routeContext(config(at(silent, second)), stop.signal));
    while (silent.received.length === 0) await new Promise((r) => setTimeout(r, 10));
    stop.abort();
    expect(failed(await sent)).toMatchObject({ retry: true, problem: { code: 'ER_2314' } });
    expect(second.connections).toBe(0);
  });
});

describe('registry: the manager route and HTTPS via a manager', () => {
  it('express.route = manager and https with https.via = manager both reach the manager; direct HTTPS does not', async () => {
    const m = await manager('ack');
    const routes = buildRoutes({ stateDir });
    expect(routes.manager?.name).toBe('manager');
    expect((await routes.manager!.send(sampleReport(), routeContext(config(at(m))))).ok).toBe(true);
    const viaManager = config({ 'express.route': 'https', 'https.via': 'manager', 'https.manager.host': '127.0.0.1', 'https.manager.port': m.port });
    const o = await routes.https!.send(sampleReport(), routeContext(viaManager));
    expect(o.ok && o.detail).toContain(`manager 127.0.0.1:${m.port} acknowledged`);
    expect(m.received).toHaveLength(2);
    // Direct: the HTTPS route, which wants AMHTPADR.INF (none here), never the manager.
    expect(
      failed(await routes.https!.send(sampleReport(), routeContext({ ...viaManager, settings: { ...viaManager.settings, 'https.via': 'direct' } }))).problem
        .code,
    ).toBe('ER_2010');
    expect(m.received).toHaveLength(2);
  });

  it('the budget of an immediate notification covers the 600 s answer, for each manager', () => {
    expect(budgetMs(config({ 'manager.host': 'm' }))).toBeGreaterThanOrEqual(630_000);
    expect(budgetMs(config({ 'manager.host': 'm', 'manager.secondary.host': 'm2' }))).toBeGreaterThanOrEqual(2 * 630_000);
    expect(budgetMs(config({ 'express.route': 'https', 'https.via': 'manager', 'https.manager.host': 'm' }))).toBeGreaterThanOrEqual(630_000);
  });
});
