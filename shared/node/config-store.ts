/**
 * Loads and saves the whole config folder. Guarantees (issue 2, docs/design.md section 3):
 * - a save writes only files whose text changes, each atomically with one backup (`.bak`) of the previous version;
 * - an invalid model is never written: the save is refused and the located problems come back;
 * - the check against the disk and the writes are one step under the folder's write lock (./config-lock.ts): when
 *   someone else saved since this store was loaded, our changes are re-applied on top of theirs, and a setting (or a
 *   definition file, or the option devices) that both changed, differently, is refused with ER_1003, never overwritten
 *   silently (issue 10: two `config set` at once both answered "set" and one value was lost);
 * - a file keeps its own encoding (UTF-8 with/without BOM, or CP932) and line ends; untouched lines stay byte-identical;
 * - files holding personal data or secrets are 0600, the folder we create 0700 (./config-modes.ts, issue 11);
 * - the lifecycle state changes only by the operations that may change it (../config/lifecycle.ts, issue 11).
 * Files are written one after the other: each is whole, but a crash between two leaves the first one saved.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { IniDocument } from '../ini/document.js';
import { decodeConfig, defaultFileText, encodeConfigFile, type ConfigDocs, type DecodedConfig } from '../config/codec.js';
import { CONFIG_FILES, type ConfigFile } from '../config/files.js';
import { type Config } from '../config/model.js';
import { stateChangeRefusal, type LifecycleChange } from '../config/lifecycle.js';
import { problem, isError, type Problem } from '../messages/problem.js';
import { defaultSettings, settingDefs } from '../settings/schema.js';
import { writeFileAtomic } from './atomic-write.js';
import { CodedError, codedError, errnoCode, isCodedError, reasonOf } from './coded-error.js';
import { withConfigLock, type ConfigLockOptions } from './config-lock.js';
import { CONFIG_DIR_MODE, configWriteOptions } from './config-modes.js';
import { decodeText, encodeText, unencodable, type EncodedText } from './encoding.js';

interface FileState {
  /** sha256 of the bytes as loaded; null when the file did not exist. */
  hash: string | null;
  encoding: Omit<EncodedText, 'text'>;
  doc?: IniDocument;
  /** Why a file that exists has no document (ER_4031): a save that would write it is refused with this. */
  undecodable?: Problem;
}

/** A save that was refused because the model is invalid; `problems` are the located reasons. */
export class SaveRefused extends CodedError {
  constructor(readonly problems: Problem[]) {
    super(problem('ER_1004', { count: problems.length }));
  }
}

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const NEW_FILE: FileState['encoding'] = { encoding: 'utf-8', bom: false };

/** A config file is a few KB (the 100,000-section AMHTPLOG.INF of the fuzz tests is 5.4 MB): larger is not read. */
export const MAX_CONFIG_FILE_BYTES = 16 * 1024 * 1024;

/**
 * A config file's bytes, or undefined when it does not exist. Opened non-blocking and judged by its descriptor: a FIFO
 * (or socket, device) in a file's place is refused (ER_9050) instead of waited on for ever, a file over the limit
 * (ER_9051) before it is read; a folder fails in the read as before (ER_1001 EISDIR).
 */
async function readConfigBytes(abs: string, rel: string): Promise<Uint8Array | undefined> {
  const fh = await open(abs, constants.O_RDONLY | constants.O_NONBLOCK).catch((e: unknown) =>
    errnoCode(e) === 'ENOENT' ? undefined : Promise.reject(codedError('ER_1001', { path: abs, reason: reasonOf(e) }, {}, e)),
  );
  if (!fh) return undefined;
  try {
    const st = await fh.stat();
    if (!st.isFile() && !st.isDirectory()) throw codedError('ER_9050', { path: abs }, { file: rel });
    const over = (size: number) => codedError('ER_9051', { path: abs, size, limit: MAX_CONFIG_FILE_BYTES }, { file: rel });
    if (st.size > MAX_CONFIG_FILE_BYTES) throw over(st.size);
    const buf = await fh.readFile().catch((e: unknown) => Promise.reject(codedError('ER_1001', { path: abs, reason: reasonOf(e) }, {}, e)));
    if (buf.length > MAX_CONFIG_FILE_BYTES) throw over(buf.length); // grown since the stat
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } finally {
    await fh.close();
  }
}

