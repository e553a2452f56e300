/**
 * `express-report service`: the background service. One per state folder (a lock); events in through the local API
 * and the drop folder; monitored events become reports (with suppression) in the durable spool; the delivery loop sends
 * them over the configured route with retries inside the time window. The config folder is watched: a valid change
 * applies at once, an invalid one is logged and the last good config kept. Nothing polls while idle.
 */
import { join } from 'node:path';
import { mkdir, rm, stat } from 'node:fs/promises';
import { CodedError, codedError, isCodedError, reasonOf } from '../../shared/node/coded-error.js';
import { type Config } from '../../shared/config/model.js';
import { problem } from '../../shared/messages/problem.js';
import { formatEventId, type Report } from '../../shared/report/model.js';
import { ensureServiceKey, loadPrivateKey, openSealed } from '../../shared/node/secrets.js';
import { loadResources } from '../../shared/node/host/resources.js';
import { Spool } from '../spool/spool.js';
import { type LogEntry } from '../common/log-entry.js';
import { DeliveryLoop, policySources } from '../delivery/loop.js';
import { Suppressor, suppressionSettings } from '../intake/suppression.js';
import { buildIntake, type Intake } from '../intake/pipeline.js';
import { heartbeatIntake } from '../intake/heartbeat.js';
import { NoRouteCount } from '../intake/no-route.js';
import { buildRoutes, centerCertificateIn } from '../routes/registry.js';
import { buildForwardingRoutes, forwardingRouteName } from '../routes/forwarding.js';
import { dropSettledFrames, storedPayloadBytes, withRelayedAttachments } from '../relay/forwarded-frames.js';
import { receivedFrame } from '../relay/frame-file.js';
import { forwardNowWith, type ForwardNowRequest } from '../relay/forward-now.js';
import { RelayReceiver } from '../relay/receiver.js';
import { type RelayedOutcome, type RelayedReport } from '../intake/relayed.js';
import { type SpoolRelay } from '../spool/record.js';
import { acquireLock, type Lock } from '../common/lock.js';
import { ServiceLog, serviceLogDir } from '../common/service-log.js';
import { ConfigCoordinator } from '../config/coordinator.js';
import { MonitoredEvents } from '../intake/monitored.js';
import { startIntakeApi } from './intake-api.js';
import { type ApiLimits } from '../common/api-guard.js';
import { type DropFolderOptions } from '../sources/drop-folder.js';
import { startEventSources } from './event-sources.js';
import { notify } from '../notify/notify.js';
import { activationMarker, onlyStateChanged, readActivationMarker } from '../notify/activation-marker.js';
import { queueStatus } from './queue-status.js';
import { Collector } from '../collect/collector.js';
import { attachmentFor } from '../collect/collect.js';
import { HeartbeatScheduler } from '../sources/heartbeat-scheduler.js';
import { type ServiceCore } from './core.js';
import { debugStatus, debugStatusOn } from './debug-status.js';
import { type EventOutcome, type RunMode, type ServiceStatus } from '../../shared/host/service-types.js';
import { type IncomingEvent } from '../sources/event-source.js';
import { type NotifyRequest, type NotifyResult, type RelayAgent } from '../../shared/host/service-types.js';
import { type Outcome, type Route } from '../routes/route.js';
import { Maintenance } from '../delivery/maintenance.js';
import { migrateLegacyPause } from '../../shared/node/maintenance-file.js';
import { migrateFolders } from '../../shared/node/formats/migrations.js';
import { packageVersion } from '../app-paths.js';
import { type PauseOrder, type PauseResult, type ResumeRequest, type ResumeResult } from '../../shared/host/maintenance.js';

export interface ServiceOptions {
  configDir: string;
  stateDir: string;
  resourcesDir: string;
  /** Where log lines are echoed (stderr by default). */
  echo?: (line: string) => void;
  /** The OS event sources (docs/event-sources.md): the platform's defaults unless false. */
  osEvents?: false | { syslogFiles?: string[]; journalctl?: string };
  /** The log to write to, when the caller also writes to it (the command line's process guards); else one is made. */
  log?: ServiceLog;
  /** The local API's limits (common/api-guard.ts API_LIMITS); tests lower them. */
  apiLimits?: Partial<ApiLimits>;
  /** The drop folder's limits (../sources/drop-folder.ts); tests shorten them. */
  drop?: DropFolderOptions;
  /** How it was started (`service --run-mode`), said in status; 'manual' when not given. */
  runMode?: RunMode;
}

