/**
 * The queue's part of the service status: counts, the last delivery and failure, the next retry and the reports the
 * window follows. Everything comes from what the spool and the loop keep as they go, so it costs the same with 100,000
 * reports as with 10 (issue 16). Every time is derived from what the service measured (elapsed time since it saw it),
 * read on today's clock, so a clock set back never leaves a "last failure" or "next retry" in the future
 * (docs/delivery.md, "Clock steps").
 */
import { type ServiceStatus } from '../../shared/host/service-types.js';
import { type DeliveryLoop } from '../delivery/loop.js';
import { type Spool } from '../spool/spool.js';
import { progressOf } from './progress.js';

/** Waiting reports (oldest first) status plans when the loop has no timer armed: bounded, whatever the spool's size. */
const PLANNED_FOR_STATUS = 64;

export type QueueStatus = Pick<ServiceStatus, 'pending' | 'expired' | 'lastDelivery' | 'lastFailure' | 'nextRetry' | 'reports'>;

export function queueStatus(spool: Spool, loop: DeliveryLoop | undefined): QueueStatus {
  loop?.checkClock(); // a step since the last pass is logged now, and the loop plans again on the new clock
  const counts = spool.counts();
  const last = spool.lastAttempts();
  const iso = (d: Date) => d.toISOString();
  const planned = (id: string) => loop?.plannedAttempt(id);
  // The loop's timer knows the time window; a report due now (being sent) has no timer, so take the earliest plan of
  // the oldest waiting reports (the order index's head, FIFO): planning every one took seconds at 100,000.
  const next = loop?.nextWake() ?? earliestPlan(spool, planned);
  const reports = progressOf(spool, (id) => loop?.isSending(id) ?? false).map((p) => {
    const at = p.nextAttemptAt === undefined ? undefined : planned(p.id);
    return at ? { ...p, nextAttemptAt: at.toISOString() } : p;
  });
  return {
    pending: counts.pending,
    expired: counts.expired,
    ...(last.ok ? { lastDelivery: { at: iso(spool.seenAt(last.ok.id, last.ok.entry)), reportId: last.ok.id, detail: last.ok.entry.detail ?? '' } } : {}),
    ...(last.failed
      ? { lastFailure: { at: iso(spool.seenAt(last.failed.id, last.failed.entry)), reportId: last.failed.id, problem: last.failed.problem } }
      : {}),
    ...(next ? { nextRetry: next.toISOString() } : {}),
    reports,
  };
}

/** The earliest planned attempt among the oldest waiting reports (at most PLANNED_FOR_STATUS of them). */
function earliestPlan(spool: Spool, planned: (id: string) => Date | undefined): Date | undefined {
  let best: Date | undefined;
  let left = PLANNED_FOR_STATUS;
  for (const r of spool.walkPending()) {
    if (left-- <= 0) break;
    const d = planned(r.report.id);
    if (d && (!best || d < best)) best = d;
  }
  return best;
}
