/**
 * Runs log collection for accepted reports (docs/log-collection.md): a failure report by AMHTPLOG.INF, a heartbeat by
 * AMHTPHBI.INF [Tools]. The report is already durable and held (`collecting`); when the collection ends it is released
 * with its logs, or without them when collection failed (said in the log, never silently). One collection at a time,
 * so a burst of events does not start a burst of commands. A collection cut short by a stop runs again at start.
 */
import { join } from 'node:path';
import { type Config } from '../../shared/config/model.js';
import { problem, type Problem } from '../../shared/messages/problem.js';
import { reasonOf } from '../../shared/node/coded-error.js';
import { type Report } from '../../shared/report/model.js';
import { type LogPlan } from '../../shared/inf/log-match.js';
import { type LogModel } from '../../shared/inf/log.js';
import { collectForEvent, collectTools, type CollectResult } from './collect.js';
import { type Spool } from '../spool/spool.js';

export interface CollectorOptions {
  spool: Spool;
  configDir: string;
  config: () => Config | undefined;
  log: (p: Problem, reportId?: string) => void;
}

export class Collector {
  private readonly abort = new AbortController();
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly o: CollectorOptions) {}

  /**
   * Queues the collection for a report accepted with `collecting`; returns at once. `planned`: the plan intake made
   * (service/intake/plan.ts), followed while AMHTPLOG.INF is still the one it was made from; else planned again.
   */
  start(report: Report, planned?: { plan: LogPlan; model: LogModel }): void {
    this.chain = this.chain.then(() => this.run(report, planned));
  }

  /** Reports left `collecting` by a stop: collected again, oldest first. */
  resume(): void {
    for (const rec of this.o.spool.collecting()) {
      this.o.log(problem('ER_6313', { id: rec.report.id }), rec.report.id);
      this.start(rec.report);
    }
  }

  /** Ends the running command (its tree) and waits; what was not finished stays `collecting` for the next start. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.chain;
  }

  private async run(report: Report, planned?: { plan: LogPlan; model: LogModel }): Promise<void> {
    if (this.abort.signal.aborted) return;
    let result: CollectResult = { logs: undefined, notes: [] };
    try {
      result = await this.collect(report, planned);
    } catch (e) {
      result = { logs: undefined, notes: [problem('ER_1305', { id: report.id, reason: reasonOf(e) })] };
    }
    result.notes.forEach((n) => this.o.log(n, report.id));
    // Stopped mid-way: leave it held, so the next start collects again rather than sending half the logs.
    if (this.abort.signal.aborted) return;
    try {
      await this.o.spool.finishCollection(report.id, result.logs);
      this.o.log(problem('ER_6312', { id: report.id, paths: result.logs?.paths.length ?? 0 }), report.id);
    } catch (e) {
      this.o.log(problem('ER_1305', { id: report.id, reason: reasonOf(e) }), report.id);
    }
  }

  private collect(report: Report, planned?: { plan: LogPlan; model: LogModel }): Promise<CollectResult> {
    const c = this.o.config();
    const dir = join(this.o.configDir, 'WebReprt');
    const signal = this.abort.signal;
    // TimeOut=0 is "no limit" in the manual; one hung command would then hold every later report (collections run one
    // at a time) until each expired. The report's own retry limit bounds it instead.
    const bound = <T extends { timeoutSeconds: number }>(m: T): T =>
      m.timeoutSeconds > 0 || !c ? m : { ...m, timeoutSeconds: c.settings['schedule.retry.limitHours'] * 3600 };
    if (report.kind === 'failure' && report.event && c?.inf.log) {
      const plan = planned?.model === c.inf.log ? planned.plan : undefined;
      return collectForEvent(report.event, bound(c.inf.log), { definitionFile: join(dir, 'AMHTPLOG.INF'), signal }, plan);
    }
    if (report.kind === 'heartbeat' && c?.inf.hbi) {
      const hbi = bound(c.inf.hbi);
      return collectTools(hbi.tools, hbi, { definitionFile: join(dir, 'AMHTPHBI.INF'), signal });
    }
    return Promise.resolve({ logs: undefined, notes: [] }); // the definition file went away meanwhile: nothing to take
  }
}
