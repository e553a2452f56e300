/**
 * Backup archives (shared/node/backup: manifest, entries, restore): a real backup made by `backup()` of the format-1
 * fixture folders, its bytes mutated, or rebuilt with hostile entries (names that climb out or start at a root,
 * repeats, entries the manifest does not list or lists wrongly, sizes that lie, a symlink entry, manifest fields
 * changed), restored over a machine's folders in a temporary root.
 */
import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { readBackup, sha256 } from '../../../shared/node/backup/archive.js';
import { backup } from '../../../shared/node/backup/backup.js';
import { MANIFEST, type Manifest } from '../../../shared/node/backup/manifest.js';
import { restore } from '../../../shared/node/backup/restore.js';
import { isCodedError } from '../../../shared/node/coded-error.js';
import { migrateFolders } from '../../../shared/node/formats/migrations.js';
import { copyFormat1Folders } from '../../helpers/format-1-folders.js';
import { mutate } from '../corpus.js';
import { check, type FuzzTarget } from '../harness.js';
import { lyingCopy, zipOf } from './export-zip.js';

const FILE = 'archive.zip';
const ESCAPED = 'express-report-fuzz-escaped';
/** Refusals a restore may answer with: a newer format, not enough space, the archive's own (ER_8120-8127). */
const CODES = /^ER_(8101|8110|812[0-7]|9052)$/;

interface Real {
  bytes: Buffer;
  manifest: Manifest;
  entries: Map<string, Buffer>;
}
let real: Real | undefined;
let root: string | undefined;
let n = 0;

async function realBackup(): Promise<Real> {
  root ??= await mkdtemp(join(tmpdir(), 'express-report-fuzz-backup-'));
  if (real) return real;
  const dirs = { configDir: join(root, 'src/config'), stateDir: join(root, 'src/state') };
  await copyFormat1Folders(dirs);
  await migrateFolders(dirs, { version: '0.0.0-fuzz' });
  const made = await backup(dirs, { version: '0.0.0-fuzz', out: join(root, 'src/real.zip'), free: () => Promise.resolve(Number.MAX_SAFE_INTEGER) });
  const bytes = await readFile(made.path);
  const checked = await readBackup(bytes, made.path);
  real = { bytes, ...checked };
  return real;
}

/** Names meant to climb out of the folder, start at a root, or sit where the restore keeps its own. */
const HOSTILE = [
  '../escaped',
  'config/../../escaped',
  'state/../../escaped',
  `/tmp/${ESCAPED}`,
  'C:/escaped',
  'config\\..\\..\\escaped',
  'config/x\u0000y',
  'config/',
  'state/backups/x.zip',
  'config/.config.lock',
  'other/x',
  MANIFEST,
  '',
  'config/ＷｅｂＲｅｐｒｔ/名前.INF',
];

type Edit =
  | { op: 'rename'; entry: number; to: string; inManifest: boolean }
  | { op: 'duplicate'; entry: number; sameBytes: boolean }
  | { op: 'unlisted'; name: string }
  | { op: 'drop'; entry: number; fromManifest: boolean }
  | { op: 'size'; entry: number; size: number }
  | { op: 'sha'; entry: number }
  | { op: 'mode'; entry: number; mode: number }
  | { op: 'dir'; name: string; mode: number }
  | { op: 'field'; path: 'product' | 'version' | 'createdAt' | 'formats.config' | 'formats.state' | 'entries' | 'dirs'; value: unknown }
  | { op: 'symlink'; entry: number }
  | { op: 'manifest-bytes'; at: number; bit: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    op: fc.constant('rename' as const),
    entry: fc.nat(),
    to: fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 12 })),
    inManifest: fc.boolean(),
  }),
  fc.record({ op: fc.constant('duplicate' as const), entry: fc.nat(), sameBytes: fc.boolean() }),
  fc.record({ op: fc.constant('unlisted' as const), name: fc.constantFrom(...HOSTILE, 'config/extra.ini', 'state/spool/extra.json') }),
  fc.record({ op: fc.constant('drop' as const), entry: fc.nat(), fromManifest: fc.boolean() }),
  fc.record({ op: fc.constant('size' as const), entry: fc.nat(), size: fc.oneof(fc.nat(100), fc.constant(2 ** 40)) }),
  fc.record({ op: fc.constant('sha' as const), entry: fc.nat() }),
  fc.record({ op: fc.constant('mode' as const), entry: fc.nat(), mode: fc.oneof(fc.constantFrom(0, 0o7777, 0o4755, 0o10000, -1), fc.nat(0o7777)) }),
  fc.record({
    op: fc.constant('dir' as const),
    name: fc.constantFrom(...HOSTILE, 'config/newdir', 'state/a/b/c'),
    mode: fc.constantFrom(0o700, 0o500, 0o000, 0o7777),
  }),
  fc.record({
    op: fc.constant('field' as const),
    path: fc.constantFrom('product', 'version', 'createdAt', 'formats.config', 'formats.state', 'entries', 'dirs' as const),
    value: fc.oneof(fc.constantFrom(3, 99, 0, -1, 1.5, 'x', null, '2026-13-45', '99.0.0', [], {}), fc.jsonValue({ maxDepth: 2 })),
  }),
  fc.record({ op: fc.constant('symlink' as const), entry: fc.nat() }),
  fc.record({ op: fc.constant('manifest-bytes' as const), at: fc.nat(), bit: fc.nat(7) }),
);

