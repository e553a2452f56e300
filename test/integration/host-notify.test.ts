/**
 * The host's テスト通報 / 開局通報, service status and 通報テスト against real HTTPS receivers on loopback (test CA),
 * with the config set up as an operator would (init → activate by key code → AMHTPADR URLs → https.caFile), driven
 * through the host the command line and `serve` build (service/host-factory.ts), and through the desktop app's bridge
 * (the running service's local API).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTestPki, type TestPki } from '../helpers/peers/test-ca.js';
import { startReceiver, type Answer, type Receiver } from '../helpers/peers/https-receiver.js';
import { tempDirs } from '../helpers/tmp.js';
import { cliMachine } from '../helpers/cli-machine.js';
import { createHost } from '../../service/host-factory.js';
import { RESOURCES_DIR } from '../../service/app-paths.js';
import { ReportingService } from '../../service/daemon/service.js';
import { createNodeHost } from '../../shared/node/host/create.js';
import { type NodeHost } from '../../shared/node/host/host.js';
import { type Notified } from '../../shared/host/api.js';

const tmp = tempDirs();
let pki: TestPki;
let primary: Receiver;
let secondary: Receiver;
let primaryAnswer: Answer = { status: 200, body: 'accepted' };

beforeAll(async () => {
  pki = makeTestPki();
  primary = await startReceiver(pki.server, () => primaryAnswer);
  secondary = await startReceiver(pki.server);
}, 120_000);

afterAll(async () => {
  await primary?.close();
  await secondary?.close();
});

interface Setup {
  host: NodeHost;
  dirs: { configDir: string; stateDir: string };
}

async function setup(): Promise<Setup> {
  const { dirs } = await cliMachine(await tmp(), { who: 'SERVER001', url1: primary.url, url2: secondary.url, caPem: pki.ca.certPem });
  primaryAnswer = { status: 200, body: 'accepted' };
  return { host: await createHost(dirs, {}), dirs };
}

const codes = async (host: NodeHost) => (await host.eventLog()).map((e) => e.code);
const stateOf = (r: Notified) => (r.ok ? r.snapshot.settings['activation.state'] : r.problems.map((p) => p.code).join(','));
const lastReport = (r: Receiver) => r.received.at(-1)?.report as Record<string, unknown> | undefined;

describe('NodeHost: test and activation notifications', () => {
  it('refuses the activation notification before a test, then tests (primary, secondary) and activates', async () => {
    const { host } = await setup();
    const early = await host.activateNotify({});
    expect(early.ok ? [] : early.problems.map((p) => p.code)).toEqual(['ER_3052']);

    const t1 = await host.testNotify({ resultMail: 'result@example.jp' });
    expect(stateOf(t1)).toBe('tested');
    expect(lastReport(primary)).toMatchObject({ kind: 'test', target: 'primary', resultMail: 'result@example.jp' });
    const t2 = await host.testNotify({ target: 'secondary' });
    expect(t2.ok).toBe(true);
    expect(lastReport(secondary)).toMatchObject({ kind: 'test', target: 'secondary', resultMail: 'reply@example.jp' });

    const a = await host.activateNotify({});
    expect(stateOf(a)).toBe('active');
    expect(lastReport(primary)).toMatchObject({ kind: 'activation', target: 'primary' });
    expect(await codes(host)).toEqual(expect.arrayContaining(['ER_3052', 'ER_6020', 'ER_6021']));
    const log = await host.eventLog();
    expect(log.find((e) => e.code === 'ER_6021')?.text.ja).toMatch(/^\[開局通報 一次通報先\]/);
  });

  it('sends a fax result request without an address, and refuses a malformed address without sending', async () => {
    const { host } = await setup();
    const before = primary.received.length;
    const bad = await host.testNotify({ resultMail: 'not an address' });
    expect(bad.ok ? [] : bad.problems.map((p) => [p.field, p.code])).toEqual([['resultMail', 'ER_3007']]);
    expect(primary.received.length).toBe(before);

    expect((await host.testNotify({ resultVia: 'fax', resultMail: 'ignored@example.jp' })).ok).toBe(true);
    const r = lastReport(primary)!;
    expect(r).toMatchObject({ kind: 'test', resultVia: 'fax' });
    expect(r).not.toHaveProperty('resultMail');
  });

  it('on a primary failure reports the coded problem; the secondary then succeeds', async () => {
    const { host } = await setup();
    expect((await host.testNotify({})).ok).toBe(true);
    primaryAnswer = { status: 503, body: 'busy' };
    const failed = await host.activateNotify({});
    expect(failed.ok).toBe(false);
    if (failed.ok) return;
    expect(failed.problems[0]!.code).toMatch(/^ER_2/);
    expect((await host.eventLog()).at(-1)).toMatchObject({ level: 'error', code: failed.problems[0]!.code });
    const second = await host.activateNotify({ target: 'secondary' });
    expect(stateOf(second)).toBe('active');
    expect(lastReport(secondary)).toMatchObject({ kind: 'activation', target: 'secondary' });
  });

  it('lists definition-file errors with ER_5002, and sends anyway when told to ignore them', async () => {
    const { host, dirs } = await setup();
    expect((await host.testNotify({})).ok).toBe(true);
    const log = join(dirs.configDir, 'WebReprt', 'AMHTPLOG.INF');
    await writeFile(log, `${await readFile(log, 'utf8')}\nthis is not a definition line\n`);
    const asked = await host.activateNotify({});
    expect(asked.ok).toBe(false);
    if (asked.ok) return;
    expect(asked.problems.at(-1)!.code).toBe('ER_5002');
    expect(asked.problems.some((p) => p.file === 'WebReprt/AMHTPLOG.INF')).toBe(true);
    expect((await host.eventLog()).at(-1)).toMatchObject({ level: 'warning', code: 'ER_5002' });
    expect(stateOf(await host.activateNotify({ ignoreDefinitionErrors: true }))).toBe('active');
  });
});

describe('NodeHost: the running service', () => {
  it('answers "not running" for the status (undefined) and for 通報テスト (ER_1032)', async () => {
    const { host } = await setup();
    expect(await host.serviceStatus()).toBeUndefined();
    expect(await codes(host)).not.toContain('ER_1032'); // a query leaves no line
    const r = await host.testEvent({ source: 'atapi', id: '0xc0040006' });
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toEqual(['ER_1032']);
    expect(await codes(host)).toEqual(expect.arrayContaining(['ER_1032']));
  });

  it('gives 通報テスト to the service (accepted, delivered, in the status) and tells an unmonitored event apart', async () => {
    const { host, dirs } = await setup();
    expect((await host.testNotify({})).ok).toBe(true);
    expect((await host.activateNotify({})).ok).toBe(true);
    const service = await ReportingService.start({ ...dirs, resourcesDir: RESOURCES_DIR, echo: () => undefined, osEvents: false });
    try {
      const r = await host.testEvent({ source: 'atapi', id: '0xc0040006' });
      expect(r.ok && r.outcome.result).toBe('accepted');
      if (!r.ok || r.outcome.result !== 'accepted') return;
      const id = r.outcome.reportId;
      const deadline = Date.now() + 20_000;
      // The configuration information that follows 開局通報 (AMHTPHBI.INF from init) may arrive first.
      while (!primary.received.some((x) => x.reportId === id) && Date.now() < deadline) await new Promise((res) => setTimeout(res, 100));
      expect(primary.received.find((x) => x.reportId === id)?.report).toMatchObject({ kind: 'failure', event: { source: 'atapi', id: 0xc0040006 } });

      let status = await host.serviceStatus();
      while (status?.lastDelivery?.reportId !== r.outcome.reportId && Date.now() < deadline) {
        await new Promise((res) => setTimeout(res, 100));
        status = await host.serviceStatus();
      }
      expect(status).toMatchObject({ state: 'active', pending: 0, expired: 0, lastDelivery: { reportId: r.outcome.reportId } });

      const ignored = await host.testEvent({ source: 'atapi', id: '0x00000001' });
      expect(ignored).toEqual({ ok: true, outcome: { result: 'ignored', reason: 'not-monitored' } });
      expect(await codes(host)).toEqual(expect.arrayContaining(['ER_6023', 'ER_6025']));
      // The status polls above were queries: none of them left a line in the event log.
      expect(await codes(host)).not.toContain('ER_6026');
    } finally {
      await service.stop();
    }
  }, 60_000);

  it('the desktop host sends テスト通報 through the running service, and says ER_1032 when it is not running', async () => {
    const { dirs } = await setup();
    const desktop = await createNodeHost({ ...dirs, resourcesDir: RESOURCES_DIR, version: 'test' }, {});
    const down = await desktop.testNotify({});
    expect(down.ok ? [] : down.problems.map((p) => p.code)).toEqual(['ER_1032']);
    const service = await ReportingService.start({ ...dirs, resourcesDir: RESOURCES_DIR, echo: () => undefined });
    try {
      const r = await desktop.testNotify({ resultMail: 'desk@example.jp' });
      expect(stateOf(r)).toBe('tested');
      expect(lastReport(primary)).toMatchObject({ kind: 'test', resultMail: 'desk@example.jp' });
      expect((await desktop.serviceStatus())?.pid).toBe(process.pid);
    } finally {
      await service.stop();
    }
  }, 60_000);
});
