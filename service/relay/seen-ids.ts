/**
 * `<state>/relay/seen.log`: the report ids this manager has stored, one `<id> <receivedAt ISO> <port> <address>` line
 * each (the last two tell the start-up recovery how a stored report came in), so an agent's
 * repeat (it sent again after a lost ACK) is ACKed without a second copy long after the frame itself was forwarded and
 * removed. Lines are appended in the receiver's commit batch (one write and one fdatasync per batch); the file is loaded
 * at start and pruned by age (relay.keepIdsHours), never by count, rewritten atomically. Its first line names the format
 * (logHeader); `#` lines are skipped, a newer format's header is refused (ER_8101). intent.log is written the same way.
 */
import { open, readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../../shared/node/atomic-write.js';
import { checkLogHeader, logHeader } from '../../shared/node/formats/format.js';

/** The header line both logs start with. */
export const SEEN_HEADER = logHeader('relay-ids');

const LINE = /^([\x21-\x7e]{1,64}) (\S+)(?: (express|https) (\S{1,64}))?$/;

export interface SeenEntry {
  id: string;
  at: Date;
  port?: 'express' | 'https';
  from?: string;
}

interface Seen {
  t: number;
  port?: 'express' | 'https';
  from?: string;
}

const lineOf = (id: string, s: Seen): string => `${id} ${new Date(s.t).toISOString()}${s.port && s.from ? ` ${s.port} ${s.from}` : ''}\n`;

export class SeenIds {
  private readonly ids = new Map<string, Seen>();

  private constructor(readonly file: string) {}

  /** Loads the file; a line that is not `<id> <time>` is skipped (a torn last line after a crash), and counted. */
  static async load(file: string): Promise<{ seen: SeenIds; skipped: number }> {
    const s = new SeenIds(file);
    const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return '';
      throw e;
    });
    let skipped = 0;
    for (const line of text.split('\n')) {
      if (line === '') continue;
      if (line.startsWith('#')) {
        checkLogHeader(line, file);
        continue;
      }
      const m = LINE.exec(line);
      const t = m ? Date.parse(m[2]!) : NaN;
      if (!m || Number.isNaN(t)) skipped++;
      else s.ids.set(m[1]!, { t, ...(m[3] && m[4] ? { port: m[3] as 'express' | 'https', from: m[4] } : {}) });
    }
    return { seen: s, skipped };
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** How a stored report came in (the recovery's RelayVia), when the line says. */
  get(id: string): SeenEntry | undefined {
    const s = this.ids.get(id);
    return s ? { id, at: new Date(s.t), ...(s.port ? { port: s.port } : {}), ...(s.from ? { from: s.from } : {}) } : undefined;
  }

  get size(): number {
    return this.ids.size;
  }

  /** Appends the batch's ids and flushes them to disk before the batch is acknowledged. */
  async append(entries: readonly SeenEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const fh = await open(this.file, 'a', 0o600);
    try {
      // A new (or emptied) file starts with the header; a file of format 1 (no header) is given one by the migration.
      const head = (await fh.stat()).size === 0 ? SEEN_HEADER : '';
      await fh.write(head + entries.map((e) => lineOf(e.id, seenOf(e))).join(''));
      await fh.datasync();
    } finally {
      await fh.close();
    }
    for (const e of entries) this.ids.set(e.id, seenOf(e));
  }

  /** Empties the file and the memory (intent.log, once every line it holds is in seen.log). */
  async clear(): Promise<void> {
    if (this.ids.size === 0) return;
    await writeFileAtomic(this.file, SEEN_HEADER, { mode: 0o600 });
    this.ids.clear();
  }

  /** Forgets ids older than `keepMs` and rewrites the file atomically; how many were dropped. */
  async prune(now: Date, keepMs: number): Promise<number> {
    const cut = now.getTime() - keepMs;
    let dropped = 0;
    for (const [id, e] of this.ids) {
      if (e.t < cut) {
        this.ids.delete(id);
        dropped++;
      }
    }
    if (dropped > 0) {
      const lines = [...this.ids].map(([id, e]) => lineOf(id, e)).join('');
      await writeFileAtomic(this.file, SEEN_HEADER + lines, { mode: 0o600 });
    }
    return dropped;
  }
}

const seenOf = (e: SeenEntry): Seen => ({ t: e.at.getTime(), ...(e.port && e.from ? { port: e.port, from: e.from } : {}) });