type Input = { kind: 'bytes'; ms: Parameters<typeof mutate>[1] } | { kind: 'rebuilt'; edits: Edit[]; lie?: number } | { kind: 'random'; bytes: Buffer };

const mutations = fc.array(
  fc.oneof(
    fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat(7) }),
    fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
    fc.record({ op: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }), times: fc.integer({ min: 2, max: 5 }) }),
    fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
  ),
  { minLength: 1, maxLength: 4 },
);

const input: fc.Arbitrary<Input> = fc.oneof(
  { weight: 3, arbitrary: mutations.map((ms): Input => ({ kind: 'bytes', ms })) },
  {
    weight: 6,
    arbitrary: fc
      .record({ edits: fc.array(edit, { maxLength: 3 }), lie: fc.option(fc.constantFrom(0, 1, 100, 0xffffffff), { nil: undefined }) })
      .map((r): Input => ({ kind: 'rebuilt', edits: r.edits, ...(r.lie === undefined ? {} : { lie: r.lie }) })),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 256 }).map((a): Input => ({ kind: 'random', bytes: Buffer.from(a) })) },
);

/** The zip an input stands for: the real archive's entries (manifest last, as backup() writes it) after the edits. */
async function archiveOf(r: Real, i: Input): Promise<Buffer> {
  if (i.kind === 'random') return i.bytes;
  if (i.kind === 'bytes') return mutate(r.bytes, i.ms);
  const m = structuredClone(r.manifest) as Manifest & Record<string, unknown>;
  let entries = [...r.entries].map(([name, data]) => ({ name, data }));
  let symlinkAt: number | undefined;
  let manifestBytes: { at: number; bit: number } | undefined;
  const pick = (k: number): number => k % Math.max(1, entries.length);
  // A field edit may have made the lists anything: the later edits only touch what is still a list of objects.
  const listed = (): Manifest['entries'] =>
    Array.isArray(m.entries) ? m.entries.filter((l): l is Manifest['entries'][number] => typeof l === 'object' && l !== null) : [];
  for (const e of i.edits) {
    if (entries.length === 0 && e.op !== 'unlisted' && e.op !== 'field' && e.op !== 'dir' && e.op !== 'manifest-bytes') continue;
    switch (e.op) {
      case 'rename': {
        const x = entries[pick(e.entry)]!;
        const l = listed().find((y) => y.name === x.name);
        if (e.inManifest && l) l.name = e.to;
        x.name = e.to;
        break;
      }
      case 'duplicate': {
        const x = entries[pick(e.entry)]!;
        entries.push({ name: x.name, data: e.sameBytes ? x.data : Buffer.concat([x.data, Buffer.from('+')]) });
        break;
      }
      case 'unlisted':
        entries.push({ name: e.name, data: Buffer.from('unlisted\n') });
        break;
      case 'drop': {
        const x = entries[pick(e.entry)]!;
        if (e.fromManifest) m.entries = listed().filter((l) => l.name !== x.name);
        else entries = entries.filter((y) => y !== x);
        break;
      }
      case 'size':
      case 'sha':
      case 'mode': {
        const l = listed()[e.entry % Math.max(1, listed().length)];
        if (!l) break;
        if (e.op === 'size') l.size = e.size;
        else if (e.op === 'sha') l.sha256 = sha256(Buffer.from(String(l.sha256)));
        else l.mode = e.mode;
        break;
      }
      case 'dir':
        if (Array.isArray(m.dirs)) m.dirs.push({ name: e.name, mode: e.mode });
        break;
      case 'field': {
        const [a, b] = e.path.split('.') as [string, string | undefined];
        if (b === undefined) m[a] = e.value;
        else (m[a] as Record<string, unknown>)[b] = e.value;
        break;
      }
      case 'symlink':
        symlinkAt = pick(e.entry);
        break;
      case 'manifest-bytes':
        manifestBytes = e;
        break;
    }
  }
  let text: Buffer = Buffer.from(`${JSON.stringify(m, null, 2)}\n`);
  if (manifestBytes) text = mutate(text, [{ op: 'flip', ...manifestBytes }]);
  const all = [...entries, { name: MANIFEST, data: text }];
  let zip: Buffer = await zipOf(all);
  if (symlinkAt !== undefined) symlinkEntry(zip, symlinkAt);
  if (i.lie !== undefined) zip = lyingCopy(zip, i.lie);
  return zip;
}

