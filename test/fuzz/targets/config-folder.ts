/**
 * The config folder loaded whole (ConfigStore.open: the three settings files and the three definition files read
 * together, then the rules across them): a real folder (Shift_JIS with CRLF, Japanese names) with some files mutated,
 * missing, empty, a folder, a symlink loop, a FIFO or a (sparse) file over the size limit in their place.
 */
import { readFileSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { CONFIG_FILES } from '../../../shared/config/files.js';
import { type Config } from '../../../shared/config/model.js';
import { ConfigStore, MAX_CONFIG_FILE_BYTES } from '../../../shared/node/config-store.js';
import { isCodedError } from '../../../shared/node/coded-error.js';
import { settingDefs } from '../../../shared/settings/schema.js';
import { configList } from '../../../service/cli/commands/config.js';
import { CORPUS_DIR, ROOT, bytesFrom, corpus } from '../corpus.js';
import { check, type FuzzTarget } from '../harness.js';

const RELS = CONFIG_FILES.map((f) => f.rel);
/**
 * Three real folders: the format-1 fixture (UTF-8, CRLF); the same with the Shift_JIS definition files of
 * test/fixtures/inf/sjis; and that with a Shift_JIS activation.ini holding Japanese names (fuzz corpus).
 */
const BASES: ReadonlyArray<ReadonlyMap<string, Buffer>> = (() => {
  const one = new Map(RELS.map((rel) => [rel, readFileSync(join(ROOT, 'test/fixtures/config-format-1', rel))]));
  const sjis = new Map(one);
  for (const rel of RELS.filter((r) => r.startsWith('WebReprt/'))) sjis.set(rel, readFileSync(join(ROOT, 'test/fixtures/inf/sjis', rel.slice(9))));
  const names = new Map(sjis).set('activation.ini', readFileSync(join(CORPUS_DIR, 'settings-activation-sjis-names.ini')));
  return [one, sjis, names];
})();

/** What happens to one file of the folder. */
type Change =
  { rel: string; to: 'bytes'; bytes: Buffer } | { rel: string; to: 'missing' | 'empty' | 'folder' | 'symlink-loop' | 'fifo' | 'huge' | 'dangling-symlink' };

/** A file that cannot be read as one: the load refuses whole, naming it (the service keeps its last good settings). */
const UNREADABLE = new Set(['folder', 'symlink-loop', 'fifo', 'huge']);

const bytesFor = (rel: string): fc.Arbitrary<Buffer> => {
  const kind = rel.startsWith('WebReprt/') ? `inf-${rel.slice(14, 17).toLowerCase()}` : `settings-${rel.replace('.ini', '')}`;
  const files = new Map([...corpus(kind), ...BASES.map((b, i): [string, Buffer] => [`base${i}`, b.get(rel)!])]);
  return bytesFrom(files);
};

const change: fc.Arbitrary<Change> = fc.constantFrom(...RELS).chain((rel) =>
  fc.oneof(
    { weight: 8, arbitrary: bytesFor(rel).map((bytes): Change => ({ rel, to: 'bytes', bytes })) },
    {
      weight: 3,
      arbitrary: fc.constantFrom('missing', 'empty', 'folder', 'symlink-loop', 'fifo', 'huge', 'dangling-symlink' as const).map((to): Change => ({ rel, to })),
    },
  ),
);

export interface FolderInput {
  base: number;
  changes: Change[];
}

/** Each entry's type and bytes (a link's target): a load must leave this as it found it. */
async function snapshot(dir: string, rel = ''): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const name of (await readdir(join(dir, rel))).sort()) {
    const r = rel === '' ? name : `${rel}/${name}`;
    const st = await lstat(join(dir, r));
    if (st.isSymbolicLink()) out.set(r, `link:${await readlink(join(dir, r))}`);
    else if (st.isDirectory()) {
      out.set(r, 'dir');
      for (const [k, v] of await snapshot(dir, r)) out.set(k, v);
    } else if (st.isFile()) out.set(r, st.size > MAX_CONFIG_FILE_BYTES ? `big:${st.size}` : `file:${(await readFile(join(dir, r))).toString('base64')}`);
    else out.set(r, `other:${st.mode}`);
  }
  return out;
}

async function write(dir: string, base: ReadonlyMap<string, Buffer>, changes: readonly Change[]): Promise<void> {
  for (const rel of RELS) {
    await mkdir(dirname(join(dir, rel)), { recursive: true });
    await writeFile(join(dir, rel), base.get(rel)!);
  }
  for (const c of changes) {
    const path = join(dir, c.rel);
    await rm(path, { recursive: true, force: true });
    if (c.to === 'bytes') await writeFile(path, c.bytes);
    else if (c.to === 'empty') await writeFile(path, '');
    else if (c.to === 'folder') await mkdir(join(path, 'inside'), { recursive: true });
    else if (c.to === 'symlink-loop') {
      await symlink(`${c.rel.split('/').pop()!}.loop`, path);
      await rm(`${path}.loop`, { force: true });
      await symlink(c.rel.split('/').pop()!, `${path}.loop`);
    } else if (c.to === 'dangling-symlink') await symlink('nowhere', path);
    else if (c.to === 'fifo') execFileSync('mkfifo', [path]);
    else if (c.to === 'huge') {
      await writeFile(path, base.get(c.rel)!);
      await truncate(path, MAX_CONFIG_FILE_BYTES + 1); // sparse: no disk, no time
    }
  }
}

