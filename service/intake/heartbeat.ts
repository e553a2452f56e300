/**
 * 構成情報通報 (AMHTPHBI.INF) taken in as a report: asked for on its schedule (../sources/heartbeat-scheduler.ts) and
 * right after a 開局通報. It is made only while 運用中 with AMHTPHBI.INF; with no route enabled it is logged (ER_2108)
 * and counted, not queued; else it is spooled (naming ./machine.ts's machine) and its [Tools] are collected first when
 * ./plan.ts says so.
 */
import { type Config } from '../../shared/config/model.js';
import { problem, type Problem } from '../../shared/messages/problem.js';
import { type LocalizedText } from '../../shared/messages/text.js';
import { type Collector } from '../collect/collector.js';
import { type Spool } from '../spool/spool.js';
import { machineOf } from './machine.js';
import { collects } from './plan.js';

export interface HeartbeatIntakeDeps {
  /** The last good configuration (none yet: nothing is queued). */
  config(): Config | undefined;
  spool: Pick<Spool, 'accept'>;
  collector: Pick<Collector, 'start'>;
  log(p: Problem): void;
  /** Counts what was not sent for want of a route (status: notSent). */
  noRoute(what: string): void;
}

/** Queues one configuration information report; `why` is logged with it (ER_6408: scheduled, after 開局通報). */
export function heartbeatIntake(d: HeartbeatIntakeDeps): (why: LocalizedText) => Promise<void> {
  return async (why) => {
    const c = d.config();
    if (!c?.inf.hbi || c.settings['activation.state'] !== 'active') return;
    if (c.settings['express.route'] === 'off') {
      d.log(problem('ER_2108', { why }));
      d.noRoute(`heartbeat (${why.en})`);
      return;
    }
    const collecting = collects('heartbeat', c).yes;
    const report = await d.spool.accept({ kind: 'heartbeat', machine: machineOf(c.settings) }, { collecting });
    d.log(problem('ER_6408', { id: report.id, why }));
    if (collecting) d.collector.start(report);
  };
}
