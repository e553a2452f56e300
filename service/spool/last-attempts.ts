/** The newest delivery and the newest failed attempt (status): found once at open, then kept as attempts happen. */
import { type Problem } from '../../shared/messages/problem.js';
import { FOLDERS } from './folders.js';
import { type Folder, type HistoryEntry, type SpoolRecord } from './record.js';

/** An attempt status shows: which report, and its history entry (status reads its time through seenAt). */
export interface LastAttempts {
  ok?: { id: string; entry: HistoryEntry };
  failed?: { id: string; entry: HistoryEntry; problem: Problem };
}

function lastWhere<T>(xs: readonly T[], ok: (x: T) => boolean): T | undefined {
  for (let i = xs.length - 1; i >= 0; i--) if (ok(xs[i]!)) return xs[i];
  return undefined;
}

/** Among the records read at open; `seenAt` tells when each entry was seen. */
export function findLastAttempts(records: Record<Folder, Map<string, SpoolRecord>>, seenAt: (id: string, e: HistoryEntry) => Date): LastAttempts {
  const seen = (id: string, e: HistoryEntry) => seenAt(id, e).getTime();
  let ok: { id: string; entry: HistoryEntry; t: number } | undefined;
  let failed: { id: string; entry: HistoryEntry; problem: Problem; t: number } | undefined;
  for (const f of FOLDERS) {
    for (const r of records[f].values()) {
      const id = r.report.id;
      const lastOk = lastWhere(r.history, (h) => h.ok);
      const lastFailed = r.lastError ? lastWhere(r.history, (h) => !h.ok) : undefined;
      if (lastOk && (!ok || seen(id, lastOk) > ok.t)) ok = { id, entry: lastOk, t: seen(id, lastOk) };
      if (lastFailed && (!failed || seen(id, lastFailed) > failed.t)) failed = { id, entry: lastFailed, problem: r.lastError!, t: seen(id, lastFailed) };
    }
  }
  return {
    ...(ok ? { ok: { id: ok.id, entry: ok.entry } } : {}),
    ...(failed ? { failed: { id: failed.id, entry: failed.entry, problem: failed.problem } } : {}),
  };
}
