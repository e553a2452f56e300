/** Each intake stage alone (service/intake/), then the pipeline they make: the outcomes, the log, what is spooled. */
import { describe, expect, it } from 'vitest';
import { type Config } from '../../../../shared/config/model.js';
import { type EventOutcome } from '../../../../shared/host/service-types.js';
import { IniDocument } from '../../../../shared/ini/document.js';
import { decodeLog } from '../../../../shared/inf/log.js';
import { type Problem } from '../../../../shared/messages/problem.js';
import { type Report, type ReportEvent } from '../../../../shared/report/model.js';
import { defaultSettings, type Settings } from '../../../../shared/settings/schema.js';
import { type LogEntry } from '../../../../service/common/log-entry.js';
import { admitStage } from '../../../../service/intake/admit.js';
import { collectStage } from '../../../../service/intake/collect-stage.js';
import { machineOf } from '../../../../service/intake/machine.js';
import { matchStage, MonitoredEvents } from '../../../../service/intake/monitored.js';
import { type Admitted, type CollectionPlan, type Planned } from '../../../../service/intake/passing.js';
import { buildIntake } from '../../../../service/intake/pipeline.js';
import { collects, planStage } from '../../../../service/intake/plan.js';
import { spoolStage } from '../../../../service/intake/spool-stage.js';
import { serial, type Step } from '../../../../service/intake/stage.js';
import { suppressStage, Suppressor } from '../../../../service/intake/suppression.js';
import { validateStage } from '../../../../service/intake/validate.js';
import { Spool } from '../../../../service/spool/spool.js';
import { tempDirs } from '../../../helpers/tmp.js';

const tmp = tempDirs();
const NOW = new Date('2026-01-02T03:04:05.000Z');
const ev = (source = 'disk', id = 0xc0040006): ReportEvent => ({ source, id, time: '2026-01-01T00:00:00.000Z', message: 'm' });

function config(over: Partial<Settings> = {}, log?: string[]): Config {
  const settings = {
    ...defaultSettings(),
    'activation.state': 'active',
    'express.route': 'https',
    'machine.serverName': 'srv1',
    'machine.deviceCode': 'N8100-1',
    'machine.serialNumber': 'SN1',
    'activation.userSystemCode': 'U1',
    ...over,
  } as Settings;
  const inf = log ? { log: decodeLog(IniDocument.parse(log.join('\r\n') + '\r\n'), 'AMHTPLOG.INF').model } : {};
  return { settings, optionDevices: [], inf };
}
const TOOL = ['[Tool001]', 'SourceName01=disk', 'EventID01=0xc0040006', 'Command="/opt/t/a.sh"', 'LogFile="/var/log/a"', 'Directory="/opt/t"'];
const NONE = ['[DefaultTools]', 'Command=""', 'LogFile=""', 'Directory=""', '[NoneTrouble]', 'SourceName01=disk', 'EventID01=0xc0040007'];
const monitored = new MonitoredEvents([
  { source: 'disk', id: 'C0040006', report: true, severity: 'error' },
  { source: 'disk', id: 'C0040007', report: true, severity: 'warning' },
  { source: 'disk', id: '00000001', report: false, severity: 'information' },
] as never);

const ended = <T>(s: Step<T>): EventOutcome | undefined => ('end' in s ? s.end : undefined);
const passed = <T>(s: Step<T>): T => {
  if ('end' in s) throw new Error(`ended: ${JSON.stringify(s.end)}`);
  return s.next;
};

describe('validate', () => {
  it('makes the id unsigned and gives an event without a time the time it arrived', async () => {
    const v = validateStage(() => NOW);
    expect(passed(await v({ source: 'disk', id: 0xc0040006 | 0, message: 'm' }))).toEqual({
      source: 'disk',
      id: 0xc0040006,
      time: NOW.toISOString(),
      message: 'm',
    });
    expect(passed(await v({ source: 'disk', id: 1, message: 'm', time: 'T' })).time).toBe('T');
  });
});

