/**
 * What the reporting service answers, as plain types shared by the service (service/daemon), the host (shared/node/host)
 * and the window (through HostApi). One definition: service/daemon/core.ts and service/notify/notify.ts use these.
 */
import { type Problem } from '../messages/problem.js';
import { type MessageCode } from '../messages/catalogue.js';
import { type LocalizedText } from '../messages/text.js';
import { type ConfigOverride } from '../config/override.js';
import { type ReportKind } from '../report/model.js';
import { type MaintenanceOverlay } from './maintenance.js';

export type NotifyTarget = 'primary' | 'secondary';

/** テスト通報 / 開局通報 (docs/design.md section 8.3): sent at once, not queued. */
export interface NotifyRequest {
  kind: 'test' | 'activation';
  target?: NotifyTarget;
  /** Test only: where the center mails the result (default: the customer's address, else the reply address). */
  resultMail?: string;
  /** Test only: how the center sends the result; 'fax' goes to the customer's registered fax number (no address). */
  resultVia?: 'mail' | 'fax';
  /** Activation: the definition files' syntax errors were shown and the user chose to send anyway (OK). */
  ignoreDefinitionErrors?: boolean;
  /**
   * Send with these settings / destinations instead of the saved ones (a route dialog before OK); never written. Only
   * the lifecycle state moves (configured → tested → active) and a successful test is recorded (tested-record.ts).
   */
  override?: ConfigOverride;
  /**
   * Test only: the user system code the report names instead of this machine's (the manager's 到達確認テスト over dial-up
   * with an agent's code, or OPFILELESS; docs/relay.md).
   */
  userSystemCode?: string;
}

/** A coded message that is not a problem: what a manager says the center answered (the ACK's answer section). */
export interface CodedText {
  code: MessageCode;
  message: LocalizedText;
}

/**
 * `answer`: through a manager, its words on how it forwarded and what the center answered (none from an older manager);
 * `noResult`: the manager forwarded over dial-up, so no test result mail comes.
 */
export type NotifyResult = { ok: true; detail: string; state: string; answer?: CodedText; noResult?: boolean } | { ok: false; problems: Problem[] };

/** What became of one event given to the running service (the local API, the drop folder, 通報テスト). */
export type EventOutcome =
  | { result: 'accepted'; reportId: string }
  | { result: 'folded'; reportId: string; count: number }
  /** no-route: express.route is off; the event is logged once (ER_2106) and counted in ServiceStatus.notSent, never queued. */
  | { result: 'ignored'; reason: 'not-monitored' | 'not-active' | 'no-route' };

/** Where one report stands: its logs being collected, waiting (or being sent), delivered, or given up (expired). */
export type ReportPhase = 'collecting' | 'waiting' | 'sending' | 'sent' | 'expired';

/** One report as the window follows it (通報テスト's progress, the status dialog's list). */
export interface ReportProgress {
  id: string;
  kind: ReportKind;
  phase: ReportPhase;
  createdAt: string;
  /** e.g. `atapi 0xc0040006` */
  event?: string;
  attempts: number;
  /** waiting: the next attempt (the time window applied by the loop is in ServiceStatus.nextRetry). */
  nextAttemptAt?: string;
  /** sent: where it went. */
  detail?: string;
  /** The last failure, or why it expired. */
  problem?: Problem;
  /** How many log paths go with it (0: none). */
  logPaths: number;
}

/** One load of the config folder by the running service (service/config/coordinator.ts). */
export interface ConfigReload {
  at: string;
  ok: boolean;
  /** A refused change's errors (the first ones; `count` says how many in all, the service log lists every one). */
  problems: Problem[];
  count?: number;
  /** sha256 over the files loaded (a successful load). */
  hash?: string;
}

/** The settings the service runs on (loaded at `since`, the files' `hash`) and its last reload, failed or not. */
export interface ConfigStatus {
  since?: string;
  hash?: string;
  lastReload?: ConfigReload;
}

/** One agent that reported to this manager (service/relay/agents.ts; docs/relay.md), known by its identity, not its address. */
export interface RelayAgent {
  /** `${deviceCode}:${serialNumber}` */
  identity: string;
  serverName: string;
  deviceCode: string;
  serialNumber: string;
  userSystemCode: string;
  /** The addresses it came from, the latest first (at most 8). */
  addresses: string[];
  firstSeen: string;
  lastSeen: string;
  received: number;
  forwarded: number;
  waiting: number;
  lastProblem?: Problem;
  /** Nothing from it for over 35 days. */
  silent: boolean;
  /** Two machines (server name, user system code) claim this identity. */
  conflict: boolean;
}

/** One receive port of the manager relay: open while its relay is enabled; failed (and retried) when it cannot be opened. */
export interface RelayListenerStatus {
  kind: 'express' | 'https';
  port: number;
  state: 'open' | 'closed' | 'failed';
  problem?: Problem;
}

/** The manager relay (service/relay/): its listeners, the agents known, the reports waiting, the agents flagged. */
export interface RelayStatus {
  listeners: RelayListenerStatus[];
  agents: number;
  waiting: number;
  /** Agents silent for over 35 days or claimed by two machines. */
  flagged: number;
}

/**
 * How the running service was started (`service --run-mode`): by the operating system (the systemd unit, the Windows
 * service), as the desktop app's or serve's child, or by hand. The window and `status` say which one is used.
 */
export const RUN_MODES = ['system', 'child', 'manual'] as const;
export type RunMode = (typeof RUN_MODES)[number];

export interface ServiceStatus {
  state: string;
  pending: number;
  expired: number;
  lastDelivery?: { at: string; reportId: string; detail: string };
  lastFailure?: { at: string; reportId: string; problem: Problem };
  nextRetry?: string;
  pid: number;
  startedAt: string;
  /** Absent from a service older than issue 15. */
  runMode?: RunMode;
  /** The waiting reports (the newest 500 of a larger spool; `pending` counts all) and the newest delivered or expired ones, newest first (at least 50). */
  reports?: ReportProgress[];
  /** 保守中: nothing is sent until it ends (at `until`, or by resume); the state stays 運用中 (shared/host/maintenance.ts). */
  maintenance?: MaintenanceOverlay;
  /**
   * What was not sent because no route is enabled (express.route = off), since the service started: events not
   * reported (ER_2106), reports expired at once (ER_2107) and configuration information not sent (ER_2108). None is retried.
   */
  notSent?: { noRoute: number; last: { at: string; what: string } };
  /** The settings in use and the last change's result: "runs on the settings of HH:MM; your last change has 2 errors". */
  config?: ConfigStatus;
  /** The manager relay, when this service runs one (docs/relay.md). */
  relay?: RelayStatus;
  /** Tests and benchmarks only (EXPRESS_REPORT_DEBUG_STATUS=1, service/daemon/debug-status.ts). */
  debug?: ServiceDebug;
}

/** The service process's memory (bytes, process.memoryUsage()) and the npm packages whose code it has loaded. */
export interface ServiceDebug {
  memory: { rss: number; heapTotal: number; heapUsed: number; external: number; arrayBuffers: number };
  packages: string[];
  /** How many files' scripts V8 holds (the bundle's chunks, or the sources). */
  scripts: number;
  /** Node's own modules loaded (`tls`, `https`, ...), from process.moduleLoadList. */
  builtins?: string[];
}
