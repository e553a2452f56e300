/**
 * Loads and saves the whole config folder. Guarantees (issue 2, DESIGN.md section 2):
 * - a save writes only files whose text changes, each atomically with one backup (`.bak`) of the previous version;
 * - an invalid model is never written: the save is refused and the located problems come back;
 * - a file changed on disk by someone else since it was loaded is never overwritten silently (ER_1003);
 * - a file keeps its own encoding (UTF-8 with/without BOM, or CP932) and line ends; untouched lines stay byte-identical.
 * Files are written one after the other: each is whole, but a crash between two leaves the first one saved.
 */
import { createHash } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { IniDocument } from '../ini/document.js';
import { decodeConfig, defaultFileText, encodeConfigFile, type ConfigDocs } from '../config/codec.js';
import { CONFIG_FILES, type ConfigFile } from '../config/files.js';
import { type Config } from '../config/model.js';
import { problem, isError, type Problem } from '../messages/problem.js';
import { defaultSettings } from '../settings/schema.js';
import { writeFileAtomic, readFileIfExists } from './atomic-write.js';
import { CodedError, codedError } from './coded-error.js';
import { decodeText, encodeText, unencodable, type EncodedText } from './encoding.js';

interface FileState {
  /** sha256 of the bytes as loaded; null when the file did not exist. */
  hash: string | null;
  encoding: Omit<EncodedText, 'text'>;
  doc?: IniDocument;
}

/** A save that was refused because the model is invalid; `problems` are the located reasons. */
export class SaveRefused extends CodedError {
  constructor(readonly problems: Problem[]) {
    super(problem('ER_1004', { count: problems.length }));
  }
}

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const NEW_FILE: FileState['encoding'] = { encoding: 'utf-8', bom: false };

async function readState(abs: string, rel: string): Promise<{ state: FileState; warnings: Problem[] }> {
  const bytes = await readFileIfExists(abs);
  if (!bytes) return { state: { hash: null, encoding: NEW_FILE }, warnings: [] };
  const d = decodeText(bytes);
  const warnings = d.lossless ? [] : [problem('ER_4023', { encoding: d.encoding === 'cp932' ? 'Shift_JIS (CP932)' : 'UTF-8' }, { file: rel, line: 1 })];
  return { state: { hash: sha256(bytes), encoding: { encoding: d.encoding, bom: d.bom }, doc: IniDocument.parse(d.text) }, warnings };
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
    const states = new Map<string, FileState>();
    const warnings: Problem[] = [];
    for (const f of CONFIG_FILES) {
      const r = await readState(join(dir, f.rel), f.rel);
      states.set(f.rel, r.state);
      warnings.push(...r.warnings);
    }
    const decoded = decodeConfig(docsOf(states));
    return new ConfigStore(dir, states, decoded.config, [...warnings, ...decoded.problems]);
  }

  /** Writes a complete default folder (every file, with comments and every default written out). */
  static async init(dir: string, opts: { force?: boolean } = {}): Promise<ConfigStore> {
    if (!opts.force) {
      for (const f of CONFIG_FILES) {
        if (await readFileIfExists(join(dir, f.rel))) throw codedError('ER_1008', { path: dir });
      }
    }
    const settings = defaultSettings();
    for (const f of CONFIG_FILES) {
      const abs = join(dir, f.rel);
      await mkdir(dirname(abs), { recursive: true });
      await writeFileAtomic(abs, encodeText({ text: defaultFileText(f, settings), ...NEW_FILE }), { backup: opts.force === true });
    }
    return ConfigStore.open(dir);
  }

  /** A deep copy of the config as loaded (or as last saved); edit it and pass it to save(). */
  get config(): Config {
    return structuredClone(this.loaded);
  }

  /** Problems found when loading (syntax, values, rules; warnings included). */
  get problems(): readonly Problem[] {
    return this.loadProblems;
  }

  pathOf(rel: string): string {
    return join(this.dir, rel);
  }

  /**
   * Saves `next`. Throws SaveRefused (ER_1004, with every located problem) when the result would be invalid,
   * CodedError ER_1003 when a file changed on disk since it was loaded, ER_1011 when a value cannot be written in
   * the file's encoding, ER_1002 when a write fails. Returns the relative paths written.
   */
  async save(next: Config): Promise<string[]> {
    const changed = new Map<ConfigFile, IniDocument>();
    for (const f of CONFIG_FILES) {
      const state = this.states.get(f.rel)!;
      const doc = encodeConfigFile(f, next, state.doc);
      if (doc && doc.toString() !== state.doc?.toString()) changed.set(f, doc);
    }
    if (changed.size === 0) return [];

    const docs = docsOf(this.states);
    for (const [f, doc] of changed) docs[f.rel] = doc;
    const decoded = decodeConfig(docs);
    const settingsChanged = [...changed.keys()].some((f) => f.type === 'settings');
    const blocking = decoded.problems.filter((p) => isError(p)
      && ([...changed.keys()].some((f) => f.rel === p.file) || (settingsChanged && CONFIG_FILES.some((f) => f.type === 'settings' && f.rel === p.file))));
    if (blocking.length > 0) throw new SaveRefused(blocking);

    for (const [f, doc] of changed) {
      const state = this.states.get(f.rel)!;
      const bad = unencodable(doc.toString(), state.encoding.encoding);
      if (bad.length > 0) throw codedError('ER_1011', { path: f.rel, chars: bad.join(' '), encoding: state.encoding.encoding }, { file: f.rel, line: 1 });
      const onDisk = await readFileIfExists(this.pathOf(f.rel));
      if ((onDisk ? sha256(onDisk) : null) !== state.hash) throw codedError('ER_1003', { path: this.pathOf(f.rel) }, { file: f.rel, line: 1 });
    }

    const written: string[] = [];
    for (const [f, doc] of changed) {
      const state = this.states.get(f.rel)!;
      const abs = this.pathOf(f.rel);
      const bytes = encodeText({ text: doc.toString(), ...state.encoding });
      await mkdir(dirname(abs), { recursive: true });
      await writeFileAtomic(abs, bytes, { backup: true, mode: 0o644 });
      this.states.set(f.rel, { ...state, hash: sha256(bytes), doc });
      written.push(f.rel);
    }
    this.loaded = structuredClone(decoded.config);
    this.loadProblems = decoded.problems;
    return written;
  }
}

function docsOf(states: Map<string, FileState>): ConfigDocs {
  const docs: ConfigDocs = {};
  for (const [rel, s] of states) if (s.doc) docs[rel] = s.doc;
  return docs;
}
