/**
 * The manager's receiver (docs/relay.md): the two receive ports, the store, the agent list, built once by the
 * composition root and told of every settings change (the config coordinator). Each accepted connection is checked
 * against relay.allow and relay.maxConnections (a refusal is a NAK with its reason, then close: never a silent drop),
 * then served (connection.ts). Stored reports of the queued kinds are handed to the pipeline one at a time, and again
 * later when that fails (and at the next start, by recovery).
 */
import { type Socket } from 'node:net';
import { type Config } from '../../shared/config/model.js';
import { problem, type Problem } from '../../shared/messages/problem.js';
import { reasonOf } from '../../shared/node/coded-error.js';
import { allows, parseAllowList, type AllowEntry } from '../../shared/settings/allow-list.js';
import { type RelayAgent, type RelayStatus } from '../../shared/host/service-types.js';
import { type Report } from '../../shared/report/model.js';
import { nakFrame, UNKNOWN_ID } from './answer.js';
import { AgentRegistry } from './agents.js';
import { type RelayLimits } from './checks.js';
import { serveConnection, type RelayHandoff } from './connection.js';
import { RelayListener } from './listener.js';
import { recoverStore } from './recover.js';
import { RelayStore } from './store.js';
import { type RelayVia } from './via.js';

export type { RelayHandoff } from './connection.js';

export interface ReceiverOptions {
  stateDir: string;
  handoff: RelayHandoff;
  log(p: Problem): void;
  /** Tests shorten these. */
  idleMs?: number;
  forwardMs?: number;
  retryMs?: number;
  /** Bind address (every address by default). */
  host?: string;
  now?: () => Date;
}

const HOUR = 3600_000;
/** test / activation: the agent waits 600 s for the answer; the manager gives up a little before, so the agent reads why. */
const FORWARD_MS = 570_000;
const IDLE_MS = 120_000;
const HANDOFF_RETRY_MS = 30_000;

const DEFAULT_LIMITS: RelayLimits = { maxConnections: 1024, maxWaitingPerAgent: 500, maxStoreMiB: 2048, minFreeMiB: 256 };

export class RelayReceiver {
  private readonly listeners: Record<'express' | 'https', RelayListener>;
  private readonly sockets = new Set<Socket>();
  private readonly inFlight = new Map<string, Promise<boolean>>();
  private limits: RelayLimits = DEFAULT_LIMITS;
  private allow: AllowEntry[] = [];
  private keepIdsMs = 720 * HOUR;
  private stopping = false;
  private handing: Promise<void> = Promise.resolve();
  private readonly retrying = new Map<string, { report: Report; via: RelayVia }>();
  private retryTimer: NodeJS.Timeout | undefined;
  private pruneTimer: NodeJS.Timeout | undefined;
  private readonly now: () => Date;

  private constructor(
    private readonly o: ReceiverOptions,
    private readonly store: RelayStore,
    private readonly agents: AgentRegistry,
  ) {
    this.now = o.now ?? (() => new Date());
    const listener = (kind: 'express' | 'https') =>
      new RelayListener({
        kind,
        onConnection: (s) => this.accept(kind, s),
        log: o.log,
        ...(o.retryMs ? { retryMs: o.retryMs } : {}),
        ...(o.host ? { host: o.host } : {}),
      });
    this.listeners = { express: listener('express'), https: listener('https') };
  }

  /** Opens the store and recovers it (recover.ts); the ports open with the first apply(). */
  static async start(o: ReceiverOptions): Promise<RelayReceiver> {
    const { store, skipped } = await RelayStore.open(o.stateDir);
    if (skipped > 0) o.log(problem('ER_2346', { path: store.dirs.seen, reason: `${skipped} unreadable line(s) skipped` }));
    const agents = await AgentRegistry.load({ file: store.dirs.agents, log: o.log, ...(o.now ? { now: o.now } : {}) });
    const r = new RelayReceiver(o, store, agents);
    const done = await recoverStore({
      store,
      inSpool: (id) => o.handoff.inSpool?.(id) ?? false,
      handOn: (report, via) => r.handOn(report, via),
      log: o.log,
    });
    if (done.parts + done.handed + done.corrupt > 0) o.log(problem('ER_6714', { parts: done.parts, handed: done.handed }));
    r.pruneTimer = setInterval(() => void r.prune(), HOUR);
    r.pruneTimer.unref();
    return r;
  }

