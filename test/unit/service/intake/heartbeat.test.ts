/** The configuration information taken in as a report (service/intake/heartbeat.ts) and the no-route count (no-route.ts). */
import { describe, expect, it } from 'vitest';
import { type Config } from '../../../../shared/config/model.js';
import { DEFAULT_HBI_MODEL } from '../../../../shared/inf/hbi.js';
import { type Problem } from '../../../../shared/messages/problem.js';
import { type Report } from '../../../../shared/report/model.js';
import { defaultSettings, type Settings } from '../../../../shared/settings/schema.js';
import { heartbeatIntake } from '../../../../service/intake/heartbeat.js';
import { machineOf } from '../../../../service/intake/machine.js';
import { NoRouteCount } from '../../../../service/intake/no-route.js';
import { type NewReport } from '../../../../service/spool/spool.js';

function config(over: Partial<Settings> = {}, hbi = true): Config {
  const settings = { ...defaultSettings(), 'activation.state': 'active', 'express.route': 'https', 'machine.serverName': 'srv1', ...over } as Settings;
  return { settings, optionDevices: [], inf: hbi ? { hbi: { ...DEFAULT_HBI_MODEL } } : {} };
}

function setup(c: Config | undefined) {
  const accepted: Array<{ init: NewReport; collecting?: boolean }> = [];
  const started: string[] = [];
  const logged: Problem[] = [];
  const noRoute = new NoRouteCount();
  const queue = heartbeatIntake({
    config: () => c,
    spool: {
      accept: (init, opts = {}) => {
        accepted.push({ init, collecting: opts.collecting });
        return Promise.resolve({ id: `r${accepted.length}`, kind: init.kind } as Report);
      },
    },
    collector: { start: (r) => void started.push(r.id) },
    log: (p) => logged.push(p),
    noRoute: (what) => noRoute.add(what),
  });
  return { accepted, started, logged, noRoute, queue };
}
const WHY = { ja: '定期', en: 'scheduled' };

describe('heartbeatIntake', () => {
  it('spools one configuration information report naming the machine, logs it (ER_6408) and collects its [Tools]', async () => {
    const c = config();
    const s = setup(c);
    await s.queue(WHY);
    expect(s.accepted).toEqual([{ init: { kind: 'heartbeat', machine: machineOf(c.settings) }, collecting: true }]);
    expect(s.logged.map((p) => p.code)).toEqual(['ER_6408']);
    expect(s.started).toEqual(['r1']);
    expect(s.noRoute.notSent()).toBeUndefined();
  });

  it('queues nothing without AMHTPHBI.INF, outside 運用中, or before a configuration', async () => {
    for (const c of [config({}, false), config({ 'activation.state': 'tested' }), undefined]) {
      const s = setup(c);
      await s.queue(WHY);
      expect(s.accepted).toEqual([]);
      expect(s.logged).toEqual([]);
    }
  });

  it('with no route enabled: logged (ER_2108) and counted, not queued', async () => {
    const s = setup(config({ 'express.route': 'off' }));
    await s.queue(WHY);
    expect(s.accepted).toEqual([]);
    expect(s.logged.map((p) => p.code)).toEqual(['ER_2108']);
    expect(s.noRoute.notSent()).toMatchObject({ noRoute: 1, last: { what: 'heartbeat (scheduled)' } });
  });
});

describe('NoRouteCount', () => {
  it('counts what was not sent and keeps the last one, for status', () => {
    const n = new NoRouteCount();
    expect(n.notSent()).toBeUndefined();
    n.add('disk 0xc0040006');
    n.add('failure r2');
    expect(n.notSent()).toEqual({ noRoute: 2, last: { at: expect.any(String), what: 'failure r2' } });
  });
});