/** `config list` on the folder: every setting once, secrets only as (set) or empty. */
async function configListReads(dir: string): Promise<void> {
  const lines: string[] = [];
  const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(`err:${l}`), readStdin: () => Promise.resolve(''), lang: 'en' as const };
  check((await configList({ configDir: dir, stateDir: join(dir, 'state'), io, env: {} }, {})) === 0, 'config list failed');
  check(lines.length === settingDefs.length, `config list printed ${lines.length} lines for ${settingDefs.length} settings`);
  for (const d of settingDefs.filter((x) => x.kind === 'secret')) {
    const v = lines.find((l) => l.startsWith(`${d.key}=`))?.slice(d.key.length + 1);
    check(v === '' || v === '(set)', `config list showed the secret ${d.key}`);
  }
}

/** The settings and definition models a load of each base folder gives: what an untouched file must still give. */
const baseline: Array<Config | undefined> = [];
let root: string | undefined;
let n = 0;

export const configFolderTarget: FuzzTarget<FolderInput> = {
  name: 'config-folder',
  properties: [
    'ConfigStore.open returns, or refuses whole only for a file that cannot be read as one (folder, symlink loop, FIFO, over 16 MiB): ER_1001/ER_9050/ER_9051 naming it',
    'every problem is coded with one of the six files and a line inside it',
    'an untouched file still reads as it did in the untouched folder (its settings, its definition model)',
    'a load writes nothing: the folder (names, types, bytes, links) is unchanged',
    '`config list` on the same folder (every fourth input) prints every setting once, secrets only as (set)',
  ],
  arbitrary: fc.record({ base: fc.nat(BASES.length - 1), changes: fc.array(change, { minLength: 1, maxLength: 3 }) }),
  async run({ base, changes }) {
    root ??= await mkdtemp(join(tmpdir(), 'express-report-fuzz-config-'));
    if (!baseline[base]) {
      const dir = join(root, `base${base}`);
      await write(dir, BASES[base]!, []);
      baseline[base] = (await ConfigStore.open(dir)).config;
    }
    const dir = join(root, `c${n++}`);
    try {
      await write(dir, BASES[base]!, changes);
      const last = new Map(changes.map((c) => [c.rel, c]));
      const before = await snapshot(dir);
      let store: ConfigStore | undefined;
      let thrown: unknown;
      try {
        store = await ConfigStore.open(dir);
      } catch (e) {
        thrown = e;
      }
      check(isDeepStrictEqual(await snapshot(dir), before), 'the load changed the folder');
      if (!store) {
        if (!isCodedError(thrown)) throw thrown;
        const p = thrown.problem;
        const named = [...last.values()].find((c) => UNREADABLE.has(c.to) && p.message.en.includes(join(dir, c.rel)));
        check(named !== undefined && ['ER_1001', 'ER_9050', 'ER_9051'].includes(p.code), `refused whole without an unreadable file: ${p.code} ${p.message.en}`);
        return { refused: [p], whole: true };
      }
      check(![...last.values()].some((c) => UNREADABLE.has(c.to)), 'an unreadable file was loaded');
      for (const p of store.problems) {
        const c = last.get(p.file ?? '');
        check(p.file !== undefined && RELS.includes(p.file), `${p.code} not placed in a file of the folder: ${p.message.en}`);
        const lines = c?.to === 'bytes' ? c.bytes.length + 1 : c ? 1 : BASES[base]!.get(p.file)!.length + 1;
        check(p.line !== undefined && p.line >= 1 && p.line <= lines, `${p.code} in ${p.file} at line ${p.line}`);
      }
      const was = baseline[base]!;
      const untouched = (rel: string): boolean => !last.has(rel);
      for (const d of settingDefs)
        if (untouched(d.file))
          check(isDeepStrictEqual(store.config.settings[d.key], was.settings[d.key]), `${d.key} of the untouched ${d.file} read differently`);
      if (untouched('activation.ini')) check(isDeepStrictEqual(store.config.optionDevices, was.optionDevices), 'option devices read differently');
      for (const f of CONFIG_FILES)
        if (f.type === 'inf' && untouched(f.rel)) check(isDeepStrictEqual(store.config.inf[f.kind], was.inf[f.kind]), `untouched ${f.rel} read differently`);
      // `express-report config list`, the command line's reading of the same folder (every fourth input: it loads again).
      if (n % 4 === 0) await configListReads(dir);
      return { refused: store.problems.slice() };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
  async close() {
    if (root) await rm(root, { recursive: true, force: true });
    root = undefined;
    baseline.length = 0;
  },
};
