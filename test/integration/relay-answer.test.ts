/**
 * The center's answer through the manager (issue 13, H7), end to end on loopback: an agent's テスト通報 (driven through
 * its host, as the window does) goes to a real manager service process, which forwards it at once over dial-up (a Hayes
 * modem emulator) or HTTPS (a center): the agent's result carries the manager's words and, over dial-up only, noResult.
 * And the manager's own 到達確認テスト over dial-up with an agent's user system code: the frame reaching the modem names
 * that code (OPFILELESS), checked at the HostApi boundary first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHost } from '../../service/host-factory.js';
import { dispatch } from '../../shared/node/host/dispatch.js';
import { type Notified } from '../../shared/host/api.js';
import { startModemEmulator, type ModemEmulator } from '../helpers/peers/modem-emulator.js';
import { activatedMachine, startCenter, startService, type Center, type Machine, type ServiceProcess } from '../helpers/service-process.js';

let base: string;
let center: Center;
let modem: ModemEmulator;
const processes: ServiceProcess[] = [];

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'er-relay-answer-'));
  center = await startCenter(base);
  modem = await startModemEmulator(await mkdtemp(join(tmpdir(), 'er-relay-answer-modem-')));
}, 60_000);

afterAll(async () => {
  for (const p of processes) await p.stop();
  await center?.receiver.close();
  await modem?.stop();
  await rm(base, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

const machine = (name: string, settings: string[]): Promise<Machine> =>
  activatedMachine(join(base, name), { url: center.receiver.url, caFile: center.caFile, settings });

const dialup = ['dialup.serial.port', '', 'dialup.primary.number', '123-456-7890', 'dialup.intervalSeconds', '0'];

/** A manager service process forwarding 31136 over dial-up and receiving 31138 (HTTPS) on free ports. */
async function dialupManager(): Promise<{ m: Machine; express: number; https: number }> {
  const express = await freePort();
  const https = await freePort();
  const m = await machine('manager', [
    'relay.express.enabled',
    'on',
    'relay.express.port',
    String(express),
    'relay.express.forward',
    'dialup',
    ...dialup.map((v, i) => (i === 1 ? modem.modemPath : v)),
    'relay.https.enabled',
    'on',
    'relay.https.port',
    String(https),
  ]);
  processes.push(await startService(m, ['--no-os-events']));
  return { m, express, https };
}

let manager: Awaited<ReturnType<typeof dialupManager>>;

const ok = (r: Notified): Extract<Notified, { ok: true }> => {
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.code} ${p.message.en}`).join('; '));
  return r;
};

describe("the center's answer through the manager", () => {
  beforeAll(async () => {
    manager = await dialupManager();
  }, 90_000);

  it('over a dial-up forwarding manager: the agent reads that no result comes (noResult), in the manager words', async () => {
    const agent = await machine('agent-dialup', ['express.route', 'manager', 'manager.host', '127.0.0.1', 'manager.port', String(manager.express)]);
    const frames = modem.frames.length;
    const r = ok(await (await createHost(agent, {})).testNotify({ resultMail: 'agent@example.jp' }));
    expect(r.noResult).toBe(true);
    expect(r.answer?.code).toBe('ER_6702');
    expect(r.answer?.message.ja).toContain('テスト結果は送付されません');
    expect(r.answer?.message.en).toContain(`127.0.0.1:${manager.express}`); // said to be that manager's
    expect(r.detail).toContain('ER_6702');
    // the test reached the center's modem, as the agent's report
    const f = modem.frames.slice(frames).find((x) => x.report?.kind === 'test');
    expect(f?.report).toMatchObject({ kind: 'test', resultMail: 'agent@example.jp', machine: { serverName: 'S1' } });
  }, 90_000);

  it('over HTTPS: the center answer, and a result mail comes (no noResult)', async () => {
    const agent = await machine('agent-https', [
      'express.route',
      'https',
      'https.via',
      'manager',
      'https.manager.host',
      '127.0.0.1',
      'https.manager.port',
      String(manager.https),
    ]);
    const seen = center.receiver.received.length;
    const r = ok(await (await createHost(agent, {})).testNotify({ resultMail: 'agent2@example.jp' }));
    expect(r.noResult).toBeUndefined();
    expect(r.answer?.code).toBe('ER_6700');
    expect(r.answer?.message.en).toContain('The result is sent to the chosen address');
    const got = center.receiver.received.slice(seen).find((x) => (x.report as { kind?: string } | undefined)?.kind === 'test');
    expect(got?.report).toMatchObject({ kind: 'test', resultMail: 'agent2@example.jp' });
    expect(r.answer?.message.en).toContain(got!.reportId!); // the center's answer names the report it took
  }, 90_000);
});

describe("the manager's 到達確認テスト over dial-up", () => {
  it('names the agent user system code (OPFILELESS) in the frame that reaches the modem; a bad user ID is refused at the boundary', async () => {
    const host = await createHost(manager.m, {});
    const override = { values: { 'express.route': 'dialup' } };
    const bad = await dispatch(host, 'testNotify', { target: 'primary', userSystemCode: 'U 1', override });
    expect(bad.ok ? [] : bad.problems.map((p) => [p.code, p.detail])).toEqual([['ER_1021', expect.stringContaining('userSystemCode') as string]]);
    const frames = modem.frames.length;
    const r = await dispatch(host, 'testNotify', { target: 'primary', userSystemCode: 'OPFILELESS', override });
    expect(r).toMatchObject({ ok: true, result: { ok: true } });
    const f = modem.frames.slice(frames).find((x) => x.report?.kind === 'test');
    expect(f?.report).toMatchObject({ kind: 'test', machine: { userSystemCode: 'OPFILELESS', serverName: 'S1' } });
    expect(modem.dials.at(-1)).toContain('123-456-7890');
  }, 90_000);
});