  /** A settings change (the coordinator's subscriber): limits, the allow-list, and each port opened or closed. */
  async apply(c: Config): Promise<void> {
    const s = c.settings;
    this.limits = {
      maxConnections: s['relay.maxConnections'],
      maxWaitingPerAgent: s['relay.maxWaitingPerAgent'],
      maxStoreMiB: s['relay.maxStoreMiB'],
      minFreeMiB: s['relay.minFreeMiB'],
    };
    const allow = parseAllowList(s['relay.allow']);
    if (allow.ok) this.allow = allow.entries; // a bad list never loads (ER_3110 refuses the change)
    this.keepIdsMs = s['relay.keepIdsHours'] * HOUR;
    await this.prune();
    if (this.stopping) return;
    await Promise.all([
      this.listeners.express.apply(s['relay.express.enabled'], s['relay.express.port']),
      this.listeners.https.apply(s['relay.https.enabled'], s['relay.https.port']),
    ]);
  }

  status(): RelayStatus {
    return {
      listeners: [this.listeners.express.status(), this.listeners.https.status()],
      agents: this.agents.size,
      waiting: this.store.waiting,
      flagged: this.agents.flagged(),
    };
  }

  /** The agent list (`express-report relay agents`), with what each still has waiting here. */
  async agentList(): Promise<RelayAgent[]> {
    await this.store.settle(undefined, (id, agent) => this.settled(id, agent));
    return this.agents.list(this.store.waitingByAgent());
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    await Promise.all([this.listeners.express.stop(), this.listeners.https.stop()]);
    for (const s of this.sockets) s.destroy();
    await this.handing;
    await this.agents.flush();
  }

  /** A stored frame is gone from received/ (forwarded or given up by the pipeline): counted for its agent. */
  private settled(id: string, agent: string): void {
    const fate = this.o.handoff.fateOf?.(id);
    if (fate?.folder === 'sent') this.agents.settled(agent, { forwarded: true });
    else if (fate?.folder === 'expired') this.agents.settled(agent, { forwarded: false, ...(fate.problem ? { problem: fate.problem } : {}) });
  }

  private async prune(): Promise<void> {
    await this.store.seen.prune(this.now(), this.keepIdsMs).catch((e: unknown) => this.o.log(problem('ER_2341', { reason: `seen.log: ${reasonOf(e)}` })));
  }

  private accept(kind: 'express' | 'https', socket: Socket): void {
    const address = socket.remoteAddress ?? 'unknown';
    socket.on('error', () => undefined);
    const refuse = (p: Problem): void => {
      this.o.log(problem('ER_2350', { address, reason: p.message.en }));
      socket.end(nakFrame(UNKNOWN_ID, p, false));
      setTimeout(() => socket.destroy(), 5_000).unref();
    };
    if (!allows(this.allow, address)) return refuse(problem('ER_2331', { address }));
    if (this.sockets.size >= this.limits.maxConnections) return refuse(problem('ER_2332', { limit: this.limits.maxConnections }));
    if (this.stopping) return refuse(problem('ER_2343'));
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    serveConnection(socket, {
      kind,
      store: this.store,
      agents: this.agents,
      handoff: this.o.handoff,
      limits: () => this.limits,
      log: this.o.log,
      inFlight: this.inFlight,
      handOn: (r, via) => this.handOn(r, via),
      stopping: () => this.stopping,
      idleMs: this.o.idleMs ?? IDLE_MS,
      forwardMs: this.o.forwardMs ?? FORWARD_MS,
      now: this.now,
    });
  }

  /** Into the pipeline, one at a time; a failure is logged and tried again later (the frame stays in received/). */
  private handOn(report: Report, via: RelayVia): void {
    const relayed = this.o.handoff.relayed;
    if (!relayed) return; // recovery without a pipeline (not wired yet): the frame waits in received/
    this.handing = this.handing.then(async () => {
      try {
        await relayed({ report, via });
        this.retrying.delete(report.id);
      } catch (e) {
        if (!this.retrying.has(report.id)) this.o.log(problem('ER_2351', { id: report.id, reason: reasonOf(e) }));
        this.retrying.set(report.id, { report, via });
        this.scheduleRetry();
      }
    });
  }

  private scheduleRetry(): void {
    if (this.retryTimer || this.stopping) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      for (const { report, via } of [...this.retrying.values()]) this.handOn(report, via);
    }, HANDOFF_RETRY_MS);
    this.retryTimer.unref();
  }
}
