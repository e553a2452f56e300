/**
 * Applies a changed config folder within a second, without polling: fs.watch on the folder and WebReprt/, debounced.
 * An invalid change is not applied: the service keeps the last good config and logs the located errors (DESIGN.md
 * section 2, like Alertmanager's reload).
 */
import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { ConfigStore } from '../../shared/node/config-store.js';
import { type Config } from '../../shared/config/model.js';
import { isError, type Problem } from '../../shared/messages/problem.js';

export interface WatchHandlers {
  applied(config: Config): void;
  refused(problems: Problem[]): void;
}

export class ConfigWatcher {
  private watchers: FSWatcher[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly dir: string, private readonly on: WatchHandlers, private readonly debounceMs = 200) {}

  start(): void {
    for (const d of [this.dir, join(this.dir, 'WebReprt')]) {
      try {
        this.watchers.push(watch(d, () => this.schedule()));
      } catch {
        // WebReprt/ may not exist yet; the folder watch still sees it appear.
      }
    }
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.reload(), this.debounceMs);
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
      this.on.applied(store.config);
      return store.config;
    } catch (e) {
      const p = (e as { problem?: Problem }).problem;
      if (p) this.on.refused([p]);
      return undefined;
    }
  }

  stop(): void {
    clearTimeout(this.timer);
    for (const w of this.watchers) w.close();
    this.watchers = [];
  }
}