/** Marks the central directory record `k` a Unix symbolic link (external attributes S_IFLNK | 0777, made on Unix). */
function symlinkEntry(zip: Buffer, k: number): void {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(eocd + 16);
  for (let j = 0; j < k; j++) at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  zip.writeUInt16LE((3 << 8) | zip.readUInt8(at + 4), at + 4);
  zip.writeUInt32LE((0o120777 << 16) >>> 0, at + 38);
}

/** Every entry under `dir`: type, mode and bytes (a link's target). */
async function tree(dir: string, rel = ''): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const name of (await readdir(join(dir, rel))).sort()) {
    const r = rel === '' ? name : `${rel}/${name}`;
    const st = await lstat(join(dir, r));
    const mode = (st.mode & 0o7777).toString(8);
    if (st.isSymbolicLink()) out.set(r, `link:${await readlink(join(dir, r))}`);
    else if (st.isDirectory()) {
      out.set(r, `dir:${mode}`);
      for (const [k, v] of await tree(dir, r)) out.set(k, v);
    } else out.set(r, `file:${mode}:${sha256(await readFile(join(dir, r)))}`);
  }
  return out;
}

/** What a restore of this manifest must leave: its folders and files with their modes, and the kept backups. */
function expected(m: Manifest, entries: Map<string, Buffer>, kept: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of m.dirs) out.set(d.name, `dir:${d.mode.toString(8)}`);
  for (const e of m.entries) out.set(e.name, `file:${e.mode.toString(8)}:${sha256(entries.get(e.name)!)}`);
  for (const [k, v] of kept) out.set(k, v);
  // A folder the manifest names only as a parent is made 0700 (a real backup lists them all).
  for (const name of [...out.keys()]) {
    const parts = name.split('/');
    for (let i = 1; i < parts.length; i++) if (!out.has(parts.slice(0, i).join('/'))) out.set(parts.slice(0, i).join('/'), 'dir:700');
  }
  return out;
}

export const backupArchiveTarget: FuzzTarget<Input> = {
  name: 'backup-archive',
  properties: [
    'restore answers with a coded refusal (ER_8101, ER_8110, ER_8120-8127) naming the archive, never another error',
    'refused: both old folders byte-, mode- and name-identical, nothing left beside them (no half-restored folder)',
    'restored: exactly the manifest (folders, files, bytes, modes; no link), the old <state>/backups kept, nothing else',
    'nothing is written outside the two folders, whatever the entry names (../, /, \\, C:, NUL)',
  ],
  arbitrary: input,
  async run(i) {
    const r = await realBackup();
    const base = join(root!, `m${n++}`);
    const dirs = { configDir: join(base, 'config'), stateDir: join(base, 'state') };
    try {
      // The machine restored over: one file in each folder, a kept backup, modes of their own.
      await mkdir(join(dirs.stateDir, 'backups'), { recursive: true, mode: 0o700 });
      await mkdir(dirs.configDir, { mode: 0o700 });
      await writeFile(join(dirs.configDir, 'old.ini'), 'old\n');
      await writeFile(join(dirs.stateDir, 'backups', 'kept.zip'), 'kept\n', { mode: 0o600 });
      const file = join(base, FILE);
      await writeFile(file, await archiveOf(r, i));
      const before = await tree(base);
      const outside = await readdir(root!);
      let manifest: Manifest | undefined;
      let thrown: unknown;
      try {
        manifest = await restore(dirs, file, { free: () => Promise.resolve(Number.MAX_SAFE_INTEGER) });
      } catch (e) {
        thrown = e;
      }
      check(isDeepStrictEqual(await readdir(root!), outside), `written beside the machine: ${String(await readdir(root!))}`);
      check(!(await readdir('/tmp')).includes(ESCAPED), `written at /tmp/${ESCAPED}`);
      const after = await tree(base);
      if (!manifest) {
        if (!isCodedError(thrown)) throw thrown;
        const p = thrown.problem;
        check(CODES.test(p.code), `refused with ${p.code}: ${p.message.en}`);
        check(p.message.en.includes(file) || p.code === 'ER_8124', `${p.code} does not name the archive: ${p.message.en}`);
        check(isDeepStrictEqual(after, before), `refused (${p.code}) but the folders changed`);
        return { refused: [p], whole: true };
      }
      const { entries } = await readBackup(await readFile(file), file);
      const kept = new Map([...before].filter(([k]) => k.startsWith('state/backups')));
      const want = expected(manifest, entries, kept).set(FILE, before.get(FILE)!);
      const tops = (t: Map<string, string>) => new Map([...t].filter(([k]) => k !== 'config' && k !== 'state'));
      check(isDeepStrictEqual(tops(after), tops(want)), 'restored folders differ from the manifest');
      return { roundTrip: true };
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  },
  async close() {
    if (root) await rm(root, { recursive: true, force: true });
    root = undefined;
    real = undefined;
  },
};
