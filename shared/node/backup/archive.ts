/**
 * A backup archive: one zip (written with yazl, read with yauzl) holding `config/...`, `state/...` and, last,
 * `manifest.json`. Reading checks the limits, every name (no traversal, no duplicate, nothing the manifest
 * does not list) and every declared size before inflating, then each entry's SHA-256 against the manifest.
 */
import { createHash } from 'node:crypto';
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import { isUnsafeEntryName } from '../../transfer/format.js';
import { issuesText } from '../../messages/zod-issues.js';
import { codedError, errnoCode, reasonOf } from '../coded-error.js';
import { MANIFEST, manifestSchema, type Manifest } from './manifest.js';
import { readZipEntries } from '../zip-read.js';

/** `unpackedBytes`: all entries together, as declared (each is checked to inflate to exactly that): what a read holds. */
export const LIMITS = {
  archiveBytes: 1024 * 1024 * 1024,
  entries: 200_000,
  entryBytes: 512 * 1024 * 1024,
  manifestBytes: 64 * 1024 * 1024,
  unpackedBytes: 1024 * 1024 * 1024,
};

export const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** What is never in a backup: the logs, the backups, the running service's files, temp files, the config write lock. */
export function excluded(top: 'config' | 'state', rel: string): boolean {
  const first = rel.split('/')[0]!;
  const base = rel.split('/').pop()!;
  if (base.endsWith('.tmp')) return true;
  if (top === 'config') return first.startsWith('.config.lock');
  return first === 'log' || first === 'backups' || first === 'service.json' || first === 'service.lock' || first.startsWith('service.lock.');
}

export interface Collected {
  files: Array<{ name: string; path: string; mode: number; size: number }>;
  dirs: Array<{ name: string; mode: number }>;
}

