/**
 * The maintenance pause in the running service (docs/delivery.md, "Maintenance pause"; shared/host/maintenance.ts).
 * Pause: the overlay is written (durable first), the delivery loop holds every report (the attempt in flight is cut
 * short), and the center is told with a 'maintenance' start notice — one attempt now; if it cannot go, it waits, held
 * like the rest, and goes first after the resume. Resume (the user, or the end time): each held report gets the time it
 * was held added to its retry limit (or, if asked, is moved to expired with ER_6114), the overlay goes, the end notice is
 * queued, and the loop wakes. The end time is a wall-clock deadline looked at again at least once a minute, like the time
 * window, so a clock step moves it; how long the pause lasted is measured on the monotonic clock within one boot.
 */
import { type Config } from '../../shared/config/model.js';
import {
  endTimeProblems,
  formatLocalTime,
  pauseRefusal,
  type MaintenanceNotice,
  type MaintenanceOverlay,
  type PauseOrder,
  type PauseResult,
  type ResumeResult,
} from '../../shared/host/maintenance.js';
import { problem, type Problem } from '../../shared/messages/problem.js';
import { type LocalizedText } from '../../shared/messages/text.js';
import { isCodedError, reasonOf } from '../../shared/node/coded-error.js';
import { readMaintenance, removeMaintenance, writeMaintenance } from '../../shared/node/maintenance-file.js';
import { type Report } from '../../shared/report/model.js';
import { type Outcome, type Route, type RouteContext } from '../routes/route.js';
import { budgetMs } from '../routes/registry.js';
import { currentBootId, gapSince } from '../spool/age.js';
import { type Spool } from '../spool/spool.js';
import { monoOf, systemClock, type Clock, type TimerHandle } from '../common/clock.js';
import { WALL_RECHECK_MS } from './loop.js';
import { machineOf } from '../intake/machine.js';

export interface MaintenanceDeps {
  stateDir: string;
  spool: Spool;
  /** The last good config (undefined before the first one). */
  config(): Config | undefined;
  /** The route a report goes by now (the loop's), undefined when none can send it (ER_2100). */
  routeFor(report: Report): Route | undefined;
  context(): Omit<RouteContext, 'signal'>;
  /** The delivery loop's hold (cut the attempt in flight short and settle) and wake. */
  hold(): Promise<void>;
  wake(): void;
  log(p: Problem): void;
  clock?: Clock;
}

const BY: Record<'user' | 'end-time', LocalizedText> = {
  user: { ja: '利用者の操作', en: 'by the user' },
  'end-time': { ja: '終了予定時刻', en: 'at the end time' },
};

/** "until 2025-06-01T18:00:00.000Z" or "no end time", for messages. */
export function untilText(o: Pick<MaintenanceOverlay, 'until'>): LocalizedText {
  return o.until ? { ja: `${formatLocalTime(o.until)} まで`, en: `until ${formatLocalTime(o.until)}` } : { ja: '終了予定なし', en: 'no end time' };
}

const reasonText = (r: string): LocalizedText => (r ? { ja: r, en: r } : { ja: '(なし)', en: '(none)' });

export class Maintenance {
  private overlay: MaintenanceOverlay | undefined;
  private timer: TimerHandle | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private readonly clock: Clock;

  constructor(private readonly d: MaintenanceDeps) {
    this.clock = d.clock ?? systemClock;
  }

  /** The pause as it stands (status, the loop's hold). */
  current(): MaintenanceOverlay | undefined {
    return this.overlay;
  }

  isPaused(): boolean {
    return this.overlay !== undefined;
  }

  /** At start, before the loop's first pass: a pause recorded before a restart goes on (or ends now, if its time came). */
  async load(): Promise<void> {
    const r = await readMaintenance(this.d.stateDir);
    if (r.problem) this.d.log(r.problem);
    this.overlay = r.overlay;
    if (this.overlay) {
      this.d.log(problem('ER_6117', { until: untilText(this.overlay), reason: reasonText(this.overlay.reason) }));
      this.arm();
    }
  }