async function readState(abs: string, rel: string): Promise<{ state: FileState; warnings: Problem[] }> {
  const bytes = await readConfigBytes(abs, rel);
  if (!bytes) return { state: { hash: null, encoding: NEW_FILE }, warnings: [] };
  let d: ReturnType<typeof decodeText>;
  try {
    d = decodeText(bytes, rel);
  } catch (e) {
    // A UTF-16/32 file (ER_4031, at line 1) is that file's error, not the folder's: the other files still load, and a
    // save that would write this file is refused (planSave), so it is never overwritten with what could not be read.
    if (!isCodedError(e, 'ER_4031')) throw e;
    return { state: { hash: sha256(bytes), encoding: NEW_FILE, undecodable: e.problem }, warnings: [e.problem] };
  }
  const warnings = d.lossless ? [] : [problem('ER_4023', { encoding: d.encoding === 'cp932' ? 'Shift_JIS (CP932)' : 'UTF-8' }, { file: rel, line: 1 })];
  return { state: { hash: sha256(bytes), encoding: { encoding: d.encoding, bom: d.bom }, doc: IniDocument.parse(d.text) }, warnings };
}

async function readStates(dir: string): Promise<{ states: Map<string, FileState>; warnings: Problem[] }> {
  const states = new Map<string, FileState>();
  const warnings: Problem[] = [];
  for (const f of CONFIG_FILES) {
    const r = await readState(join(dir, f.rel), f.rel);
    states.set(f.rel, r.state);
    warnings.push(...r.warnings);
  }
  return { states, warnings };
}

const sameOnDisk = (a: Map<string, FileState>, b: Map<string, FileState>): boolean => CONFIG_FILES.every((f) => a.get(f.rel)?.hash === b.get(f.rel)?.hash);

/** What a save of `next` over the files `states` writes: the changed documents, validated as a whole. */
interface SavePlan {
  changed: Map<ConfigFile, IniDocument>;
  decoded: DecodedConfig;
}

/** Throws SaveRefused when the result would be invalid, ER_1011 when a value cannot be written in its file's encoding. */
function planSave(states: Map<string, FileState>, next: Config): SavePlan | undefined {
  const changed = new Map<ConfigFile, IniDocument>();
  for (const f of CONFIG_FILES) {
    const state = states.get(f.rel)!;
    const doc = encodeConfigFile(f, next, state.doc);
    if (doc && doc.toString() !== state.doc?.toString()) {
      if (state.undecodable) throw new SaveRefused([state.undecodable]);
      changed.set(f, doc);
    }
  }
  if (changed.size === 0) return undefined;

  const docs = docsOf(states);
  for (const [f, doc] of changed) docs[f.rel] = doc;
  const decoded = decodeConfig(docs);
  const settingsChanged = [...changed.keys()].some((f) => f.type === 'settings');
  const blocking = decoded.problems.filter(
    (p) =>
      isError(p) &&
      ([...changed.keys()].some((f) => f.rel === p.file) || (settingsChanged && CONFIG_FILES.some((f) => f.type === 'settings' && f.rel === p.file))),
  );
  if (blocking.length > 0) throw new SaveRefused(blocking);

  for (const [f, doc] of changed) {
    const bad = unencodable(doc.toString(), states.get(f.rel)!.encoding.encoding);
    if (bad.length > 0)
      throw codedError('ER_1011', { path: f.rel, chars: bad.join(' '), encoding: states.get(f.rel)!.encoding.encoding }, { file: f.rel, line: 1 });
  }
  return { changed, decoded };
}

/**
 * Our changes (`mine` against `base`, what this store loaded) re-applied on top of what is on disk now (`theirs`).
 * A setting is the unit for settings; the option devices and each definition file are one unit each (their entries
 * depend on one another). A unit both changed, to different values, is refused with ER_1003 naming its file and key.
 */
function rebase(dir: string, base: Config, mine: Config, theirs: Config): Config {
  const merged = structuredClone(theirs);
  const pick = <T>(b: T, m: T, t: T, rel: string, field?: string): T => {
    if (isDeepStrictEqual(m, b)) return t; // not changed by us: theirs stays
    if (!isDeepStrictEqual(t, b) && !isDeepStrictEqual(t, m)) {
      throw codedError('ER_1003', { path: join(dir, rel) }, { file: rel, line: 1, ...(field ? { field } : {}) });
    }
    return m;
  };
  const settings = merged.settings as Record<string, unknown>;
  const [b, m, t] = [base.settings, mine.settings, theirs.settings] as Record<string, unknown>[];
  for (const d of settingDefs) settings[d.key] = pick(b![d.key], m![d.key], t![d.key], d.file, d.key);
  merged.optionDevices = pick(base.optionDevices, mine.optionDevices, theirs.optionDevices, 'activation.ini');
  for (const f of CONFIG_FILES) {
    if (f.type !== 'inf') continue;
    const v = pick(base.inf[f.kind], mine.inf[f.kind], theirs.inf[f.kind], f.rel);
    if (v === undefined) delete merged.inf[f.kind];
    else (merged.inf as Record<string, unknown>)[f.kind] = v;
  }
  return merged;
}

export class ConfigStore {
  private constructor(
    readonly dir: string,
    private states: Map<string, FileState>,
    private loaded: Config,
    private loadProblems: Problem[],
  ) {}