/** Without a valid config nothing reaches a route (the loop reads the state as 'paused'), so this never throws there. */
function current(held: Current): Config {
  if (!held.config) throw new Error('no valid configuration yet');
  return held.config;
}

/** The last good config, shared by the service and the parts built before it. */
interface Current {
  config?: Config;
}

export class ReportingService implements ServiceCore {
  /** Monotonic (never stepped): status shows the start as so long ago, which a clock step after it cannot move. */
  private readonly startedMono = performance.now();
  private closers: Array<() => Promise<void> | void> = [];
  /** Set once start() has built it; status asks it when the next report really goes (retry time or window opening). */
  private loop: DeliveryLoop | undefined;
  private afterActivation: Promise<unknown> = Promise.resolve();
  /** The configuration's one way in (../config/coordinator.ts): status shows its last reload. */
  private coordinator: ConfigCoordinator | undefined;
  /** The intake stages (../intake/pipeline.ts), built once with the parts they use. */
  private intake!: Intake;
  /**
   * What the relay receiver (../relay/) hands on (docs/relay.md "Forwarding"): a stored failure / heartbeat /
   * maintenance report into the spool, a test / activation forwarded at once, and whether the spool has an id.
   */
  relayHandoff!: {
    relayed(r: RelayedReport): Promise<RelayedOutcome>;
    forwardNow(r: ForwardNowRequest, signal: AbortSignal): Promise<Outcome>;
    inSpool(id: string): boolean;
  };
  /** 保守中 (../delivery/maintenance.ts): built with the loop; while it holds, the loop sends nothing. */
  private maintenance: Maintenance | undefined;
  /** The manager relay's receiver (../relay/receiver.ts): its ports open while a relay is enabled. */
  private relay: RelayReceiver | undefined;
  /** What was not sent because no route is enabled, since the start (status: notSent); each is logged once, none retried. */
  private readonly noRoute = new NoRouteCount();
  /** How it was started (`service --run-mode`), said in status. */
  private runMode: RunMode = 'manual';
  /** 構成情報通報 (AMHTPHBI.INF): on its schedule and right after activation (../intake/heartbeat.ts). */
  private queueHeartbeat!: (why: { ja: string; en: string }) => Promise<void>;
  /**
   * The "route" of express.route = off: a report that reaches it (it waited while a route was enabled, then the route
   * was switched off) is expired at once with ER_2107, not retried for the retry limit (docs/delivery.md).
   */
  private readonly unrouted: Route = {
    name: 'off',
    send: async (r: Report): Promise<Outcome> => {
      const reason = problem('ER_2107', { id: r.id, kind: r.kind });
      this.noRoute.add(`${r.kind} ${r.id}`);
      return { ok: false, retry: false, problem: reason, reason };
    },
  };

  private constructor(
    private readonly held: Current,
    private readonly log: ServiceLog,
    private readonly spool: Spool,
    private readonly dirs: { configDir: string; stateDir: string },
  ) {}