describe('match monitored events', () => {
  it('ends an event that is not on the list, or not to be reported, as not-monitored', async () => {
    const m = matchStage(monitored);
    expect(passed(await m(ev()))).toEqual(ev());
    expect(ended(await m(ev('DISK', 0xc0040006 | 0)))).toBeUndefined(); // case and sign do not matter
    expect(ended(await m(ev('disk', 1)))).toEqual({ result: 'ignored', reason: 'not-monitored' });
    expect(ended(await m(ev('net', 0xc0040006)))).toEqual({ result: 'ignored', reason: 'not-monitored' });
  });
});

describe('admit', () => {
  const setup = (c: Config | undefined) => {
    const logged: Problem[] = [];
    const noRoute: string[] = [];
    return { logged, noRoute, admit: admitStage({ config: () => c, log: (p) => logged.push(p), noRoute: (w) => noRoute.push(w) }) };
  };

  it('takes an event while in use (運用中, and the older 停止中), with the configuration it read', async () => {
    for (const state of ['active', 'paused'] as const) {
      const c = config({ 'activation.state': state });
      expect(passed(await setup(c).admit(ev()))).toEqual({ event: ev(), config: c });
    }
  });

  it('ignores it (not-active) without a configuration or before activation', async () => {
    expect(ended(await setup(undefined).admit(ev()))).toEqual({ result: 'ignored', reason: 'not-active' });
    expect(ended(await setup(config({ 'activation.state': 'not-activated' })).admit(ev()))).toEqual({ result: 'ignored', reason: 'not-active' });
  });

  it('with no route enabled, logs it once (ER_2106), counts it and does not queue it (no-route)', async () => {
    const s = setup(config({ 'express.route': 'off' }));
    expect(ended(await s.admit(ev()))).toEqual({ result: 'ignored', reason: 'no-route' });
    expect(s.logged.map((p) => p.code)).toEqual(['ER_2106']);
    expect(s.noRoute).toEqual(['disk 0xc0040006']);
  });
});

describe('suppress', () => {
  it('ends a folded event with its report and count; a new one goes on and logs an escalation once spooled', async () => {
    const spool = await Spool.open(await tmp(), { now: () => NOW });
    const logs: LogEntry[] = [];
    const sup = new Suppressor({
      spool,
      now: () => NOW,
      settings: () => ({ use: true, windowMinutes: 60 }),
      severityOf: () => 'error',
      onEvent: (e) => logs.push(e),
    });
    const stage = suppressStage(sup);
    const x: Admitted = { event: ev(), config: config() };
    const fresh = passed(await stage(x));
    const report = await spool.accept({ kind: 'failure', event: ev(), machine: machineOf(x.config.settings), count: 1 });
    fresh.onSpooled?.(report);
    expect(logs.map((l) => l.code)).toEqual([]); // nothing recent: no escalation
    expect(ended(await stage(x))).toEqual({ result: 'folded', reportId: report.id, count: 2 });
  });
});

describe('plan collection', () => {
  it('plans once, with the model it was made from; says why nothing is collected', async () => {
    const withTool = config({}, TOOL);
    const p = collects('failure', withTool, ev());
    expect(p).toMatchObject({ yes: true, plan: { via: 'tools' } });
    expect(p.model).toBe(withTool.inf.log);
    expect(collects('failure', config({}, NONE), ev('disk', 0xc0040007))).toMatchObject({ yes: false, why: { code: 'ER_6301' } });
    expect(collects('failure', config(), ev())).toEqual({ yes: false });
    expect(passed(await planStage()({ event: ev(), config: withTool })).collection).toEqual(p);
  });
});

describe('spool', () => {
  it("makes the report durable with this machine, held when it collects; tells the plan's reason after", async () => {
    const spool = await Spool.open(await tmp(), { now: () => NOW });
    const logged: Problem[] = [];
    const told: Report[] = [];
    const why = { code: 'ER_6301' } as Problem;
    const x: Planned = { event: ev(), config: config(), collection: { yes: true, why }, onSpooled: (r) => told.push(r) };
    const out = passed(await spoolStage({ spool, log: (p) => logged.push(p) })(x));
    expect(out.report).toMatchObject({
      kind: 'failure',
      event: ev(),
      count: 1,
      machine: { serverName: 'srv1', deviceCode: 'N8100-1', serialNumber: 'SN1', userSystemCode: 'U1' },
    });
    expect(spool.collecting().map((r) => r.report.id)).toEqual([out.report.id]);
    expect(told).toEqual([out.report]);
    expect(logged).toEqual([why]);
  });
});

