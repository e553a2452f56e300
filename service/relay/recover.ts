/**
 * The receiver's start (docs/relay.md, "Recovery"): a `.part` left by a stop or a crash was never acknowledged, so it
 * is removed (the agent sends it again); every `received/<id>.frame` is read through and checked (CRC, header schema,
 * file name = id): a good one is held again and, a queued kind not in the spool yet, handed to the pipeline again
 * (spool.accept is idempotent by id); a test / activation frame was being forwarded when the service stopped (its
 * agent got no answer and sends again): removed; a frame that does not verify goes to `corrupt/` with a log line.
 */
import { createReadStream } from 'node:fs';
import { readdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { problem, type Problem } from '../../shared/messages/problem.js';
import { reasonOf } from '../../shared/node/coded-error.js';
import { relayedReport, type RelayedReport } from '../../shared/report/relayed.js';
import { identityOf } from './agents.js';
import { FrameStreamReader } from './frame-stream.js';
import { type SeenEntry } from './seen-ids.js';
import { type RelayStore } from './store.js';
import { type RelayVia } from './via.js';

export type Verified = { ok: true; report: RelayedReport; bytes: number } | { ok: false; reason: string };

/** Reads a stored frame whole, streaming (never in memory): one report frame, its CRC right, its header a report. */
export async function verifyFrame(file: string): Promise<Verified> {
  const reader = new FrameStreamReader();
  let header: Buffer | undefined;
  let ends = 0;
  let bytes = 0;
  let id = '';
  try {
    for await (const chunk of createReadStream(file)) {
      const b = chunk as Buffer;
      bytes += b.length;
      if (ends > 0) return { ok: false, reason: 'bytes after the frame' };
      for (const ev of reader.push(b)) {
        if (ev.e === 'begin' && ev.type !== 'report') return { ok: false, reason: `a ${ev.type} frame` };
        if (ev.e === 'section' && ev.part === 'header') header = ev.value;
        if (ev.e === 'end') {
          ends++;
          id = ev.id;
        }
      }
    }
  } catch (e) {
    return { ok: false, reason: reasonOf(e) };
  }
  if (ends !== 1 || !header) return { ok: false, reason: 'the frame is cut short' };
  let json: unknown;
  try {
    json = JSON.parse(header.toString('utf8'));
  } catch (e) {
    return { ok: false, reason: `header: ${reasonOf(e)}` };
  }
  const r = relayedReport(json);
  if (!r.ok) return { ok: false, reason: r.reason };
  if (r.report.id !== id) return { ok: false, reason: `the frame id ${id} is not the header's ${r.report.id}` };
  return { ok: true, report: r.report, bytes };
}

export interface RecoverDeps {
  store: RelayStore;
  inSpool(id: string): boolean;
  /** A queued report to hand to the pipeline again. */
  handOn(report: RelayedReport, via: RelayVia): void;
  log(p: Problem): void;
}

export async function recoverStore(d: RecoverDeps): Promise<{ parts: number; handed: number; corrupt: number }> {
  const { dirs } = d.store;
  let parts = 0;
  for (const name of await readdir(dirs.incoming)) {
    await unlink(join(dirs.incoming, name)).catch(() => undefined);
    parts++;
  }
  let handed = 0;
  let corrupt = 0;
  const unseen: SeenEntry[] = [];
  for (const name of (await readdir(dirs.received)).sort()) {
    const file = join(dirs.received, name);
    if (!name.endsWith('.frame')) continue;
    const v = await verifyFrame(file);
    const id = name.slice(0, -'.frame'.length);
    if (!v.ok || v.report.id !== id) {
      const to = join(dirs.corrupt, name);
      await rename(file, to).catch(() => undefined);
      d.log(problem('ER_2345', { path: file, corrupt: to, reason: v.ok ? `the file name is not the report id ${v.report.id}` : v.reason }));
      corrupt++;
      continue;
    }
    if (v.report.kind === 'test' || v.report.kind === 'activation') {
      await unlink(file).catch(() => undefined);
      continue;
    }
    d.store.note(id, { agent: identityOf(v.report.machine), bytes: v.bytes });
    // Renamed in but killed before seen.log: intent.log says how it came; seen.log learns it now, so a repeat is known.
    let seen = d.store.seen.get(id);
    if (!seen) {
      const intent = d.store.intent.get(id);
      seen = { id, at: intent?.at ?? (await stat(file)).mtime, ...(intent?.port && intent.from ? { port: intent.port, from: intent.from } : {}) };
      unseen.push(seen);
    }
    if (!d.inSpool(id)) {
      d.handOn(v.report, { port: seen.port ?? 'express', from: seen.from ?? 'unknown', receivedAt: seen.at.toISOString() });
      handed++;
    }
  }
  try {
    await d.store.seen.append(unseen);
    await d.store.intent.clear();
  } catch (e) {
    d.log(problem('ER_2353', { path: d.store.dirs.seen, reason: reasonOf(e) }));
  }
  return { parts, handed, corrupt };
}
