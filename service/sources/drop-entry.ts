/**
 * One entry of the drop folder, read without trusting it: only a regular file of bounded size is read, and nothing
 * here can block. lstat first (a FIFO, device, socket, directory or symbolic link named `*.json` is refused without
 * being opened), then open with O_NONBLOCK | O_NOFOLLOW and fstat, so an entry swapped for a FIFO or a link between
 * the two calls cannot block the service (or its SIGTERM) nor lead it elsewhere; at most `max + 1` bytes are read, so a
 * file that grew after the check is still refused, never loaded whole. Names are Buffers: a name that is not UTF-8 is
 * still found, read and moved, not silently skipped.
 */
import { constants, type Stats } from 'node:fs';
import { lstat, open, rename } from 'node:fs/promises';
import { errnoCode } from '../../shared/node/coded-error.js';

/** The largest drop file read (an event is under 10 KiB: source 256, message 8192 characters, id, time). */
export const DROP_FILE_MAX = 64 * 1024;

export type DropEntry =
  | { kind: 'gone' }
  | { kind: 'text'; text: string; stats: Stats }
  | { kind: 'not-regular'; type: string; stats: Stats }
  | { kind: 'too-large'; size: number; stats: Stats };

/** What an entry is, in words for the log. */
export function typeOf(st: Stats): string {
  if (st.isDirectory()) return 'directory';
  if (st.isSymbolicLink()) return 'symbolic link';
  if (st.isFIFO()) return 'FIFO';
  if (st.isSocket()) return 'socket';
  if (st.isCharacterDevice()) return 'character device';
  if (st.isBlockDevice()) return 'block device';
  return st.isFile() ? 'file' : 'unknown';
}

/** Identity and content of an entry: an entry left in place is looked at again only once this changes. */
export function signature(st: Stats): string {
  return `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`;
}

export const pathIn = (dir: string, name: Buffer): Buffer => Buffer.concat([Buffer.from(`${dir}/`), name]);

/**
 * Reads one entry. Throws only for what may pass by itself (EMFILE, EIO, ...): the caller retries later. An entry that
 * is replaced while it is being read is looked at again (twice at most, then it is left for the next scan).
 */
export async function readDropEntry(path: Buffer, max = DROP_FILE_MAX): Promise<DropEntry> {
  for (let attempt = 0; ; attempt++) {
    let st: Stats;
    try {
      st = await lstat(path);
    } catch (e) {
      if (errnoCode(e) === 'ENOENT') return { kind: 'gone' };
      throw e;
    }
    if (!st.isFile()) return { kind: 'not-regular', type: typeOf(st), stats: st };
    if (st.size > max) return { kind: 'too-large', size: st.size, stats: st };
    let fh;
    try {
      fh = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
    } catch (e) {
      const code = errnoCode(e);
      if (code === 'ENOENT') return { kind: 'gone' };
      if (code === 'ELOOP' && attempt < 2) continue; // became a link after lstat: look again
      throw e;
    }
    try {
      const f = await fh.stat();
      if (f.dev !== st.dev || f.ino !== st.ino || !f.isFile()) {
        if (attempt < 2) continue; // replaced between lstat and open
        throw new Error('the entry keeps changing while it is read');
      }
      const buf = Buffer.alloc(max + 1);
      let n = 0;
      while (n < buf.length) {
        const { bytesRead } = await fh.read(buf, n, buf.length - n, n);
        if (bytesRead === 0) break;
        n += bytesRead;
      }
      if (n > max) return { kind: 'too-large', size: Math.max(n, f.size), stats: f };
      return { kind: 'text', text: buf.toString('utf8', 0, n), stats: f };
    } finally {
      await fh.close().catch(() => undefined);
    }
  }
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace('.', '');
}

/**
 * Moves `name` from `dir` into `dir/rejected/` under a name no earlier rejected file has: the same name when it is
 * free, else `<stem>-<UTC time>[-<n>]<.json>`. Only this service writes rejected/ (one per state folder), so checking
 * first and renaming after is enough. Returns the name it got.
 */
export async function moveToRejected(dir: string, name: Buffer, now: Date = new Date()): Promise<string> {
  const text = name.toString('latin1'); // byte-for-byte, so a name that is not UTF-8 keeps its bytes
  const ext = text.toLowerCase().endsWith('.json') ? text.slice(-5) : '';
  const stem = text.slice(0, text.length - ext.length);
  const rejected = `${dir}/rejected`;
  for (let n = 0; n < 1000; n++) {
    const suffix = `-${stamp(now)}${n > 1 ? `-${n}` : ''}`;
    // A name may be 255 bytes at most: a long stem is shortened to make room for the suffix.
    const candidate = Buffer.from(n === 0 ? text : `${stem.slice(0, 255 - suffix.length - ext.length)}${suffix}${ext}`, 'latin1');
    const target = pathIn(rejected, candidate);
    const taken = await lstat(target).then(
      () => true,
      (e: unknown) => {
        if (errnoCode(e) === 'ENOENT') return false;
        throw e;
      },
    );
    if (taken) continue;
    await rename(pathIn(dir, name), target);
    return candidate.toString('utf8');
  }
  throw new Error('no free name in rejected/');
}