  static async start(o: ServiceOptions): Promise<ReportingService> {
    // The folder must exist (it is watched); `init` makes it. A missing one is a clear error, not a silent idle service.
    if (
      !(await stat(o.configDir).then(
        (x) => x.isDirectory(),
        () => false,
      ))
    )
      throw codedError('ER_1005', { path: o.configDir });
    await mkdir(o.stateDir, { recursive: true, mode: 0o700 });
    const lock: Lock = await acquireLock(o.stateDir);
    const log = o.log ?? new ServiceLog(serviceLogDir(o.stateDir), o.echo);
    let made: ReportingService | undefined;
    try {
      // Formats (docs/backup.md): a newer folder refuses the start (ER_8101); an older one is migrated now, under the lock.
      await migrateFolders(o, { version: packageVersion(), log: (p) => log.problem(p) }).catch((e: unknown) => {
        if (!isCodedError(e, 'ER_8106')) throw e;
        log.problem(e.problem); // not done (a full disk...): an older folder reads as it is; the next start finishes it
      });
      await ensureServiceKey(o.stateDir);
      const key = await loadPrivateKey(o.stateDir);
      const openSecret = (sealed: string): string => (sealed === '' ? '' : openSealed(sealed, key));
      const sink = (e: LogEntry) => log.entry(e);
      const spool = await Spool.open(o.stateDir, { onEvent: sink });
      // Before the receiver looks at relay/received/: a frame whose report was forwarded (or expired) goes.
      const unwatchFrames = await dropSettledFrames(o.stateDir, spool, (p) => log.problem(p));
      const monitored = new MonitoredEvents((await loadResources(o.resourcesDir)).monitoredEvents);
      const coordinator = new ConfigCoordinator(o.configDir, (p) => log.problem(p));
      // The last good config is the coordinator's: every part reads it there, never a copy.
      const held: Current = {
        get config() {
          return coordinator.current();
        },
      };
      const suppressor = new Suppressor({
        spool,
        settings: () => suppressionSettings(current(held).settings),
        severityOf: (source, id) => monitored.match(source, id)?.severity ?? 'information',
        onEvent: sink,
      });
      const collector = new Collector({ spool, configDir: o.configDir, config: () => held.config, log: (p) => log.problem(p) });
      const s = new ReportingService(held, log, spool, { configDir: o.configDir, stateDir: o.stateDir });
      s.runMode = o.runMode ?? 'manual';
      s.intake = buildIntake({
        monitored,
        suppressor,
        spool,
        collector,
        config: () => held.config,
        log: (p) => log.problem(p),
        noRoute: (what) => s.noRoute.add(what),
        relayFrames: { payloadBytes: (id) => storedPayloadBytes(o.stateDir, id), framePath: (id) => receivedFrame(o.stateDir, id) },
      });
      s.queueHeartbeat = heartbeatIntake({
        spool,
        collector,
        config: () => held.config,
        log: (p) => log.problem(p),
        noRoute: (what) => s.noRoute.add(what),
      });
      // Closers run first to last: each part is added at the front as soon as it runs, so a start that fails half-way
      // stops exactly what had started, the newest first, and the lock goes last.
      s.closers.push(
        () => collector.stop(),
        () => unwatchFrames(),
        () => lock.release(),
        () => log.flush(),
      );
      made = s;
      // Work started from a callback (a settings change) has nobody awaiting it: its failure is logged, not thrown.
      const background = (what: string, p: Promise<unknown> | undefined): void => {
        p?.catch((e: unknown) => log.problem(problem('ER_1040', { reason: `${what}: ${reasonOf(e)}` })));
      };
      const heartbeat = new HeartbeatScheduler({
        stateFile: join(o.stateDir, 'heartbeat.json'),
        run: async (due) => {
          await s.queueHeartbeat({ ja: `定期 ${due.toISOString()}`, en: `scheduled for ${due.toISOString()}` });
        },
        onProblem: (p) => log.problem(p),
      });

      // An older version's State=paused becomes 運用中 + a pause without an end time, once (docs/activation.md).
      const migrate = async (): Promise<void> => {
        if (await migrateLegacyPause(o)) log.problem(problem('ER_6115'));
        await s.maintenance?.reload();
      };
      await migrate().catch((e: unknown) => log.problem(problem('ER_1040', { reason: `State=paused: ${reasonOf(e)}` })));
      let heartbeatStarted = false; // a change during start-up is picked up by heartbeat.start() itself
      // Told only after a successful load, in this order (../config/coordinator.ts); a failure of one is logged.
      coordinator.subscribe('State=paused', ({ after }) => (after.settings['activation.state'] === 'paused' ? migrate() : undefined));
      coordinator.subscribe('heartbeat schedule', ({ before, after }) => (before && heartbeatStarted ? heartbeat.update(after.inf.hbi?.schedule) : undefined));
      coordinator.subscribe('configuration information after activation', ({ before, after }) =>
        before ? s.heartbeatAfterActivation({ before, after }) : undefined,
      );
      // The route switched off: what waits is expired first (ER_2107), so the loop does not hold it for the limit.
      coordinator.subscribe('delivery loop', () => s.expireUnroutable().then(() => s.loop?.wake())); // made once the first config is read
      // Watching before the first read, so a change made while the service starts is not missed.
      coordinator.start();
      s.coordinator = coordinator;
      s.closers.unshift(
        () => coordinator.stop(),
        () => heartbeat.stop(),
      );
      await coordinator.reload();
      // A relayed report's attachment streams from its stored frame; the manager's own, from the logs collected here.
      const attachments = withRelayedAttachments(o.stateDir, spool, attachmentFor);
      const routes = buildRoutes({ attachmentFor: attachments, centerCertificate: centerCertificateIn(o.configDir), stateDir: o.stateDir });
      const sources = policySources(() => current(held), openSecret);
      const forwarding = buildForwardingRoutes({ attachmentFor: attachments, centerCertificate: centerCertificateIn(o.configDir) });
      const loop = new DeliveryLoop({
        spool,
        // A route that does not exist (off, or not built yet) leaves the report waiting, visibly (ER_2100).
        // off: expired at once (ER_2107).
        // A relayed report goes by the forwarding route of the port it came on (../routes/forwarding.ts).
        routeFor: (_r: Report, relay?: SpoolRelay) =>
          relay
            ? forwarding[forwardingRouteName(relay.port, current(held).settings)]
            : current(held).settings['express.route'] === 'off'
              ? s.unrouted
              : routes[current(held).settings['express.route']],
        policy: sources.policy,
        // Without a valid config nothing is sent: the reports wait (and are visible) until one arrives.
        state: () => (held.config ? sources.state() : 'paused'),
        held: () => s.maintenance?.isPaused() ?? false,
        context: sources.context,
        onEvent: sink,
      });
      s.loop = loop;
      s.closers.unshift(() => loop.stop());
      const maintenance = new Maintenance({
        stateDir: o.stateDir,
        spool,
        config: () => held.config,
        routeFor: () =>
          held.config ? (held.config.settings['express.route'] === 'off' ? s.unrouted : routes[held.config.settings['express.route']]) : undefined,
        context: sources.context,
        hold: () => loop.hold(),
        wake: () => background('delivery loop', loop.wake()),
        log: (p) => log.problem(p),
      });
      // Before the loop's first pass: a pause recorded before the restart holds from the start.
      await maintenance.load();
      s.maintenance = maintenance;
      s.relayHandoff = {
        relayed: (r) => s.intake.relayed(r),
        forwardNow: forwardNowWith({
          config: () => held.config,
          openSecret,
          centerCertificate: centerCertificateIn(o.configDir),
          paused: () => maintenance.isPaused(),
          log: (p) => log.problem(p),
        }),
        inSpool: (id) => spool.get(id) !== undefined,
      };
      s.closers.unshift(() => maintenance.stop());
      // Collections a stop cut short, queued before anything new can be accepted (else a new one would be listed twice).
      collector.resume();
      await startEventSources({
        stateDir: o.stateDir,
        ...(o.drop ? { drop: o.drop } : {}),
        ...(o.osEvents !== undefined ? { osEvents: o.osEvents } : {}),
        catchUpHours: held.config?.settings['schedule.retry.limitHours'],
        accept: (e) => s.acceptEvent(e),
        fromOs: (e) => s.fromOs(e),
        log: (p) => log.problem(p),
        closeLater: (stop) => s.closers.unshift(stop),
      });
      await heartbeat.start(held.config?.inf.hbi?.schedule);
      heartbeatStarted = true;
      await s.heartbeatAfterActivation(); // activated while the service was not running
      // The manager relay (docs/relay.md): its store recovered, its ports opened by the settings, before service.json.
      const relay = await RelayReceiver.start({
        stateDir: o.stateDir,
        handoff: {
          relayed: async (r) => {
            const out = await s.relayHandoff.relayed(r);
            if (out.result === 'refused') throw new CodedError(out.problem); // kept in received/, handed again later
          },
          forwardNow: (r, signal) => s.relayHandoff.forwardNow(r, signal),
          inSpool: (id) => s.relayHandoff.inSpool(id),
          fateOf: (id) => {
            const e = spool.get(id);
            return e ? { folder: e.folder, ...(e.lastError ? { problem: e.lastError } : {}) } : undefined;
          },
        },
        log: (p) => log.problem(p),
      });
      s.relay = relay;
      s.closers.unshift(() => relay.stop());
      coordinator.subscribe('relay listeners', ({ after }) => relay.apply(after));
      if (held.config) await relay.apply(held.config);
      // Last: service.json tells callers (and tests) that the service is ready, every part started.
      // It closes its own listener if it cannot write service.json (disk full), so a failed start leaves nothing open.
      const api = await startIntakeApi(s, o.stateDir, { limits: o.apiLimits, log: (p) => log.problem(p) });
      s.closers.unshift(() => api.close());
      await s.expireUnroutable();
      await loop.wake();
      log.problem(problem('ER_6010', { path: o.stateDir }));
      return s;
    } catch (e) {
      // Whatever had started stops again (its closers release the lock too), so a failed start leaves nothing running.
      if (made) await made.stop();
      else await lock.release();
      throw e;
    }
  }