  /** Loads every file of the folder; problems are returned, not thrown (an invalid folder can still be shown and fixed). */
  static async open(dir: string): Promise<ConfigStore> {
    const st = await stat(dir).catch(() => undefined);
    if (!st?.isDirectory()) throw codedError('ER_1005', { path: dir });
    const { states, warnings } = await readStates(dir);
    const decoded = decodeConfig(docsOf(states));
    return new ConfigStore(dir, states, decoded.config, [...warnings, ...decoded.problems]);
  }

  /**
   * Writes a complete default folder (every file, with comments and every default written out), under the write lock.
   * A folder it creates is 0700; files holding personal data or secrets are 0600 (./config-modes.ts).
   */
  static async init(dir: string, opts: { force?: boolean; lock?: ConfigLockOptions } = {}): Promise<ConfigStore> {
    await mkdirConfig(dir);
    await withConfigLock(
      dir,
      async () => {
        if (!opts.force) {
          for (const f of CONFIG_FILES) {
            if (await readConfigBytes(join(dir, f.rel), f.rel)) throw codedError('ER_1008', { path: dir });
          }
        }
        const settings = defaultSettings();
        for (const f of CONFIG_FILES) {
          const abs = join(dir, f.rel);
          await mkdirConfig(dirname(abs));
          const bytes = encodeText({ text: defaultFileText(f, settings), ...NEW_FILE });
          await writeFileAtomic(abs, bytes, { backup: opts.force === true, ...configWriteOptions(f.rel) });
        }
      },
      opts.lock,
    );
    return ConfigStore.open(dir);
  }

  /** A deep copy of the config as loaded (or as last saved); edit it and pass it to save(). */
  get config(): Config {
    return structuredClone(this.loaded);
  }

  /** One sha256 over the files as loaded (each file's hash, in CONFIG_FILES order; an absent file counts as such). */
  get hash(): string {
    return createHash('sha256')
      .update(CONFIG_FILES.map((f) => `${f.rel}:${this.states.get(f.rel)?.hash ?? '-'}`).join('\n'))
      .digest('hex');
  }

  /** Problems found when loading (syntax, values, rules; warnings included). */
  get problems(): readonly Problem[] {
    return this.loadProblems;
  }

  pathOf(rel: string): string {
    return join(this.dir, rel);
  }

  /**
   * Saves `next` (a changed copy of `config`). Throws SaveRefused (ER_1004, with every located problem) when the result
   * would be invalid, CodedError ER_1003 when someone else changed the same setting (or definition file) since it was
   * loaded, ER_1011 when a value cannot be written in the file's encoding, ER_1080 when another writer holds the
   * folder's lock too long, ER_1002 when a write fails, ER_3090 when it would change the lifecycle state without being
   * the operation that may (`lifecycle`, ../config/lifecycle.ts). Returns the relative paths written.
   */
  async save(next: Config, opts: { lock?: ConfigLockOptions; lifecycle?: LifecycleChange } = {}): Promise<string[]> {
    // A generic write (config set, saveSettings, a registration change) never moves the state: only its operations do.
    const refused = stateChangeRefusal(this.loaded.settings['activation.state'], next.settings['activation.state'], opts.lifecycle);
    if (refused) throw new CodedError(refused);
    if (!planSave(this.states, next)) return []; // validated before waiting for the lock: a refusal needs no lock
    return withConfigLock(
      this.dir,
      async () => {
        // Holding the lock, nobody writes: what is read now is what the writes replace.
        const fresh = await readStates(this.dir);
        const target = sameOnDisk(fresh.states, this.states) ? next : rebase(this.dir, this.loaded, next, decodeConfig(docsOf(fresh.states)).config);
        const states = fresh.states;
        const plan = planSave(states, target);
        const written: string[] = [];
        if (plan) {
          for (const [f, doc] of plan.changed) {
            const state = states.get(f.rel)!;
            const abs = this.pathOf(f.rel);
            const bytes = encodeText({ text: doc.toString(), ...state.encoding });
            await mkdirConfig(dirname(abs));
            await writeFileAtomic(abs, bytes, { backup: true, ...configWriteOptions(f.rel) });
            states.set(f.rel, { ...state, hash: sha256(bytes), doc });
            written.push(f.rel);
          }
        }
        // Only after every write: a failure part-way leaves this store on its old base, so a retry re-applies cleanly.
        const now = plan?.decoded ?? decodeConfig(docsOf(states));
        this.states = states;
        this.loaded = structuredClone(now.config);
        this.loadProblems = plan ? now.problems : [...fresh.warnings, ...now.problems];
        return written;
      },
      opts.lock,
    );
  }
}

/** A folder of the config tree; one created here is 0700 (an existing one keeps its mode). */
async function mkdirConfig(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: CONFIG_DIR_MODE });
}

function docsOf(states: Map<string, FileState>): ConfigDocs {
  const docs: ConfigDocs = {};
  for (const [rel, s] of states) if (s.doc) docs[rel] = s.doc;
  return docs;
}
