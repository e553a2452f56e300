/**
 * A report relayed by an agent (docs/relay.md): the header of its frame is JSON from another machine, so it is parsed
 * here into a `Report` the manager can trust. Unknown fields are dropped, and `logs` above all: it names paths on the
 * agent, and a relayed header must never make the manager read or send its own files (/etc/shadow). The attachment
 * the agent collected travels as the frame's payload instead.
 */
import { z } from 'zod';
import { type Report } from './model.js';
import { MAX_REASON_LENGTH } from '../host/maintenance.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const time = z.string().datetime({ offset: true });
/** Bounded text: a hostile header cannot make the manager hold or forward megabytes of "server name". */
const str = (max: number) => z.string().max(max);

const machine = z.object({
  serverName: str(256),
  deviceCode: str(64),
  serialNumber: str(64),
  userSystemCode: str(64),
});

const event = z.object({
  source: str(256).min(1),
  id: z.number().int().min(0).max(0xffffffff),
  time,
  message: str(8192),
});

const maintenance = z.object({
  phase: z.enum(['start', 'end']),
  since: time,
  until: time.optional(),
  reason: str(MAX_REASON_LENGTH),
  endedAt: time.optional(),
  endedBy: z.enum(['user', 'end-time']).optional(),
  held: z.number().int().min(0).optional(),
  expiredHeld: z.number().int().min(0).optional(),
});

/** z.object strips keys it does not name (logs, anything a newer agent adds): what the manager keeps is only this. */
export const relayedReportSchema = z.object({
  id: z.string().regex(UUID),
  kind: z.enum(['failure', 'test', 'activation', 'heartbeat', 'maintenance']),
  createdAt: time,
  machine,
  event: event.optional(),
  count: z.number().int().min(1).max(1_000_000),
  target: z.enum(['primary', 'secondary']).optional(),
  resultMail: str(256).optional(),
  resultVia: z.enum(['mail', 'fax']).optional(),
  maintenance: maintenance.optional(),
});

/** A relayed report: a Report that never has `logs`. */
export type RelayedReport = Omit<Report, 'logs'>;

export type RelayedParse = { ok: true; report: RelayedReport } | { ok: false; reason: string };

/**
 * A header that has a `logs` field (any value) names files on some machine: an agent never sends it (its route drops
 * it), so the receiver refuses the frame outright (ER_2352, permanent) instead of only dropping the field.
 */
export const namesLogs = (json: unknown): boolean => typeof json === 'object' && json !== null && Object.hasOwn(json, 'logs');

/** The header's JSON (already parsed) as a report, or the first issue in words ("machine.serialNumber: ..."). */
export function relayedReport(json: unknown): RelayedParse {
  const r = relayedReportSchema.safeParse(json);
  if (r.success) return { ok: true, report: r.data };
  const first = r.error.issues[0];
  const where = first?.path.length ? first.path.map(String).join('.') : '(header)';
  return { ok: false, reason: `${where}: ${first?.message ?? 'invalid'}` };
}
