/**
 * Report suppression (通報の抑制, docs/delivery.md). Identical events (same source and event id) within
 * suppression.windowMinutes of a report become one report:
 *   - while that report still waits in the spool, the event is counted in it (its `count`, rewritten atomically);
 *   - once it has been sent (or while it is being sent), the event is only logged (ER_6054) with a running count for
 *     the window; nothing is carried into a later report.
 * The window is fixed from the first report's acceptance, so a steady stream still yields one report per window.
 * An event more severe than every recent report from the same source is never held back (the REMCS rule): it goes
 * out at once as its own report. Because folding needs the same event id, such an event always gets its own report;
 * the rule is checked and logged (ER_6055) so that it stays true if the matching is ever widened.
 */
import { formatEventId, type Report, type ReportEvent } from '../../shared/report/model.js';
import { type Settings } from '../../shared/settings/schema.js';
import { logEntry, type LogSink } from '../common/log-entry.js';
import { type NewReport, type Spool } from '../spool/spool.js';
import { type Admitted, type Fresh } from './passing.js';
import { end, next, type Stage } from './stage.js';

export type EventSeverity = 'error' | 'warning' | 'information';
export interface SuppressionSettings {
  use: boolean;
  windowMinutes: number;
}
export type IntakeResult =
  | { action: 'reported'; report: Report; escalated: boolean }
  | { action: 'folded'; report: Report }
  | { action: 'suppressed'; reportId: string; suppressed: number };

/** What suppression decided before the spool: folded, counted in the log, or a new report (then made by the caller). */
export type Decision = Exclude<IntakeResult, { action: 'reported' }> | { action: 'new'; escalated: boolean };

export interface SuppressorOptions {
  spool: Spool;
  settings(): SuppressionSettings;
  /** From the monitored-event list. An unknown event counts as an error: it is never understated. */
  severityOf(source: string, id: number): EventSeverity | undefined;
  now?: () => Date;
  onEvent?: LogSink;
}

const RANK: Record<EventSeverity, number> = { information: 0, warning: 1, error: 2 };

export function suppressionSettings(s: Settings): SuppressionSettings {
  return { use: s['suppression.use'], windowMinutes: s['suppression.windowMinutes'] };
}

export class Suppressor {
  private readonly now: () => Date;
  private readonly log: LogSink;
  /** Per sent report: how many identical events were not reported in its window (in memory: it only feeds the log). */
  private readonly suppressed = new Map<string, number>();
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly o: SuppressorOptions) {
    this.now = o.now ?? (() => new Date());
    this.log = o.onEvent ?? (() => undefined);
  }

  /**
   * One matched event, as the whole of suppression and the spool: `build` makes the report when one is needed. Events
   * are handled one at a time, in order. The intake pipeline (./pipeline.ts) runs decide() and reported() itself, with
   * the collection plan and the spool as stages of their own between them.
   */
  intake(event: ReportEvent, build: (event: ReportEvent) => NewReport, accept: { collecting?: boolean } = {}): Promise<IntakeResult> {
    const run = this.chain.then(async (): Promise<IntakeResult> => {
      const d = await this.decide(event);
      if (d.action !== 'new') return d;
      const report = await this.o.spool.accept({ ...build(event), count: 1 }, accept);
      this.reported(event, report, d.escalated);
      return { action: 'reported', report, escalated: d.escalated };
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  /**
   * Folds the event into the waiting report, or counts it against the one sent in the window; else says a new report is
   * due, and whether it is more severe than every recent report of its source. The caller serialises the calls, up to
   * the new report's acceptance in the spool (the next event must see it).
   */
  async decide(event: ReportEvent): Promise<Decision> {
    const { use, windowMinutes } = this.o.settings();
    const since = this.now().getTime() - windowMinutes * 60_000;
    const recent = use ? this.o.spool.recent(event.source, since) : [];
    for (const id of this.suppressed.keys()) if (!recent.some((e) => e.report.id === id)) this.suppressed.delete(id);
    const names = { source: event.source, eventId: formatEventId(event.id) };

    const same = recent
      .filter((e) => e.report.event?.id === event.id)
      .sort((a, b) => Date.parse(a.report.createdAt) - Date.parse(b.report.createdAt))
      .at(-1);
    if (same) {
      const folded = same.folder === 'pending' ? await this.o.spool.update(same.report.id, (r) => ({ ...r, count: r.count + 1 })) : undefined;
      if (folded) {
        this.log(logEntry('ER_6053', { ...names, id: folded.id, count: folded.count }, folded.id));
        return { action: 'folded', report: folded };
      }
      // Its report could not be written after all (the disk was full): nothing to count this in, so a report of its own.
      if (this.o.spool.get(same.report.id) === undefined) return { action: 'new', escalated: false };
      const n = (this.suppressed.get(same.report.id) ?? 0) + 1;
      this.suppressed.set(same.report.id, n);
      this.log(logEntry('ER_6054', { ...names, id: same.report.id, minutes: windowMinutes, count: n }, same.report.id));
      return { action: 'suppressed', reportId: same.report.id, suppressed: n };
    }

    const severity = this.rank(event.source, event.id);
    const escalated = recent.length > 0 && recent.every((e) => this.rank(e.report.event?.source ?? '', e.report.event?.id ?? 0) < severity);
    return { action: 'new', escalated };
  }

  /** The new report is in the spool: an escalation (the REMCS rule) is logged with its id (ER_6055). */
  reported(event: ReportEvent, report: Report, escalated: boolean): void {
    const names = { source: event.source, eventId: formatEventId(event.id) };
    if (escalated) this.log(logEntry('ER_6055', { ...names, severity: this.o.severityOf(event.source, event.id) ?? 'error', id: report.id }, report.id));
  }

  private rank(source: string, id: number): number {
    return RANK[this.o.severityOf(source, id) ?? 'error'];
  }
}

/**
 * Intake's fourth stage: a folded or counted event ends here (outcome folded); a new report goes on to be planned and
 * spooled, and once spooled its escalation is logged. Runs inside the pipeline's one-at-a-time section.
 */
export function suppressStage(s: Suppressor): Stage<Admitted, Fresh> {
  return async (x) => {
    const d = await s.decide(x.event);
    if (d.action === 'folded') return end({ result: 'folded', reportId: d.report.id, count: d.report.count });
    if (d.action === 'suppressed') return end({ result: 'folded', reportId: d.reportId, count: d.suppressed });
    return next({ ...x, onSpooled: (report: Report) => s.reported(x.event, report, d.escalated) });
  };
}
