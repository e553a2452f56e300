/**
 * Applies a changed config folder within a second, without polling: fs.watch on the folder and WebReprt/, debounced.
 * An invalid change is not applied: the service keeps the last good config and logs the located errors (docs/design.md
 * section 3, like Alertmanager's reload).
 *
 * A watch follows a folder (an inode), not its name: after `rm -rf <config>` and a restore, a new folder moved into
 * place or a symlink switched, the old watch sees nothing ever again. So the parent folder is watched too (only events
 * for the config folder's name count), and each debounced pass first checks which folder every name now points at
 * (device, inode, birth time; a watch that reported its own folder gone is re-armed regardless): a replaced config
 * folder or WebReprt/ is watched anew and read again, logged as ER_6014. While the config folder is missing the last
 * good config stays, ER_1060 is logged once, and (only then) a timer checks again after 1 s, doubling up to 30 s, in case
 * the parent itself is gone or cannot be watched. A folder that cannot be watched (ER_1061, e.g. the inotify limit) is
 * retried on that same timer. Idle, with the folder in place, nothing polls.
 */
import { statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ConfigStore } from '../../shared/node/config-store.js';
import { type Config } from '../../shared/config/model.js';
import { isError, problem, type Problem } from '../../shared/messages/problem.js';
import { errnoCode, reasonOf } from '../../shared/node/coded-error.js';

export interface WatchHandlers {
  /** A valid folder was read: its config and the hash of its files (ConfigStore.hash). */
  applied(config: Config, hash: string): void;
  refused(problems: Problem[]): void;
  /** The watching itself: the folder went missing (ER_1060), was replaced (ER_6014), cannot be watched (ER_1061). */
  notice(p: Problem): void;
}

const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 30_000;

/** One watched folder: which folder its watch follows, and whether that watch said the folder itself went away. */
interface Watched {
  id?: string;
  watcher?: FSWatcher;
  /** Its own name in a 'rename' event, or an error: the watched folder may be gone even if the name's identity matches. */
  suspect: boolean;
  /** It was missing since the last watch: what is there now is another folder. */
  gone: boolean;
  /** The reason last told with ER_1061 (told once until it can be watched). */
  unwatchable?: string;
}

/** What a name points at now (following a symlink), or undefined when nothing is there. */
function identity(path: string): string | undefined {
  try {
    const s = statSync(path, { bigint: true });
    return s.isDirectory() ? `${s.dev}:${s.ino}:${s.birthtimeNs}` : undefined;
  } catch {
    return undefined;
  }
}

export class ConfigWatcher {
  private readonly web: string;
  private readonly parent: string | undefined;
  private readonly name: string;
  private readonly watched = new Map<string, Watched>();
  private timer: NodeJS.Timeout | undefined;
  private retry: NodeJS.Timeout | undefined;
  private retryMs = RETRY_FIRST_MS;
  /** Passes run one after another, so a reload never overlaps a re-arm. */
  private chain: Promise<void> = Promise.resolve();
  private running = false;
  /** The config folder was found missing (ER_1060 told); cleared when it is back. */
  private missing = false;

  constructor(
    private readonly dir: string,
    private readonly on: WatchHandlers,
    private readonly debounceMs = 200,
  ) {
    this.web = join(dir, 'WebReprt');
    const abs = resolve(dir);
    this.parent = dirname(abs) === abs ? undefined : dirname(abs);
    this.name = basename(abs);
    for (const p of [this.parent, dir, this.web]) if (p !== undefined) this.watched.set(p, { suspect: false, gone: false });
  }

  start(): void {
    this.running = true;
    this.sync(false);
  }

