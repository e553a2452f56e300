/**
 * The manager's store, `<state>/relay/` (docs/relay.md): `incoming/` frames being received, `received/<id>.frame` the
 * exact bytes of each stored report until it is forwarded (H3 removes it then), `corrupt/` a stored frame that does not
 * verify, `seen.log` the ids stored (repeats), `intent.log` how the frames of the batch being committed came in (so a
 * crash between their rename and seen.log still knows their port), `agents.json` the agent list. It knows which ids it holds (by agent,
 * with their sizes) so the limits are checked without reading the disk; a count at a limit is checked again against
 * the folder, since the forwarding side removes files without telling.
 */
import { mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { GroupCommit } from './group-commit.js';
import { PartFile } from './part-file.js';
import { SeenIds } from './seen-ids.js';

export interface StoredFrame {
  agent: string;
  bytes: number;
}

export const relayDirs = (stateDir: string) => {
  const root = join(stateDir, 'relay');
  return {
    root,
    incoming: join(root, 'incoming'),
    received: join(root, 'received'),
    corrupt: join(root, 'corrupt'),
    seen: join(root, 'seen.log'),
    intent: join(root, 'intent.log'),
    agents: join(root, 'agents.json'),
  };
};
export type RelayDirs = ReturnType<typeof relayDirs>;

export class RelayStore {
  /** Frames in received/: id → its agent and size. */
  private readonly held = new Map<string, StoredFrame>();
  private heldBytes = 0;
  readonly commits: GroupCommit;

  private constructor(
    readonly dirs: RelayDirs,
    readonly seen: SeenIds,
    readonly intent: SeenIds,
  ) {
    this.commits = new GroupCommit({ dir: dirs.received, intend: (e) => intent.append(e), remember: (e) => seen.append(e), idle: () => intent.clear() });
  }

  /** Creates the folders and loads seen.log (a line it cannot read is skipped: `skipped`). */
  static async open(stateDir: string): Promise<{ store: RelayStore; skipped: number }> {
    const dirs = relayDirs(stateDir);
    for (const d of [dirs.root, dirs.incoming, dirs.received, dirs.corrupt]) await mkdir(d, { recursive: true, mode: 0o700 });
    const { seen, skipped } = await SeenIds.load(dirs.seen);
    const { seen: intent } = await SeenIds.load(dirs.intent); // a torn line: its frame was never renamed, never acked
    return { store: new RelayStore(dirs, seen, intent), skipped };
  }

  framePath(id: string): string {
    return join(this.dirs.received, `${id}.frame`);
  }

  newPart(): PartFile {
    return new PartFile(this.dirs.incoming);
  }

  /** Stored here now (received/, not yet forwarded), or stored before (seen.log). */
  holds(id: string): boolean {
    return this.held.has(id) || this.seen.has(id);
  }

  note(id: string, frame: StoredFrame): void {
    if (!this.held.has(id)) this.heldBytes += frame.bytes;
    this.held.set(id, frame);
  }

  forget(id: string): void {
    const f = this.held.get(id);
    if (!f) return;
    this.heldBytes -= f.bytes;
    this.held.delete(id);
  }

  /** The frames of each agent still in received/ (waiting to be forwarded). */
  waitingByAgent(): Map<string, number> {
    const m = new Map<string, number>();
    for (const f of this.held.values()) m.set(f.agent, (m.get(f.agent) ?? 0) + 1);
    return m;
  }

  waitingOf(agent: string): number {
    let n = 0;
    for (const f of this.held.values()) if (f.agent === agent) n++;
    return n;
  }

  get waiting(): number {
    return this.held.size;
  }

  get bytes(): number {
    return this.heldBytes;
  }

  /** Drops what the forwarding side removed from received/ since (only called at a limit, or for the agent list). */
  async settle(agent?: string, gone?: (id: string, agent: string) => void): Promise<void> {
    const names = new Set(await readdir(this.dirs.received).catch(() => [] as string[]));
    for (const [id, f] of [...this.held]) {
      if (agent !== undefined && f.agent !== agent) continue;
      if (names.has(`${id}.frame`)) continue;
      this.forget(id);
      gone?.(id, f.agent);
    }
  }

  /** The size of a stored frame (0 when it is gone). */
  async sizeOf(id: string): Promise<number> {
    return stat(this.framePath(id)).then(
      (s) => s.size,
      () => 0,
    );
  }
}
