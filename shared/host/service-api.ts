/**
 * The running service's local API (service/daemon/intake-api.ts: POST /v1/events, /v1/notify, /v1/pause, /v1/resume,
 * GET /v1/status) declared once: the request bodies the service checks on arrival, and the replies ServiceClient
 * (shared/node/service-client.ts) checks on the way back. HostApi's request schemas (./schemas.ts) build on the same
 * pieces (an event's source and id, a notification's options, the override a test carries, 保守を終了).
 */
import { z } from 'zod';
import { MAX_REASON_LENGTH, type MaintenanceOverlay, type PauseResult, type ResumeResult } from './maintenance.js';
import { problemSchema } from './reply-schema.js';
import {
  type ConfigStatus,
  type EventOutcome,
  type NotifyResult,
  type RelayAgent,
  type RelayStatus,
  type ReportProgress,
  type ServiceStatus,
  RUN_MODES,
} from './service-types.js';
import { type Problem } from '../messages/problem.js';

// ---- requests -------------------------------------------------------------------------------------------------------

/** The event source as the monitored-event list names it (`atapi`, `Application Popup`...). */
export const eventSource = z.string().min(1).max(256);
/** The event id: 0x + 8 hex digits. */
export const eventId = z.string().regex(/^0x[0-9a-fA-F]{8}$/);

/** One event into the service (POST /v1/events, and the drop folder's files). */
export const eventBody = z
  .object({
    source: eventSource,
    id: eventId,
    message: z.string().max(8192).optional(),
    time: z.string().datetime({ offset: true }).optional(),
  })
  .strict();

/** テスト通報 / 開局通報's options, the same for the window (HostApi) and the service's API. */
export const notifyTarget = z.enum(['primary', 'secondary']);
export const resultMail = z.string().max(256);
export const resultVia = z.enum(['mail', 'fax']);
/** 到達確認テスト's ユーザ ID: a user system code (printable ASCII, no spaces, as activation.userSystemCode) or OPFILELESS. */
export const USER_SYSTEM_CODE = /^[\x21-\x7e]{1,20}$/;
export const userSystemCode = z.string().regex(USER_SYSTEM_CODE);

/** AMHTPADR.INF's model (URL1, URL2); each URL is checked again by the host (shared/config/override.ts, the store). */
export const adrModel = z.object({ url1: z.string().max(4096), url2: z.string().max(4096).optional() }).strict();

/**
 * What the host hands the sender (shared/config/override.ts ConfigOverride: text values, secrets sealed): also the
 * shape the service's local API accepts in POST /v1/notify, so the desktop app's tests carry the same override.
 */
export const configOverride = z.object({ values: z.record(z.string().max(200), z.string().max(8192)), destinations: adrModel.optional() }).strict();

export const notifyBody = z
  .object({
    kind: z.enum(['test', 'activation']),
    target: notifyTarget.optional(),
    resultMail: resultMail.optional(),
    resultVia: resultVia.optional(),
    ignoreDefinitionErrors: z.boolean().optional(),
    userSystemCode: userSystemCode.optional(),
    // The desktop app's test with a route dialog's unsaved values (checked again by notify: shared/config/override.ts).
    override: configOverride.optional(),
  })
  .strict();

/** 保守中にする: the end time is absolute (the caller turned --until / --hours into one); the service checks it again. */
export const pauseBody = z
  .object({
    until: z.string().datetime({ offset: true }),
    reason: z.string().max(MAX_REASON_LENGTH),
  })
  .strict();

/** 保守を終了, for the service and the window alike. */
export const resumeBody = z.object({ expireHeld: z.boolean().optional() }).strict();

// ---- replies --------------------------------------------------------------------------------------------------------
// Checked for what the caller reads; keys a newer service adds are kept (loose objects), so status stays readable.

const problems = z.array(problemSchema as z.ZodType<Problem>).max(1000);
const refused = z.looseObject({ ok: z.literal(false), problems });
const time = z.string().max(64);

export const eventOutcomeSchema: z.ZodType<EventOutcome> = z.union([
  z.looseObject({ result: z.literal('accepted'), reportId: z.string() }),
  z.looseObject({ result: z.literal('folded'), reportId: z.string(), count: z.number() }),
  z.looseObject({ result: z.literal('ignored'), reason: z.enum(['not-monitored', 'not-active', 'no-route']) }),
]);