  private schedule(): void {
    if (!this.running) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.queuePass(), this.debounceMs);
  }

  private queuePass(): void {
    // A handler's throw must not end the service, nor be lost: it is logged (ER_1040).
    this.chain = this.chain.then(() => this.pass()).catch((e: unknown) => this.on.notice(problem('ER_1040', { reason: `config ${this.dir}: ${reasonOf(e)}` })));
  }

  private async pass(): Promise<void> {
    if (this.running && this.sync(true)) await this.reload();
  }

  private event(path: string, filename: string | Buffer | null): void {
    const name = filename === null ? undefined : filename.toString();
    if (path === this.parent) {
      if (name !== undefined && name !== this.name) return; // another entry of the parent: none of our business
    } else if (name === undefined || name === basename(path)) {
      this.watched.get(path)!.suspect = true; // the folder itself was removed or moved (or a same-named entry in it)
    }
    this.schedule();
  }

  /**
   * Points every watch at the folder its name names now; reports replaced and missing folders when `report`. Returns
   * whether the config folder is there (to be read).
   */
  private sync(report: boolean): boolean {
    // The parent's watch only speeds things up (a switched symlink is seen only there); without it, the config folder's
    // own watch still reports it gone or moved away, and the missing-folder timer finds it back.
    if (this.parent !== undefined) this.arm(this.parent, true);
    const replaced = this.arm(this.dir);
    if (this.watched.get(this.dir)!.id === undefined || this.watched.get(this.dir)!.gone) {
      this.arm(this.web); // closes its watch: it went with the folder
      if (report && !this.missing) this.on.notice(problem('ER_1060', { path: this.dir }));
      this.missing = true;
      this.retryLater();
      return false;
    }
    const wasMissing = this.missing;
    this.missing = false;
    const webReplaced = this.arm(this.web);
    if (report && (replaced || wasMissing)) this.on.notice(problem('ER_6014', { path: this.dir }));
    else if (report && webReplaced) this.on.notice(problem('ER_6014', { path: this.web }));
    if (![...this.watched.values()].some((w) => w.unwatchable !== undefined)) this.stopRetry();
    return true;
  }

  /**
   * Watches `path` anew unless its watch still follows the folder the name points at. Returns true when the name now
   * points at another folder than the one watched before (replaced, or back after it was missing).
   */
  private arm(path: string, optional = false): boolean {
    const w = this.watched.get(path)!;
    const id = identity(path);
    if (w.watcher && id === w.id && !w.suspect) return false;
    w.watcher?.close();
    w.watcher = undefined;
    w.suspect = false;
    if (id === undefined) {
      if (w.id !== undefined) w.gone = true;
      return false;
    }
    const replaced = w.id !== undefined && (w.id !== id || w.gone);
    try {
      const watcher = watch(path, (_type, f) => this.event(path, f));
      // A watch that fails (its folder gone on some platforms) is one more reason to look again; never an exception.
      watcher.on('error', () => {
        w.suspect = true;
        this.schedule();
      });
      w.watcher = watcher;
      w.unwatchable = undefined;
    } catch (e) {
      if (optional) return false;
      if (errnoCode(e) === 'ENOENT') {
        if (w.id !== undefined) w.gone = true;
      } else {
        const reason = reasonOf(e);
        if (w.unwatchable !== reason) this.on.notice(problem('ER_1061', { path, reason }));
        w.unwatchable = reason;
      }
      this.retryLater(); // gone between the stat and the watch, or a watch limit: look again on the timer
      return false;
    }
    w.id = id;
    w.gone = false;
    return replaced;
  }

  /** The only timer besides the debounce: armed only while the folder is missing or cannot be watched. */
  private retryLater(): void {
    if (this.retry || !this.running) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
      this.queuePass();
    }, this.retryMs);
  }

  private stopRetry(): void {
    clearTimeout(this.retry);
    this.retry = undefined;
    this.retryMs = RETRY_FIRST_MS;
  }

  /** Loads the folder after any pass under way (never two at once); returns the config when it is valid. */
  reloadQueued(): Promise<Config | undefined> {
    const run = this.chain.then(() => this.reload());
    this.chain = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** Loads the folder; returns the config when it is valid. */
  async reload(): Promise<Config | undefined> {
    try {
      const store = await ConfigStore.open(this.dir);
      const errors = store.problems.filter(isError);
      if (errors.length > 0) {
        this.on.refused(errors);
        return undefined;
      }
      this.on.applied(store.config, store.hash);
      return store.config;
    } catch (e) {
      // A coded failure (the folder gone: ER_1005) as it is; any other is ER_1040, never dropped.
      const p = (e as { problem?: Problem }).problem;
      this.on.refused([p ?? problem('ER_1040', { reason: `config ${this.dir}: ${reasonOf(e)}` })]);
      return undefined;
    }
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
    this.stopRetry();
    for (const w of this.watched.values()) {
      w.watcher?.close();
      w.watcher = undefined;
    }
  }
}