  /** A migrated State=paused (shared/node/maintenance-file.ts) or a file restored by hand: read it again. */
  async reload(): Promise<void> {
    await this.serial(async () => {
      const r = await readMaintenance(this.d.stateDir);
      if (!this.overlay && r.overlay) {
        if (r.problem) this.d.log(r.problem);
        this.overlay = r.overlay;
        await this.d.hold();
        this.arm();
      }
    });
  }

  stop(): void {
    this.stopped = true;
    this.disarm();
  }

  pause(order: PauseOrder): Promise<PauseResult> {
    return this.serial(async () => {
      const c = this.d.config();
      // The same rule as the ツール menu's (only while 運用中, not twice).
      const refused = pauseRefusal(c?.settings['activation.state'] ?? 'not-activated', this.overlay);
      if (refused) return { ok: false, problems: [refused] };
      const now = this.clock.now();
      const bad = endTimeProblems(new Date(order.until), now);
      if (bad.length > 0) return { ok: false, problems: bad };
      const boot = currentBootId();
      const overlay: MaintenanceOverlay = {
        since: now.toISOString(),
        until: new Date(order.until).toISOString(),
        reason: order.reason,
        origin: 'pause',
        ...(boot !== undefined && this.clock.mono ? { boot, mono: this.clock.mono() } : {}),
      };
      // Durable first: from here on, a crash or a restart keeps the hold.
      try {
        await writeMaintenance(this.d.stateDir, overlay);
      } catch (e) {
        return { ok: false, problems: [isCodedError(e) ? e.problem : problem('ER_1111', { path: this.d.stateDir, reason: reasonOf(e) })] };
      }
      this.overlay = overlay;
      await this.d.hold();
      this.arm();
      const notice = await this.sendStartNotice(c!, overlay);
      return { ok: true, maintenance: this.overlay, notice };
    });
  }

  /** The start notice: one attempt through the route now; kept waiting (held) when it cannot go. */
  private async sendStartNotice(c: Config, overlay: MaintenanceOverlay): Promise<{ sent: true; detail: string } | { sent: false; problem: Problem }> {
    const report = await this.d.spool.accept({ kind: 'maintenance', machine: machineOf(c.settings), maintenance: noticeOf('start', overlay) });
    const route = this.d.routeFor(report);
    let outcome: Outcome;
    try {
      outcome = route
        ? await route.send(report, { ...this.d.context(), signal: AbortSignal.timeout(budgetMs(c)) })
        : { ok: false, retry: true, problem: problem('ER_2100', { id: report.id }) };
    } catch (e) {
      outcome = { ok: false, retry: true, problem: isCodedError(e) ? e.problem : problem('ER_1051', { route: route?.name ?? '-', reason: reasonOf(e) }) };
    }
    const until = untilText(overlay);
    const reason = reasonText(overlay.reason);
    if (outcome.ok) {
      await this.d.spool.markSent(report.id, outcome.detail, route?.name);
      this.d.log(problem('ER_6110', { until, reason, detail: outcome.detail }));
    } else {
      // Not retried now (nothing goes while paused): it waits, and being the oldest of what is held it goes first.
      await this.d.spool.recordFailure(report.id, outcome.problem, outcome.retry ? { inMs: 0 } : 'expired', { route: route?.name ?? '-' });
      this.d.log(problem('ER_6111', { until, reason, problem: outcome.problem.message }));
    }
    const withNotice: MaintenanceOverlay = { ...overlay, notice: { reportId: report.id, sent: outcome.ok } };
    // The notice's fate is shown by status; the hold does not depend on this write.
    await writeMaintenance(this.d.stateDir, withNotice).then(
      () => {
        if (this.overlay === overlay) this.overlay = withNotice;
      },
      (e: unknown) => this.d.log(isCodedError(e) ? e.problem : problem('ER_1040', { reason: reasonOf(e) })),
    );
    return outcome.ok ? { sent: true, detail: outcome.detail } : { sent: false, problem: outcome.problem };
  }

