/** A relayed report's own way in (service/intake/relayed.ts): refused with a code, or spooled as the agent made it. */
import { describe, expect, it } from 'vitest';
import { type Config } from '../../../../shared/config/model.js';
import { type Report } from '../../../../shared/report/model.js';
import { defaultSettings, type Settings } from '../../../../shared/settings/schema.js';
import { keptOf, relayedIntake, relayRefusal, type RelayedReport } from '../../../../service/intake/relayed.js';
import { Spool } from '../../../../service/spool/spool.js';
import { tempDirs } from '../../../helpers/tmp.js';

const tmp = tempDirs();
const NOW = new Date('2026-01-02T03:04:05.000Z');
const ID = '6f1c1a52-8d4e-4e0a-9a57-1d1b1f1e1a11';
const machine = { serverName: 'agent1', deviceCode: 'N8100-9', serialNumber: 'SN9', userSystemCode: 'U9' };
const event = { source: 'disk', id: 0xc0040006, time: '2026-01-01T00:00:00.000Z', message: 'm' };

const config = (over: Partial<Settings> = {}): Config => ({ settings: { ...defaultSettings(), ...over } as Settings, optionDevices: [], inf: {} });
const relayed = (over: Partial<Report> = {}, port: 'express' | 'https' = 'express'): RelayedReport => ({
  report: { id: ID, kind: 'failure', createdAt: '2025-12-28T00:00:00.000Z', machine, event, count: 3, ...over },
  via: { port, from: '192.0.2.7', receivedAt: NOW.toISOString() },
});

describe('relayRefusal', () => {
  it('takes a stored report whatever the relay switches and express.route say (the agent has its ACK)', () => {
    const both = config({ 'relay.express.enabled': true, 'relay.https.enabled': true, 'express.route': 'off' });
    expect(relayRefusal(both, relayed())).toBeUndefined();
    expect(relayRefusal(both, relayed({}, 'https'))).toBeUndefined();
    expect(relayRefusal(config({ 'relay.https.enabled': true }), relayed())).toBeUndefined();
    expect(relayRefusal(config({}), relayed({}, 'https'))).toBeUndefined();
  });

  it('refuses without a configuration, and a test or activation notification (forwarded at once, never stored)', () => {
    expect(relayRefusal(undefined, relayed())).toMatchObject({ code: 'ER_2370' });
    const on = config({ 'relay.express.enabled': true });
    expect(relayRefusal(on, relayed({ kind: 'test' }))).toMatchObject({ code: 'ER_2372' });
    expect(relayRefusal(on, relayed({ kind: 'activation' }))).toMatchObject({ code: 'ER_2372' });
    expect(relayRefusal(on, relayed({ kind: 'heartbeat', event: undefined }))).toBeUndefined();
  });
});

describe('keptOf', () => {
  it("keeps id, kind, createdAt, machine, count, event and a maintenance notice; never the agent's log paths", () => {
    const notice = { phase: 'start' as const, since: '2026-01-01T00:00:00.000Z', reason: 'r' };
    const r = relayed({ logs: { paths: ['/etc/shadow'], maxBytes: 1 }, target: 'secondary', resultMail: 'a@b.c', maintenance: notice }).report;
    expect(keptOf(r)).toEqual({ id: ID, kind: 'failure', createdAt: r.createdAt, machine, count: 3, event, maintenance: notice });
  });
});

describe('relayedIntake', () => {
  async function setup(c: Config | undefined, payloadBytes: (id: string) => Promise<number> = () => Promise.resolve(0)) {
    const spool = await Spool.open(await tmp(), { now: () => NOW });
    return { spool, intake: relayedIntake({ spool, config: () => c, payloadBytes, framePath: (id) => `/relay/${id}.frame` }) };
  }

  it('spools the report as the agent made it, with how it came and its payload size; the same id twice is one report', async () => {
    const { spool, intake } = await setup(config({ 'relay.express.enabled': true }), () => Promise.resolve(4096));
    const r = relayed({ logs: { paths: ['/etc/shadow'], maxBytes: 1 } });
    expect(await intake(r)).toEqual({ result: 'accepted', reportId: ID });
    expect(await intake(r)).toEqual({ result: 'accepted', reportId: ID });
    const rec = spool.get(ID)!;
    expect(rec.report).toEqual({ id: ID, kind: 'failure', createdAt: r.report.createdAt, machine, event, count: 3 });
    expect(rec.relay).toEqual({ ...r.via, payloadBytes: 4096 });
    expect(rec.collecting).toBeUndefined();
    expect(spool.ageOf(ID)).toBeLessThan(60_000); // from reception, not from the agent's createdAt five days ago
    expect(spool.counts().pending).toBe(1);
  });

  it('refuses, spooling nothing, without a configuration or when the stored frame cannot be read', async () => {
    const off = await setup(undefined);
    expect(await off.intake(relayed())).toMatchObject({ result: 'refused', problem: { code: 'ER_2370' } });
    const gone = await setup(config({ 'relay.express.enabled': true }), () => Promise.reject(new Error('ENOENT: no such file')));
    expect(await gone.intake(relayed())).toMatchObject({
      result: 'refused',
      problem: { code: 'ER_2373', message: { en: expect.stringContaining(`/relay/${ID}.frame`) as string } },
    });
    expect(off.spool.counts().pending + gone.spool.counts().pending).toBe(0);
  });
});