  /** The manager relay's agent list (`express-report relay agents`). */
  async relayAgents(): Promise<RelayAgent[]> {
    return (await this.relay?.agentList()) ?? [];
  }

  /** An event in (local API, drop folder, OS sources): through the intake stages (../intake/pipeline.ts). */
  acceptEvent(e: IncomingEvent): Promise<EventOutcome> {
    return this.intake.event(e);
  }

  /**
   * 開局通報 succeeded (in this process or another: ../notify/notify.ts leaves a marker in the state folder): the configuration
   * information goes right after it (docs/design.md section 8.3), once; without AMHTPHBI.INF there is nothing to send.
   * `change` is the settings change that called (none at start-up). A 開局通報 sent with a dialog's unsaved values
   * waits for them to be saved: a change that is only its own state write is not that (../notify/activation-marker.ts).
   */
  heartbeatAfterActivation(change?: { before: Config; after: Config }): Promise<void> {
    // One at a time: a direct reload after a 開局通報 and the watch's own pass must not both queue it.
    const run = this.afterActivation.then(() => this.afterActivationOnce(change));
    this.afterActivation = run.catch(() => undefined);
    return run;
  }

  private async afterActivationOnce(change?: { before: Config; after: Config }): Promise<void> {
    const marker = await readActivationMarker(this.dirs.stateDir);
    if (!marker) return;
    const c = this.held.config;
    if (c?.settings['activation.state'] !== 'active') return;
    if (marker.untilSaved && change && onlyStateChanged(change.before, change.after)) return;
    await rm(activationMarker(this.dirs.stateDir), { force: true });
    await this.queueHeartbeat({ ja: '開局通報の後', en: 'after the activation notification' });
  }