  resume(req: { expireHeld?: boolean; by: 'user' | 'end-time' }): Promise<ResumeResult> {
    return this.serial(async () => {
      const overlay = this.overlay;
      if (!overlay) return { ok: false, problems: [problem('ER_3097')] };
      const now = this.clock.now();
      const heldMs = this.lasted(overlay, now);
      let held = 0;
      let expired = 0;
      for (const r of this.d.spool.pending()) {
        if (r.report.kind === 'maintenance') continue; // the start notice is not one of the held events: it still goes
        if (req.expireHeld) {
          await this.d.spool.expire(r.report.id, problem('ER_6114', { id: r.report.id, kind: r.report.kind, reason: reasonText(overlay.reason) }));
          expired++;
        } else {
          await this.d.spool.addHeld(r.report.id, heldMs);
          held++;
        }
      }
      try {
        await removeMaintenance(this.d.stateDir);
      } catch (e) {
        return { ok: false, problems: [isCodedError(e) ? e.problem : problem('ER_1111', { path: this.d.stateDir, reason: reasonOf(e) })] };
      }
      this.overlay = undefined;
      this.disarm();
      const c = this.d.config();
      let noticeId: string | undefined;
      // The end notice goes the normal way (the loop, with retries); an ended service sends nothing, so none is made.
      if (c?.settings['activation.state'] === 'active') {
        const notice: MaintenanceNotice = { ...noticeOf('end', overlay), endedAt: now.toISOString(), endedBy: req.by, held, expiredHeld: expired };
        noticeId = (await this.d.spool.accept({ kind: 'maintenance', machine: machineOf(c.settings), maintenance: notice })).id;
      }
      this.d.log(req.expireHeld ? problem('ER_6113', { by: BY[req.by], expired }) : problem('ER_6112', { by: BY[req.by], held }));
      this.d.wake();
      return { ok: true, held, expired, ...(noticeId ? { noticeId } : {}) };
    });
  }

  /** How long the pause has lasted: the monotonic clock within the boot it began in, else the wall clock (age.ts). */
  private lasted(o: MaintenanceOverlay, now: Date): number {
    const mono = monoOf(this.clock)();
    return gapSince(
      { ms: 0, at: o.since, ...(o.boot !== undefined ? { boot: o.boot } : {}), ...(o.mono !== undefined ? { mono: o.mono } : {}) },
      now,
      mono,
      currentBootId(),
    ).ms;
  }

  /** The end time is wall-clock: looked at again at least once a minute, so a clock step moves it (like the time window). */
  private arm(): void {
    this.disarm();
    const o = this.overlay;
    if (!o?.until || this.stopped) return;
    const left = Date.parse(o.until) - this.clock.now().getTime();
    if (left <= 0) {
      void this.resume({ by: 'end-time' }).then(
        (r) => {
          if (!r.ok) r.problems.forEach((p) => this.d.log(p));
        },
        (e: unknown) => this.d.log(problem('ER_1040', { reason: `maintenance end: ${reasonOf(e)}` })),
      );
      return;
    }
    this.timer = this.clock.setTimer(
      () => {
        this.timer = undefined;
        this.arm();
      },
      Math.min(left, WALL_RECHECK_MS),
    );
  }

  private disarm(): void {
    if (this.timer !== undefined) this.clock.clearTimer(this.timer);
    this.timer = undefined;
  }

  /** Pause, resume and the end time one at a time. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn, fn);
    this.chain = run.catch(() => undefined);
    return run;
  }
}

function noticeOf(phase: 'start' | 'end', o: MaintenanceOverlay): MaintenanceNotice {
  return { phase, since: o.since, ...(o.until ? { until: o.until } : {}), reason: o.reason };
}
