/**
 * The migration registry and its runner (docs/backup.md "Formats and migrations"). Each migration takes one folder from
 * one format to the next; its steps are each atomic and skip what is done, and the folder stamp is written last, so a
 * run cut short is finished by the next one and a second run does nothing. The caller holds the state folder's service
 * lock (no service runs); the runner takes the config folder's write lock for its whole run.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { problem, type Problem } from '../../messages/problem.js';
import { text, type LocalizedText } from '../../messages/text.js';
import { withConfigLock } from '../config-lock.js';
import { codedError, isCodedError, reasonOf } from '../coded-error.js';
import { CURRENT_FORMAT, FORMAT_FILE, newerFormat, readFolderFormat, writeFolderStamp, type FolderKind } from './format.js';
import { stateSteps1to2, type Step } from './migration-1-2.js';

export interface Migration {
  from: number;
  to: number;
  folder: FolderKind;
  description: LocalizedText;
  steps(dir: string): Promise<Step[]>;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    to: 2,
    folder: 'config',
    description: text(
      '形式のスタンプ format.json を書きました(設定ファイルは変わりません)',
      'wrote the format stamp format.json (the settings files do not change)',
    ),
    steps: () => Promise.resolve([]),
  },
  {
    from: 1,
    to: 2,
    folder: 'state',
    description: text(
      '送信待ち・送信済み・期限切れの通報、構成情報通報・保守中・テスト通報の記録、エージェント一覧に "format": 2 を、seen.log と intent.log に見出し行を加え、format.json を書きました',
      'added "format": 2 to the spool, sent and expired records, the heartbeat, maintenance, tested-settings records and the agent list, a header line to seen.log and intent.log, and wrote format.json',
    ),
    steps: stateSteps1to2,
  },
];

export interface Dirs {
  configDir: string;
  stateDir: string;
}

export interface MigrateOptions {
  version: string;
  log?: (p: Problem) => void;
  /** @internal Tests simulate a crash: called after each step (its 1-based number), may throw. */
  afterStep?: (n: number, folder: FolderKind) => void;
}

export interface MigrateResult {
  ran: Array<{ folder: FolderKind; from: number; to: number }>;
  /** Each folder's format after the run; absent for a folder that does not exist. */
  formats: Partial<Record<FolderKind, number>>;
}

const exists = (dir: string): Promise<boolean> =>
  stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );

/** The migrations a folder of `format` needs, in order (none for a current one; a newer one is ER_8101). */
export function pendingFor(folder: FolderKind, format: number, path: string): Migration[] {
  if (format > CURRENT_FORMAT) throw newerFormat(path, format);
  const out: Migration[] = [];
  for (let f = format; f < CURRENT_FORMAT; f++) {
    const m = MIGRATIONS.find((x) => x.folder === folder && x.from === f);
    if (!m) throw codedError('ER_8106', { folder, path, from: f, to: f + 1, step: '-', reason: 'no migration from this format' });
    out.push(m);
  }
  return out;
}

/** Both folders' formats (1 for a folder without a stamp, undefined for a missing folder); a newer one throws ER_8101. */
export async function folderFormats(dirs: Dirs): Promise<Partial<Record<FolderKind, number>>> {
  const out: Partial<Record<FolderKind, number>> = {};
  for (const [folder, dir] of [
    ['config', dirs.configDir],
    ['state', dirs.stateDir],
  ] as const) {
    if (!(await exists(dir))) continue;
    const f = (await readFolderFormat(dir)).format;
    if (f > CURRENT_FORMAT) throw newerFormat(join(dir, FORMAT_FILE), f);
    out[folder] = f;
  }
  return out;
}

async function migrateFolder(folder: FolderKind, dir: string, o: MigrateOptions, ran: MigrateResult['ran']): Promise<number> {
  const from = (await readFolderFormat(dir)).format;
  let n = 0;
  for (const m of pendingFor(folder, from, join(dir, FORMAT_FILE))) {
    let current = '-';
    try {
      for (const step of await m.steps(dir)) {
        current = step.name;
        await step.run();
        o.afterStep?.(++n, folder);
      }
      current = FORMAT_FILE;
      await writeFolderStamp(dir, folder, o.version, m.to);
      o.afterStep?.(++n, folder);
    } catch (e) {
      if (isCodedError(e, 'ER_8101')) throw e;
      throw codedError('ER_8106', { folder, path: dir, from: m.from, to: m.to, step: current, reason: reasonOf(e) }, {}, e);
    }
    ran.push({ folder, from: m.from, to: m.to });
    o.log?.(problem('ER_8103', { folder, path: dir, from: m.from, to: m.to, description: m.description }));
  }
  return Math.max(from, CURRENT_FORMAT);
}

/**
 * Runs what is pending for both folders (a missing folder is skipped): refuses a newer folder before changing
 * anything (ER_8101). The state folder's service lock is the caller's.
 */
export async function migrateFolders(dirs: Dirs, o: MigrateOptions): Promise<MigrateResult> {
  await folderFormats(dirs); // both checked before either is touched
  const ran: MigrateResult['ran'] = [];
  const formats: Partial<Record<FolderKind, number>> = {};
  // The config write lock only when there is something to do: a current folder is never written (it may be read-only).
  if (await exists(dirs.configDir)) {
    const from = (await readFolderFormat(dirs.configDir)).format;
    formats.config = from;
    if (from < CURRENT_FORMAT) {
      formats.config = await withConfigLock(dirs.configDir, () => migrateFolder('config', dirs.configDir, o, ran)).catch((e: unknown) => {
        if (isCodedError(e, 'ER_8101') || isCodedError(e, 'ER_8106')) throw e;
        throw codedError('ER_8106', { folder: 'config', path: dirs.configDir, from, to: CURRENT_FORMAT, step: '.config.lock', reason: reasonOf(e) }, {}, e);
      });
    }
  }
  if (await exists(dirs.stateDir)) formats.state = await migrateFolder('state', dirs.stateDir, o, ran);
  return { ran, formats };
}