  /**
   * An event read from the OS log: most are not monitored; a failure to spool one is logged, never thrown at the reader.
   * Resolves true once the event was accepted (the source may then keep its position past it), false if it failed.
   */
  private fromOs(e: IncomingEvent): Promise<boolean> {
    return this.acceptEvent(e).then(
      (r) => {
        if (r.result !== 'ignored') this.log.problem(problem('ER_6013', { source: e.source, id: formatEventId(e.id) }));
        return true;
      },
      (err: unknown) => {
        this.log.problem(problem('ER_1034', { request: `event ${e.source} ${formatEventId(e.id)}`, reason: reasonOf(err) }));
        return false;
      },
    );
  }

  /** 保守中にする: only while 運用中 (../delivery/maintenance.ts); the center is told as the hold begins. */
  async pause(order: PauseOrder): Promise<PauseResult> {
    if (!this.maintenance) return { ok: false, problems: [problem('ER_1032', { path: this.dirs.stateDir })] };
    const r = await this.maintenance.pause(order);
    if (!r.ok) r.problems.forEach((p) => this.log.problem(p));
    return r;
  }

  /** 保守を終了: the held reports go (or, asked, expire), the center is told of the end. */
  async resume(req: ResumeRequest): Promise<ResumeResult> {
    if (!this.maintenance) return { ok: false, problems: [problem('ER_1032', { path: this.dirs.stateDir })] };
    const r = await this.maintenance.resume({ ...req, by: 'user' });
    if (!r.ok) r.problems.forEach((p) => this.log.problem(p));
    return r;
  }