describe('collect', () => {
  it('queues the collection (with the plan) only for a held report, and says accepted', async () => {
    const started: Array<[string, unknown]> = [];
    const stage = collectStage({ start: (r, p) => started.push([r.id, p]) });
    const report = { id: 'r1' } as Report;
    const plan = collects('failure', config({}, TOOL), ev());
    expect(ended(await stage({ report, collection: plan }))).toEqual({ result: 'accepted', reportId: 'r1' });
    expect(ended(await stage({ report: { id: 'r2' } as Report, collection: { yes: false } as CollectionPlan }))).toEqual({
      result: 'accepted',
      reportId: 'r2',
    });
    expect(started).toEqual([['r1', { plan: plan.plan, model: plan.model }]]);
  });
});

describe('serial', () => {
  it('runs one call at a time, in order, and goes on after a failure', async () => {
    const order: string[] = [];
    const stage = serial(async (n: number): Promise<Step<number>> => {
      order.push(`in ${n}`);
      await new Promise((r) => setTimeout(r, 5 - n));
      order.push(`out ${n}`);
      if (n === 1) throw new Error('x');
      return { next: n };
    });
    const runs = [stage(1), stage(2)];
    await expect(runs[0]).rejects.toThrow('x');
    await runs[1];
    expect(order).toEqual(['in 1', 'out 1', 'in 2', 'out 2']);
  });
});

describe('the pipeline', () => {
  async function setup(c: Config) {
    const spool = await Spool.open(await tmp(), { now: () => NOW });
    const logged: Problem[] = [];
    const started: string[] = [];
    const sup = new Suppressor({
      spool,
      now: () => NOW,
      settings: () => ({ use: true, windowMinutes: 60 }),
      severityOf: (s, id) => monitored.match(s, id)?.severity,
    });
    const intake = buildIntake({
      monitored,
      suppressor: sup,
      spool,
      collector: { start: (r) => started.push(r.id) },
      config: () => c,
      log: (p) => logged.push(p),
      noRoute: () => undefined,
      now: () => NOW,
    });
    return { spool, intake, logged, started };
  }

  it('takes a burst of identical events as one report, collected once', async () => {
    const { intake, spool, started } = await setup(config({}, TOOL));
    const e = { source: 'disk', id: 0xc0040006, message: 'm' };
    const [a, b, c] = await Promise.all([intake.event(e), intake.event(e), intake.event(e)]);
    expect(a).toMatchObject({ result: 'accepted' });
    const id = a.result === 'accepted' ? a.reportId : '';
    expect([b, c]).toEqual([
      { result: 'folded', reportId: id, count: 2 },
      { result: 'folded', reportId: id, count: 3 },
    ]);
    expect(spool.counts().pending).toBe(1);
    expect(started).toEqual([id]);
    expect(await intake.event({ source: 'disk', id: 1, message: 'm' })).toEqual({ result: 'ignored', reason: 'not-monitored' });
  });

  it('enters a relayed report past suppression (never folded with our own), with its own id, creation time and machine, collecting nothing', async () => {
    const { intake, spool, started } = await setup(config({ 'relay.express.enabled': true }, TOOL));
    const e = { source: 'disk', id: 0xc0040006, message: 'm', time: '2026-01-01T00:00:00.000Z' };
    const machine = { serverName: 'other', deviceCode: 'D', serialNumber: 'S', userSystemCode: 'U' };
    const report = { id: '6f1c1a52-8d4e-4e0a-9a57-1d1b1f1e1a11', kind: 'failure' as const, createdAt: '2026-01-02T03:00:00.000Z', machine, event: e, count: 1 };
    await intake.event(e);
    const via = { port: 'express' as const, from: '192.0.2.7', receivedAt: NOW.toISOString() };
    expect(await intake.relayed({ report, via })).toEqual({ result: 'accepted', reportId: report.id });
    expect(spool.get(report.id)?.report).toMatchObject({ createdAt: report.createdAt, machine, count: 1 });
    expect(spool.get(report.id)?.relay).toEqual({ ...via, payloadBytes: 0 });
    expect(spool.counts().pending).toBe(2);
    expect(started).toHaveLength(1);
  });
});
