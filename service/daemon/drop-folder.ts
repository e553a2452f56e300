/**
 * The drop folder `<state>/drop/`: a program that cannot call the local API writes one JSON event per file
 * (`{"source":"atapi","id":"0xc0040006","message":"..."}`), ideally as `name.tmp` then renamed to `name.json`. The service
 * takes each `*.json`, accepts it, and removes it only after the report is in the spool; a malformed file is moved to
 * `drop/rejected/` with a log line, never retried forever and never lost. Watched with fs.watch: no polling.
 */
import { watch, type FSWatcher } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { problem, type Problem } from '../../shared/messages/problem.js';
import { eventBody } from './intake-api.js';
import { type IncomingEvent } from './core.js';

export class DropFolder {
  private watcher: FSWatcher | undefined;
  private running: Promise<void> = Promise.resolve();
  private again = false;

  constructor(
    readonly dir: string,
    private readonly accept: (e: IncomingEvent) => Promise<unknown>,
    private readonly report: (p: Problem) => void,
  ) {}

  async start(): Promise<void> {
    await mkdir(join(this.dir, 'rejected'), { recursive: true, mode: 0o700 });
    this.watcher = watch(this.dir, () => this.scan());
    this.scan(); // files dropped while the service was down
  }

  /** One scan at a time; a change during a scan triggers one more. */
  scan(): Promise<void> {
    if (this.again) return this.running;
    this.again = true;
    this.running = this.running.then(async () => {
      this.again = false;
      const names = (await readdir(this.dir).catch(() => [])).filter((n) => n.endsWith('.json')).sort();
      for (const name of names) await this.take(name);
    });
    return this.running;
  }

  private async take(name: string): Promise<void> {
    const path = join(this.dir, name);
    const text = await readFile(path, 'utf8').catch(() => undefined);
    if (text === undefined) return; // taken already
    let parsed;
    try {
      parsed = eventBody.safeParse(JSON.parse(text));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) {
      await rename(path, join(this.dir, 'rejected', name)).catch(() => undefined);
      this.report(problem('ER_1033', { path, reason: parsed ? parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : 'not JSON' }, { file: path, line: 1 }));
      return;
    }
    const e = parsed.data;
    await this.accept({ source: e.source, id: parseInt(e.id, 16) >>> 0, message: e.message ?? '', ...(e.time ? { time: e.time } : {}) });
    await rm(path, { force: true });
  }

  async stop(): Promise<void> {
    this.watcher?.close();
    await this.running;
  }
}