  /** テスト通報 / 開局通報 asked over the local API (the desktop app); the state change reaches us through the watcher. */
  async notify(req: NotifyRequest): Promise<NotifyResult> {
    const r = await notify(this.dirs, req);
    if (r.ok) this.log.problem(problem(req.kind === 'test' ? 'ER_6020' : 'ER_6021', { detail: r.detail, state: r.state }));
    else r.problems.forEach((p) => this.log.problem(p));
    // Sent here: the state write is applied now, and with it the configuration information starts (or, sent with a
    // dialog's unsaved values, waits for them: ../notify/activation-marker.ts), without waiting for the watch to see the write.
    // The marker stays the durable record until it is queued, and the way a 開局通報 sent by another process is told.
    if (r.ok && req.kind === 'activation' && this.coordinator) {
      await this.coordinator
        .reload()
        .catch((e: unknown) => this.log.problem(problem('ER_1040', { reason: `configuration information after activation: ${reasonOf(e)}` })));
    }
    return r;
  }

  async status(): Promise<ServiceStatus> {
    const queue = queueStatus(this.spool, this.loop);
    const notSent = this.noRoute.notSent();
    return {
      state: this.held.config?.settings['activation.state'] ?? 'unknown',
      pending: queue.pending,
      expired: queue.expired,
      ...(queue.lastDelivery ? { lastDelivery: queue.lastDelivery } : {}),
      ...(queue.lastFailure ? { lastFailure: queue.lastFailure } : {}),
      ...(queue.nextRetry ? { nextRetry: queue.nextRetry } : {}),
      pid: process.pid,
      startedAt: new Date(Date.now() - (performance.now() - this.startedMono)).toISOString(),
      runMode: this.runMode,
      reports: queue.reports,
      ...(this.maintenance?.current() ? { maintenance: this.maintenance.current() } : {}),
      ...(notSent ? { notSent } : {}),
      ...(this.coordinator ? { config: this.coordinator.status() } : {}),
      ...(this.relay ? { relay: this.relay.status() } : {}),
      ...(debugStatusOn() ? { debug: await debugStatus() } : {}),
    };
  }

  /**
   * express.route = off: nothing can send what waits, so each waiting report is expired at once (ER_2107, logged once,
   * counted in status) instead of being held until its retry limit. One being sent now ends through the loop: its
   * next attempt meets the "off" route, which expires it the same way.
   */
  async expireUnroutable(): Promise<void> {
    if (this.held.config?.settings['express.route'] !== 'off') return;
    for (const r of this.spool.pending()) {
      // A relayed report goes by the relay's forwarding route, not by express.route.
      if (r.relay || this.loop?.isSending(r.report.id)) continue;
      const reason = problem('ER_2107', { id: r.report.id, kind: r.report.kind });
      try {
        await this.spool.expire(r.report.id, reason);
      } catch (e) {
        // Left waiting: the loop's next attempt meets the "off" route and expires it (or logs why it cannot).
        this.log.problem(problem('ER_1040', { reason: `expire ${r.report.id}: ${reasonOf(e)}` }));
        continue;
      }
      this.log.problem(reason);
      this.noRoute.add(`${r.report.kind} ${r.report.id}`);
    }
  }

  /** Stops every part, even when one of them fails to stop (logged): the lock is always released, the log flushed. */
  async stop(): Promise<void> {
    const closers = this.closers;
    this.closers = [];
    for (const close of closers) {
      try {
        await close();
      } catch (e) {
        this.log.problem(problem('ER_1043', { reason: reasonOf(e) }));
      }
    }
  }
}
