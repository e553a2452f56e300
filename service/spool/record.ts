/**
 * What one spool file holds, and how a file read back from disk is checked. A file that fails the check is not trusted
 * (it is set aside, never half-used): every field the delivery loop relies on is verified here.
 */
import { z } from 'zod';
import { catalogue, type MessageCode } from '../../shared/messages/catalogue.js';
import { type Problem } from '../../shared/messages/problem.js';
import { issuesText } from '../../shared/messages/zod-issues.js';
import { type Report } from '../../shared/report/model.js';
import { recordFormat, stamped } from '../../shared/node/formats/format.js';

export type Folder = 'pending' | 'sent' | 'expired';

/** A report's age as each write stamps it (age.ts: how a restarted service resumes it). */
export interface AgeStamp {
  /** The age (ms) when the record was written. */
  ms: number;
  /** The wall clock then (ISO 8601): the estimate across a reboot. */
  at: string;
  /** The boot id and the monotonic clock (ms) then: the exact gap within one boot. */
  boot?: string;
  mono?: number;
}

/**
 * How a relayed report reached this manager (docs/relay.md): the agent's port (31136 express, 31138 https), its address,
 * and when the manager stored it. Declared with the spool, which the receiver, intake and delivery all read, so no import
 * points back up into service/relay/ (../relay/via.ts re-exports it under the receiver's name).
 */
export interface RelayVia {
  port: 'express' | 'https';
  /** The agent's address as the manager saw it. */
  from: string;
  /** ISO 8601: when the manager stored the report; its age (the retry limit) counts from here, not from the agent's clock. */
  receivedAt: string;
}

/** A relayed report's record: how it came, and the size of its stored frame's payload (0 or absent: no attachment). */
export interface SpoolRelay extends RelayVia {
  payloadBytes?: number;
}

export interface HistoryEntry {
  at: string;
  ok: boolean;
  route?: string;
  /** ok: where it went (the route's detail); not ok: the problem's code. */
  detail?: string;
  code?: MessageCode;
  /** The report's age (age.ts) at this attempt: status shows it as "so long ago", which a clock step cannot move. */
  ageMs?: number;
}

export interface SpoolRecord {
  report: Report;
  /** Attempts made so far (an attempt cut short by a shutdown is not counted). */
  attempts: number;
  /**
   * The wall clock's reading of the next attempt when it was planned (ISO 8601), for people. What the loop goes by is
   * dueAgeMs; a record without it (written by an older version) is due at this time.
   */
  nextAttemptAt: string;
  /** The next attempt is due once the report's age reaches this (ms); the time window is applied on top by the loop. */
  dueAgeMs?: number;
  /** The report's age when this file was written (age.ts); absent in files of older versions. */
  age?: AgeStamp;
  lastError?: Problem;
  /** The newest attempts only (HISTORY_LIMIT), so a report retried for 72 hours stays a small file. */
  history: HistoryEntry[];
  sentAt?: string;
  /** In expired/: when and why it stopped being tried. */
  expired?: { at: string; problem: Problem };
  /** Its logs are being collected (AMHTPLOG.INF commands running): held until that ends, so the logs go with it. */
  collecting?: { since: string };
  /**
   * How long (ms) a maintenance pause held it (docs/delivery.md, "Maintenance pause"): added to its retry limit, so a
   * pause does not use up the time a report has to reach the center. Its age itself is not changed.
   */
  heldMs?: number;
  /** Relayed from an agent (the manager relay): forwarded over the relay's route, its attachment read from its stored frame. */
  relay?: SpoolRelay;
}

export interface SpoolEntry extends SpoolRecord {
  folder: Folder;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a time');
const code = z.custom<MessageCode>((v) => typeof v === 'string' && Object.hasOwn(catalogue, v), 'unknown message code');
const localized = z.object({ ja: z.string(), en: z.string() });
const problem = z.looseObject({
  code,
  severity: z.enum(['error', 'warning']),
  message: localized,
  field: z.string().optional(),
  file: z.string().optional(),
  line: z.number().optional(),
});
const report = z.looseObject({
  id: z.string().regex(UUID),
  kind: z.enum(['failure', 'test', 'activation', 'heartbeat', 'maintenance']),
  createdAt: isoTime,
  machine: z.object({ serverName: z.string(), deviceCode: z.string(), serialNumber: z.string(), userSystemCode: z.string() }),
  event: z.object({ source: z.string(), id: z.number(), time: z.string(), message: z.string() }).optional(),
  count: z.number().int().min(1),
  target: z.enum(['primary', 'secondary']).optional(),
  resultMail: z.string().optional(),
  resultVia: z.enum(['mail', 'fax']).optional(),
  logs: z.object({ paths: z.array(z.string()), maxBytes: z.number().int().min(0), notes: z.array(problem).optional() }).optional(),
  maintenance: z
    .object({
      phase: z.enum(['start', 'end']),
      since: isoTime,
      until: isoTime.optional(),
      reason: z.string(),
      endedAt: isoTime.optional(),
      endedBy: z.enum(['user', 'end-time']).optional(),
      held: z.number().int().min(0).optional(),
      expiredHeld: z.number().int().min(0).optional(),
    })
    .optional(),
});
/** A timing field that does not parse is dropped (the report falls back to its wall-clock times), never set aside. */
const ms = z.number().min(0);
const ageStamp = z.object({ ms, at: isoTime, boot: z.string().optional(), mono: z.number().optional() });
/** Which route forwards it depends on `port`: a relay field that does not parse makes the record untrusted, not a local report. */
const relay = z.object({
  port: z.enum(['express', 'https']),
  from: z.string().max(256),
  receivedAt: isoTime,
  payloadBytes: z.number().int().min(0).optional(),
});
const record = z.looseObject({
  report,
  attempts: z.number().int().min(0),
  nextAttemptAt: isoTime,
  dueAgeMs: ms.optional().catch(undefined),
  heldMs: ms.optional().catch(undefined),
  age: ageStamp.optional().catch(undefined),
  lastError: problem.optional(),
  history: z.array(
    z.object({
      at: z.string(),
      ok: z.boolean(),
      route: z.string().optional(),
      detail: z.string().optional(),
      code: code.optional(),
      ageMs: ms.optional().catch(undefined),
    }),
  ),
  sentAt: isoTime.optional(),
  expired: z.object({ at: isoTime, problem }).optional(),
  collecting: z.object({ since: isoTime }).optional(),
  relay: relay.optional(),
});

/**
 * The record in `text`, or a short reason why it cannot be trusted. The file name must match the report's id. A record
 * of a newer format throws ER_8101 (`path`): a newer program wrote it, it is not corrupt.
 */
export function parseRecord(text: string, expectedId: string, path = `${expectedId}.json`): SpoolRecord | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  recordFormat(json, path);
  const r = record.safeParse(json);
  if (!r.success) return issuesText(r.error);
  if (r.data.report.id !== expectedId) return `the file name does not match the report id ${r.data.report.id}`;
  return r.data;
}

export function serializeRecord(r: SpoolRecord): string {
  return JSON.stringify(stamped(r), null, 2) + '\n';
}
