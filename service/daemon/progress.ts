/**
 * The reports as the window follows them (ServiceStatus.reports): the newest waiting ones (up to 500), then the ones that
 * were sent or expired last, newest first, up to 50 in all.
 */
import { formatEventId } from '../../shared/report/model.js';
import { type ReportProgress } from '../../shared/host/service-types.js';
import { type Spool } from '../spool/spool.js';
import { type SpoolEntry } from '../spool/record.js';

const LIMIT = 50;

function progress(e: SpoolEntry, sending: boolean): ReportProgress {
  const r = e.report;
  const phase: ReportProgress['phase'] =
    e.folder === 'sent' ? 'sent' : e.folder === 'expired' ? 'expired' : e.collecting ? 'collecting' : sending ? 'sending' : 'waiting';
  const problem = e.expired?.problem ?? (e.folder === 'pending' ? e.lastError : undefined);
  const detail = e.folder === 'sent' ? [...e.history].reverse().find((h) => h.ok)?.detail : undefined;
  return {
    id: r.id,
    kind: r.kind,
    phase,
    createdAt: r.createdAt,
    attempts: e.attempts,
    logPaths: r.logs?.paths.length ?? 0,
    ...(r.event ? { event: `${r.event.source} ${formatEventId(r.event.id)}` } : {}),
    ...(e.folder === 'pending' ? { nextAttemptAt: e.nextAttemptAt } : {}),
    ...(detail !== undefined ? { detail } : {}),
    ...(problem ? { problem } : {}),
  };
}

/**
 * Waiting reports listed at most: a grown spool (100,000 waiting) must not make status an answer of tens of MB, which
 * the client refuses past 1 MiB (ServiceClient); `pending` counts them all.
 */
const WAITING_LIMIT = 500;

export function progressOf(spool: Spool, isSending: (id: string) => boolean): ReportProgress[] {
  // the spool keeps its waiting reports in order (oldest first): the newest are its tail, no sort of them all
  const pending: SpoolEntry[] = spool.newestPending(WAITING_LIMIT).map((r) => ({ ...r, folder: 'pending' }));
  // sent/ and expired/ are kept in the order finished: the newest of both is a merge of their ends, no sort
  const done = spool.newestFinished(Math.max(0, LIMIT - pending.length));
  return [...pending, ...done].map((e) => progress(e, isSending(e.report.id)));
}
