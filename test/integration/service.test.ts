/**
 * The service end to end against a real HTTPS receiver on loopback (test CA): init → activate (headless) → test
 * notification → activation notification → `service` running as its own process → `event` (pseudo failure test) →
 * delivered with its X-Report-Id → `status`. The real command line, as an operator would type it.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile, access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestPki, type TestPki } from '../helpers/peers/test-ca.js';
import { startReceiver, type Receiver } from '../helpers/peers/https-receiver.js';
import { processCli, type ProcessRun } from '../helpers/process-cli.js';
import { activateArgs, pointDestinations } from '../helpers/activation.js';

let base: string;
let pki: TestPki;
let receiver: Receiver;
let cli: (args: string[]) => Promise<ProcessRun>;
let service: ChildProcess | undefined;
let argv: string[];

async function waitFor(path: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    if (
      await access(path).then(
        () => true,
        () => false,
      )
    )
      return;
    if (Date.now() > end) throw new Error(`${path} did not appear`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'er-service-'));
  pki = makeTestPki();
  receiver = await startReceiver(pki.server);
  const caFile = join(base, 'center-ca.pem');
  await writeFile(caFile, pki.ca.certPem);
  ({ argv, run: cli } = processCli(join(base, 'config'), join(base, 'state')));
  expect((await cli(['init'])).code).toBe(0);
  expect((await cli(activateArgs('SERVER001'))).code).toBe(0);
  await pointDestinations(join(base, 'config'), receiver.url);
  expect((await cli(['config', 'set', 'https.caFile', caFile])).code).toBe(0);
}, 120_000);

afterAll(async () => {
  if (service && service.exitCode === null) service.kill('SIGKILL');
  await receiver?.close();
  await rm(base, { recursive: true, force: true });
});

describe('express-report service (HTTPS)', () => {
  it('refuses the activation notification before a successful test', async () => {
    const r = await cli(['activate-notify']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/ER_3052/);
  });

  it('sends the test notification, then the activation notification, each carrying its id', async () => {
    const t = await cli(['test-notify', '--result-mail', 'result@example.jp']);
    expect(t.code, t.err).toBe(0);
    expect((await cli(['config', 'get', 'activation.state'])).out.trim()).toBe('tested');
    const a = await cli(['activate-notify']);
    expect(a.code, a.err).toBe(0);
    expect((await cli(['config', 'get', 'activation.state'])).out.trim()).toBe('active');
    const kinds = receiver.received.map((r) => r.report as { kind: string; id: string });
    expect(kinds.map((k) => k.kind)).toEqual(['test', 'activation']);
    expect(receiver.received.map((r) => r.reportId)).toEqual(kinds.map((k) => k.id));
    expect((receiver.received[0]!.report as { resultMail: string }).resultMail).toBe('result@example.jp');
  });

  it('runs as a service: a pseudo failure event is delivered with its X-Report-Id and shows in status', async () => {
    service = spawn(process.execPath, [...argv, 'service'], { env: { ...process.env, LANG: 'C' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    service.stderr!.on('data', (c: Buffer) => {
      log += c.toString();
    });
    await waitFor(join(base, 'state', 'service.json'));

    const second = await cli(['service']);
    expect(second.code).toBe(1);
    expect(second.err).toMatch(/ER_1030/);

    const before = receiver.received.length;
    const e = await cli(['event', '--source', 'atapi', '--id', '0xc0040006', '--message', 'pseudo failure']);
    expect(e.code, e.err).toBe(0);
    const outcome = JSON.parse(e.out.trim().split('\n').at(-1)!) as { result: string; reportId: string };
    expect(outcome.result).toBe('accepted');
    const deadline = Date.now() + 20_000;
    while (receiver.received.length === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const got = receiver.received.at(-1)!;
    expect(got.reportId).toBe(outcome.reportId);
    expect(got.report).toMatchObject({ kind: 'failure', event: { source: 'atapi', id: 0xc0040006 } });

    const ignored = await cli(['event', '--source', 'atapi', '--id', '0x00000001']);
    expect(JSON.parse(ignored.out.trim().split('\n').at(-1)!)).toEqual({ result: 'ignored', reason: 'not-monitored' });

    const status = JSON.parse((await cli(['status', '--json'])).out) as { state: string; pending: number; lastDelivery: { reportId: string } };
    expect(status).toMatchObject({ state: 'active', pending: 0, lastDelivery: { reportId: outcome.reportId } });

    const exited = new Promise<number | null>((r) => service!.once('exit', (code) => r(code)));
    service.kill('SIGTERM');
    expect(await exited).toBe(0);
    await expect(access(join(base, 'state', 'service.lock'))).rejects.toThrow();
    expect(log).toMatch(/ER_6010/);
  }, 60_000);
});
