/**
 * The one place a configuration change goes through (as Alertmanager's config/coordinator.go): it loads and validates
 * the config folder (./watch.ts watches it, a replaced folder included), keeps the last good configuration when a
 * change is refused, and only after a successful load tells its subscribers (the heartbeat schedule, the configuration
 * information after 開局通報, 保守中, the no-route handling and the delivery loop; next, the relay listeners), in the
 * order they subscribed. A subscriber's failure is logged (ER_1040), never thrown at the others nor dropped. It keeps
 * the last reload (time, success, problems, the hash of the files) for status: "the service runs on the settings of
 * HH:MM; your last change has 2 errors".
 */
import { type Config } from '../../shared/config/model.js';
import { type ConfigReload, type ConfigStatus } from '../../shared/host/service-types.js';
import { problem, type Problem } from '../../shared/messages/problem.js';
import { reasonOf } from '../../shared/node/coded-error.js';
import { ConfigWatcher } from './watch.js';

export interface ConfigChange {
  /** None at the first load. */
  before?: Config;
  after: Config;
}

export type Subscriber = (change: ConfigChange) => Promise<unknown> | void;

/** Status lists at most this many of a refused change's problems (the log has them all). */
const PROBLEMS_SHOWN = 20;

export class ConfigCoordinator {
  private config: Config | undefined;
  private good: { at: string; hash: string } | undefined;
  private last: ConfigReload | undefined;
  private readonly subscribers: Array<{ name: string; fn: Subscriber }> = [];
  private readonly watcher: ConfigWatcher;

  constructor(
    readonly dir: string,
    private readonly log: (p: Problem) => void,
    o: { debounceMs?: number; now?: () => Date } = {},
  ) {
    const now = o.now ?? (() => new Date());
    this.watcher = new ConfigWatcher(
      dir,
      {
        applied: (c, hash) => this.applied(c, hash, now().toISOString()),
        refused: (ps) => this.refused(ps, now().toISOString()),
        notice: (p) => log(p), // the folder missing / replaced / not watchable (./watch.ts)
      },
      o.debounceMs,
    );
  }

  /** The last good configuration; undefined until one was loaded. */
  current(): Config | undefined {
    return this.config;
  }

  /** Told after each successful load, in the order of subscription; `name` says which one failed, in the log. */
  subscribe(name: string, fn: Subscriber): void {
    this.subscribers.push({ name, fn });
  }

  status(): ConfigStatus {
    return { ...(this.good ? { since: this.good.at, hash: this.good.hash } : {}), ...(this.last ? { lastReload: this.last } : {}) };
  }

  /** Watches the folder (before the first read, so a change made meanwhile is not missed). */
  start(): void {
    this.watcher.start();
  }

  /** Loads the folder now (after a watch's pass under way, never beside it); the configuration when it was valid. */
  reload(): Promise<Config | undefined> {
    return this.watcher.reloadQueued();
  }

  stop(): void {
    this.watcher.stop();
  }

  private applied(after: Config, hash: string, at: string): void {
    const before = this.config;
    this.config = after;
    this.good = { at, hash };
    this.last = { at, ok: true, problems: [], hash };
    if (before) this.log(problem('ER_6012', { files: this.dir }));
    for (const s of this.subscribers) {
      const failed = (e: unknown): void => this.log(problem('ER_1040', { reason: `${s.name}: ${reasonOf(e)}` }));
      try {
        s.fn({ before, after })?.catch(failed);
      } catch (e) {
        failed(e);
      }
    }
  }

  private refused(problems: Problem[], at: string): void {
    problems.forEach((p) => this.log(p));
    this.log(problem('ER_1031', { count: problems.length }));
    this.last = { at, ok: false, problems: problems.slice(0, PROBLEMS_SHOWN), count: problems.length };
  }
}