/** The folder's files and folders (regular files and folders only: a link is not followed), the exclusions left out. */
export async function collect(top: 'config' | 'state', dir: string, out: Collected): Promise<void> {
  out.dirs.push({ name: top, mode: (await lstat(dir)).mode & 0o7777 });
  const walk = async (rel: string): Promise<void> => {
    for (const e of (await readdir(join(dir, rel), { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const r = rel === '' ? e.name : `${rel}/${e.name}`;
      if (excluded(top, r)) continue;
      const st = await lstat(join(dir, r));
      if (st.isDirectory()) {
        out.dirs.push({ name: `${top}/${r}`, mode: st.mode & 0o7777 });
        await walk(r);
      } else if (st.isFile()) out.files.push({ name: `${top}/${r}`, path: join(dir, r), mode: st.mode & 0o7777, size: st.size });
    }
  };
  await walk('');
}

/** Fixed entry times: the manifest carries the real time. */
const MTIME = new Date(Date.UTC(2000, 0, 1));

/**
 * Reads the files one at a time (each whole: a state file is replaced by rename, so a read sees the old or the new
 * one) and streams them into the zip, the manifest last, once every digest is known. A file that vanished meanwhile
 * (sent/ pruned, a frame forwarded) is left out. Not the transfer's writeZip: it deflates every buffer at once, which
 * took 443 MB for 1,300 spool records; here one file is in memory (and in zlib) at a time.
 */
export async function buildArchive(c: Collected, head: Omit<Manifest, 'dirs' | 'entries'>): Promise<{ bytes: Buffer; count: number }> {
  const zip = new ZipFile();
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    zip.outputStream.on('data', (b: Buffer) => chunks.push(b));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
  const listed: Manifest['entries'] = [];
  for (const f of c.files) {
    const data = await readFile(f.path).catch((e: unknown) => (errnoCode(e) === 'ENOENT' ? undefined : Promise.reject(e)));
    if (!data) continue;
    listed.push({ name: f.name, size: data.length, sha256: sha256(data), mode: f.mode });
    await new Promise<void>((resolve) => {
      zip.addReadStreamLazy(f.name, { mtime: MTIME, mode: 0o100600 }, (cb) => {
        const stream = Readable.from([data]);
        stream.on('end', resolve);
        cb(null, stream);
      });
    });
  }
  const manifest: Manifest = { ...head, dirs: c.dirs, entries: listed };
  zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), MANIFEST, { mtime: MTIME, mode: 0o100600 });
  zip.end();
  return { bytes: await done, count: listed.length };
}

/**
 * A name backup() never writes: one it leaves out (restored, `state/backups/...` would collide with the backups kept), or
 * not in its one spelling (`config/a/`, `config//a`, `config/./a` would alias `config/a`).
 */
function neverBackedUp(name: string): boolean {
  const [top, ...rest] = name.split('/');
  if (rest.some((part) => part === '' || part === '.')) return true;
  return (top === 'config' || top === 'state') && rest.length > 0 && excluded(top, rest.join('/'));
}

const notBackup = (file: string, reason: string, cause?: unknown) => codedError('ER_8120', { file, reason }, {}, cause);

/** Every entry by name, the limits and names checked before anything is inflated (../zip-read.ts). */
async function readEntries(bytes: Buffer, file: string): Promise<Map<string, Buffer>> {
  if (bytes.length > LIMITS.archiveBytes) throw codedError('ER_8122', { file, what: 'archive', size: bytes.length, limit: LIMITS.archiveBytes });
  const limit = (name: string): number => (name === MANIFEST ? LIMITS.manifestBytes : LIMITS.entryBytes);
  let unpacked = 0; // each entry under its own limit, a thousand of them were not: the whole is bounded too
  return readZipEntries(bytes, {
    broken: (what, cause) => notBackup(file, 'notZip' in what ? `not a zip (${what.notZip})` : what.reason, cause),
    tooMany: (count) => (count > LIMITS.entries ? codedError('ER_8122', { file, what: 'entries', size: count, limit: LIMITS.entries }) : undefined),
    refuse: (name, entry, seen) => {
      const top = name.split('/')[0];
      if (isUnsafeEntryName(name) || seen.has(name) || (name !== MANIFEST && top !== 'config' && top !== 'state') || name.endsWith('/') || neverBackedUp(name))
        return codedError('ER_8123', { file, name });
      if (entry.uncompressedSize > limit(name)) return codedError('ER_8122', { file, what: name, size: entry.uncompressedSize, limit: limit(name) });
      unpacked += entry.uncompressedSize;
      if (unpacked > LIMITS.unpackedBytes) return codedError('ER_8122', { file, what: 'unpacked', size: unpacked, limit: LIMITS.unpackedBytes });
      return undefined;
    },
    overflow: (name, size) => (size > limit(name) ? codedError('ER_8122', { file, what: name, size, limit: limit(name) }) : undefined),
  });
}

export interface CheckedBackup {
  manifest: Manifest;
  /** The files by name (the manifest itself not among them). */
  entries: Map<string, Buffer>;
}

/** The archive, checked whole: zip, limits, names, manifest, digests (ER_8120-8123). The format is the caller's. */
export async function readBackup(bytes: Buffer, file: string): Promise<CheckedBackup> {
  const entries = await readEntries(bytes, file);
  const m = entries.get(MANIFEST);
  if (!m) throw notBackup(file, `no ${MANIFEST}`);
  let json: unknown;
  try {
    json = JSON.parse(m.toString('utf8'));
  } catch (e) {
    throw notBackup(file, `${MANIFEST}: ${reasonOf(e)}`, e);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw notBackup(file, `${MANIFEST}: ${issuesText(parsed.error)}`);
  const manifest = parsed.data;
  const listed = new Set<string>();
  for (const d of manifest.dirs) {
    const top = d.name.split('/')[0];
    if (isUnsafeEntryName(d.name) || (top !== 'config' && top !== 'state') || listed.has(d.name) || neverBackedUp(d.name))
      throw codedError('ER_8123', { file, name: d.name });
    listed.add(d.name);
  }
  for (const e of manifest.entries) {
    const data = entries.get(e.name);
    if (!data || listed.has(e.name)) throw codedError('ER_8123', { file, name: e.name });
    listed.add(e.name);
    if (data.length !== e.size || sha256(data) !== e.sha256) throw codedError('ER_8121', { file, name: e.name });
  }
  entries.delete(MANIFEST);
  for (const name of entries.keys()) if (!listed.has(name)) throw codedError('ER_8123', { file, name });
  return { manifest, entries };
}
