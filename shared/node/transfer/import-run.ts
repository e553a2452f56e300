/**
 * One import, from the file to the save: the command (`express-report import`) and the window (HostApi previewImport /
 * applyImport) both call this, so they check, preview and apply alike. Checks the file (./read.ts), compares it with
 * the folder (../../transfer/plan.ts), checks the result as the save will, and, unless only a preview is asked,
 * applies it through the host's core (./apply.ts). Nothing is written before every check has passed.
 */
import { basename } from 'node:path';
import { problem, isError, type Problem } from '../../messages/problem.js';
import { validateSettings } from '../../settings/validate.js';
import { withValues } from '../../settings/access.js';
import { IMPORT_GROUPS, LIMITS, type ImportGroup } from '../../transfer/format.js';
import { changeCount, planImport, type PreviewRow } from '../../transfer/plan.js';
import { codedError } from '../coded-error.js';
import { readExportBytes, readExportFile, type ReadExport } from './read.js';
import { readLocalFolder } from './files.js';
import { applyImport } from './apply.js';
import { type HostCore } from '../host/host-core.js';

/** The export: a path, or bytes the window's page read (with the name the user chose). */
export type ExportSource = { path: string } | { name: string; bytes: Uint8Array };

export interface ImportRun {
  groups?: readonly ImportGroup[];
  otherMachine?: boolean;
  passphrase?: string;
  /** Preview only (the command's --dry-run, the window's preview): nothing is written. */
  preview: boolean;
}

export type ImportOutcome =
  /**
   * Refused: `rows` when the file could be compared (the preview the refusal belongs to); `bySave`: the config store
   * refused the save (its problems name the folder's files), otherwise a check of the export did.
   */
  | { ok: false; rows: PreviewRow[]; problems: Problem[]; bySave?: true }
  /** Checked (preview) or applied: `notes` said beside it, `warnings` after applying, `activates`: becomes 設定済み. */
  | { ok: true; applied: boolean; rows: PreviewRow[]; count: number; notes: Problem[]; warnings: Problem[]; activates: boolean; file: string };

export const sourceName = (s: ExportSource): string => ('path' in s ? s.path : basename(s.name));

/** `needSecrets`: a transfer export without its passphrase is refused (ER_3520); a view reads it without (set / not set). */
export function readSource(s: ExportSource, passphrase: string | undefined, needSecrets = true): Promise<ReadExport> {
  const opts = { needSecrets, ...(passphrase !== undefined ? { passphrase } : {}) };
  if ('path' in s) return readExportFile(s.path, opts);
  if (s.bytes.length > LIMITS.archiveBytes) throw codedError('ER_3511', { file: sourceName(s), size: s.bytes.length, limit: LIMITS.archiveBytes });
  return readExportBytes(s.bytes, sourceName(s), opts);
}

/**
 * `core` is asked for only when there is something to apply: a refused file or a preview writes nothing, not even the
 * event log (the command makes its state folder only then).
 */
export interface ImportTarget {
  configDir: string;
  core(): Promise<HostCore>;
}

export async function runImport(target: ImportTarget, source: ExportSource, o: ImportRun): Promise<ImportOutcome> {
  const file = sourceName(source);
  const read = await readSource(source, o.passphrase);
  const errors = read.problems.filter(isError);
  if (errors.length > 0) return { ok: false, rows: [], problems: errors };
  const local = await readLocalFolder(target.configDir);
  const plan = planImport(local, read.contents, { groups: o.groups ?? IMPORT_GROUPS, otherMachine: o.otherMachine === true });
  if (plan.problems.length > 0) return { ok: false, rows: plan.rows, problems: plan.problems };
  // The result checked as the save will check it, so a preview says what the save would refuse.
  const placeholders = new Map([...plan.seal].map(([k, v]) => [k, v === '' ? '' : 'sealed:v1:check:unsaved'] as const));
  const invalid = validateSettings(withValues(plan.settings, placeholders)).filter(isError);
  if (invalid.length > 0) return { ok: false, rows: plan.rows, problems: [...invalid, problem('ER_1004', { count: invalid.length })] };
  const notes: Problem[] = [];
  const keptPersonal = plan.rows.filter((r) => r.status === 'kept' && read.contents.manifest.omitted.includes(r.key)).length;
  if (plan.rows.some((r) => r.key === 'center-cert.pem' && r.status === 'kept')) notes.push(info('ER_6806', {}));
  if (keptPersonal > 0) notes.push(info('ER_6809', { count: keptPersonal }));
  const count = changeCount(plan);
  const base = { ok: true as const, rows: plan.rows, count, notes, activates: plan.activate, file };
  if (o.preview || count === 0) return { ...base, applied: false, warnings: [] };
  const applied = await applyImport(await target.core(), local.store, read.contents, plan, file);
  if (!applied.ok) return { ok: false, rows: plan.rows, problems: applied.problems, bySave: true };
  return { ...base, applied: true, warnings: applied.warnings };
}

/** A note said beside the preview (information codes; Problem's shape so the window shows it like the others). */
const info = (code: 'ER_6806' | 'ER_6809', params: Record<string, string | number>): Problem => problem(code, params, { severity: 'warning' });