export const notifyResultSchema: z.ZodType<NotifyResult> = z.union([
  z.looseObject({
    ok: z.literal(true),
    detail: z.string(),
    state: z.string(),
    // The manager's answer (service/routes/frame/ack-answer.ts): a code of this version and its words.
    answer: z.object({ code: problemSchema.shape.code, message: problemSchema.shape.message }).optional(),
    noResult: z.boolean().optional(),
  }),
  refused,
]);

const maintenanceOverlay: z.ZodType<MaintenanceOverlay> = z.looseObject({
  since: time,
  until: time.optional(),
  reason: z.string(),
  origin: z.enum(['pause', 'legacy-state']),
  notice: z.looseObject({ reportId: z.string(), sent: z.boolean() }).optional(),
  boot: z.string().optional(),
  mono: z.number().optional(),
});

export const pauseResultSchema: z.ZodType<PauseResult> = z.union([
  z.looseObject({
    ok: z.literal(true),
    maintenance: maintenanceOverlay,
    notice: z.union([
      z.looseObject({ sent: z.literal(true), detail: z.string() }),
      z.looseObject({ sent: z.literal(false), problem: problemSchema as z.ZodType<Problem> }),
    ]),
  }),
  refused,
]);

export const resumeResultSchema: z.ZodType<ResumeResult> = z.union([
  z.looseObject({ ok: z.literal(true), held: z.number(), expired: z.number(), noticeId: z.string().optional() }),
  refused,
]);

const reportProgress: z.ZodType<ReportProgress> = z.looseObject({
  id: z.string(),
  kind: z.enum(['failure', 'test', 'activation', 'heartbeat', 'maintenance']),
  phase: z.enum(['collecting', 'waiting', 'sending', 'sent', 'expired']),
  createdAt: time,
  event: z.string().optional(),
  attempts: z.number(),
  nextAttemptAt: time.optional(),
  detail: z.string().optional(),
  problem: (problemSchema as z.ZodType<Problem>).optional(),
  logPaths: z.number(),
});

const configStatus: z.ZodType<ConfigStatus> = z.looseObject({
  since: time.optional(),
  hash: z.string().optional(),
  lastReload: z
    .looseObject({
      at: time,
      ok: z.boolean(),
      problems,
      count: z.number().optional(),
      hash: z.string().optional(),
    })
    .optional(),
});

const relayStatus: z.ZodType<RelayStatus> = z.looseObject({
  listeners: z
    .array(
      z.looseObject({
        kind: z.enum(['express', 'https']),
        port: z.number().int(),
        state: z.enum(['open', 'closed', 'failed']),
        problem: (problemSchema as z.ZodType<Problem>).optional(),
      }),
    )
    .max(2),
  agents: z.number().int(),
  waiting: z.number().int(),
  flagged: z.number().int(),
});

/** GET /v1/relay/agents: the manager's agent list (service/relay/agents.ts). */
export const relayAgentsSchema: z.ZodType<RelayAgent[]> = z
  .array(
    z.looseObject({
      identity: z.string(),
      serverName: z.string(),
      deviceCode: z.string(),
      serialNumber: z.string(),
      userSystemCode: z.string(),
      addresses: z.array(z.string()).max(64),
      firstSeen: time,
      lastSeen: time,
      received: z.number().int(),
      forwarded: z.number().int(),
      waiting: z.number().int(),
      lastProblem: (problemSchema as z.ZodType<Problem>).optional(),
      silent: z.boolean(),
      conflict: z.boolean(),
    }),
  )
  .max(100_000);

export const serviceStatusSchema: z.ZodType<ServiceStatus> = z.looseObject({
  state: z.string(),
  pending: z.number(),
  expired: z.number(),
  lastDelivery: z.looseObject({ at: time, reportId: z.string(), detail: z.string() }).optional(),
  lastFailure: z.looseObject({ at: time, reportId: z.string(), problem: problemSchema as z.ZodType<Problem> }).optional(),
  nextRetry: time.optional(),
  pid: z.number().int(),
  startedAt: time,
  runMode: z.enum(RUN_MODES).optional(),
  reports: z.array(reportProgress).max(1000).optional(),
  maintenance: maintenanceOverlay.optional(),
  notSent: z.looseObject({ noRoute: z.number(), last: z.looseObject({ at: time, what: z.string() }) }).optional(),
  config: configStatus.optional(),
  relay: relayStatus.optional(),
});
