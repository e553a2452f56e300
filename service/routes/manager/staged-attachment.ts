/**
 * The collected-logs zip written to a temporary file in the state folder before a report goes to a manager: a frame
 * states its payload's length before the payload, and the zip is made as a stream of unknown length, so it is written
 * out once (never held in memory) and its size read back. The file is removed after the attempt, whatever happened;
 * files a killed service left behind are removed by the next attempt once they are a day old.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { problem, type Problem } from '../../../shared/messages/problem.js';
import { reasonOf } from '../../../shared/node/coded-error.js';

/** `<state>/manager-out/`: only the agent's route to a manager writes here. */
export const STAGING_DIR = 'manager-out';
const STALE_MS = 24 * 3600 * 1000;

export type Staged = { ok: true; file: string; size: number; remove(): Promise<void> } | { ok: false; problem: Problem; retry: boolean };

class TooLarge extends Error {
  constructor(readonly size: number) {
    super(`more than the limit (${size} bytes so far)`);
  }
}

/** Counts the bytes going through and stops the copy once they pass `max` (the file never grows past it). */
function capped(max: number): Transform {
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      if (size > max) cb(new TooLarge(size));
      else cb(null, chunk);
    },
  });
}

async function removeStale(dir: string, now: number): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const n of names) {
    const p = join(dir, n);
    const s = await stat(p).catch(() => undefined);
    if (s && now - s.mtimeMs > STALE_MS) await rm(p, { force: true }).catch(() => undefined);
  }
}

/**
 * Writes the attachment to `<stateDir>/manager-out/<id>-<random>.zip`. A zip over `max` is ER_2312 (not retried: it
 * will not shrink); a zip that cannot be made is ER_2015 and a file that cannot be written ER_2313 (both retried).
 */
export async function stageAttachment(stateDir: string, reportId: string, attachment: () => Readable, max: number): Promise<Staged> {
  const dir = join(stateDir, STAGING_DIR);
  const file = join(dir, `${reportId.replace(/[^A-Za-z0-9-]/g, '_')}-${randomBytes(4).toString('hex')}.zip`);
  const remove = () => rm(file, { force: true }).catch(() => undefined);
  let source: Readable | undefined;
  try {
    await mkdir(dir, { recursive: true });
    await removeStale(dir, Date.now());
    source = attachment();
    await pipeline(source, capped(max), createWriteStream(file, { flags: 'wx' }));
    return { ok: true, file, size: (await stat(file)).size, remove };
  } catch (e) {
    await remove();
    if (e instanceof TooLarge) return { ok: false, problem: problem('ER_2312', { size: e.size, max }), retry: false };
    // The zip stream failed (a log that cannot be read, a collector error) or the state folder cannot take the file.
    if (source?.errored) return { ok: false, problem: problem('ER_2015', { reason: reasonOf(e) }), retry: true };
    return { ok: false, problem: problem('ER_2313', { path: file, reason: reasonOf(e) }), retry: true };
  }
}
