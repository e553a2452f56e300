/**
 * Reading an export, checks first (docs/settings-transfer.md, "Checks"): the zip's limits and names (./zip.ts), the
 * manifest and its format version (a newer major: ER_3517), every entry's digest (ER_3516), and for a transfer export
 * the passphrase (wrong: ER_3518) and the seal over the manifest (altered: ER_3519). Only then are the settings parsed.
 */
import { createHash } from 'node:crypto';
import { text } from '../../messages/text.js';
import { type Problem } from '../../messages/problem.js';
import { issuesText } from '../../messages/zod-issues.js';
import {
  CERT_ENTRY,
  DEFINITION_ENTRIES,
  FORMAT_MAJOR,
  MANIFEST,
  SECRETS_ENTRY,
  SETTINGS_ENTRY,
  SUMMARY_HTML_ENTRY,
  majorOf,
  manifestSchema,
  secretsEntrySchema,
  settingsEntrySchema,
  type Manifest,
} from '../../transfer/format.js';
import { readSettingsEntry } from '../../transfer/settings-entry.js';
import { type ExportContents } from '../../transfer/model.js';
import { settingDef, type SettingKey } from '../../settings/schema.js';
import { readFileBounded } from '../bounded-read.js';
import { codedError, isCodedError } from '../coded-error.js';
import { LIMITS } from '../../transfer/format.js';
import { readZip } from './zip.js';
import { openSecrets, transferKeys, verifySeal } from './passphrase.js';
import { certificateOf, definitionFile } from './files.js';

export const sha256hex = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

export interface ReadOptions {
  /** The passphrase of a transfer export; without it a transfer export is refused when `needSecrets` (ER_3520). */
  passphrase?: string;
  needSecrets: boolean;
}

export interface ReadExport {
  contents: ExportContents;
  /** summary.html as the export holds it (format 1.1; digest-checked), for `export html`. */
  summaryHtml?: string;
  /** The settings' and definition files' own problems (a value out of range, a missing key): the caller decides. */
  problems: Problem[];
}

function json(bytes: Buffer, name: string, file: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch (e) {
    throw codedError('ER_3525', { file, what: name, reason: e instanceof Error ? e.message : String(e) }, {}, e);
  }
}

function manifestOf(entries: Map<string, Buffer>, file: string): Manifest {
  const bytes = entries.get(MANIFEST);
  if (!bytes) throw codedError('ER_3510', { file, reason: text(`${MANIFEST} がありません`, `no ${MANIFEST}`) });
  const raw = json(bytes, MANIFEST, file) as { formatVersion?: unknown };
  const version = typeof raw?.formatVersion === 'string' ? raw.formatVersion : '';
  if (majorOf(version) > FORMAT_MAJOR) throw codedError('ER_3517', { file, version, supported: FORMAT_MAJOR });
  const m = manifestSchema.safeParse(raw);
  if (!m.success) throw codedError('ER_3525', { file, what: MANIFEST, reason: issuesText(m.error) });
  return m.data;
}

/** Every zip entry is listed with its size and digest, and every listed entry is there. */
function checkDigests(m: Manifest, entries: Map<string, Buffer>, file: string): void {
  const listed = new Map(m.entries.map((e) => [e.name, e]));
  for (const [name, data] of entries) {
    if (name === MANIFEST) continue;
    const e = listed.get(name);
    if (!e || e.size !== data.length || e.sha256 !== sha256hex(data)) throw codedError('ER_3516', { file, name });
  }
  for (const name of listed.keys()) if (!entries.has(name)) throw codedError('ER_3516', { file, name });
}

export async function readExportBytes(bytes: Uint8Array, file: string, opts: ReadOptions): Promise<ReadExport> {
  const entries = await readZip(bytes, file);
  const manifest = manifestOf(entries, file);
  checkDigests(manifest, entries, file);

  let secrets: ExportContents['secrets'];
  if (manifest.scope === 'transfer') {
    if (!manifest.seal || !entries.has(SECRETS_ENTRY)) throw codedError('ER_3510', { file, reason: text('暗号化された情報がありません', 'no sealed secrets') });
    if (opts.passphrase === undefined) {
      if (opts.needSecrets) throw codedError('ER_3520', { file });
    } else {
      const keys = await transferKeys(opts.passphrase, manifest.seal.kdf, file);
      verifySeal(keys, manifest, file);
      const sealed = secretsEntrySchema.safeParse(json(entries.get(SECRETS_ENTRY)!, SECRETS_ENTRY, file));
      if (!sealed.success) throw codedError('ER_3519', { file });
      const open = openSecrets(keys, sealed.data, file);
      secrets = Object.fromEntries(Object.entries(open).filter(([k]) => settingDef(k)?.kind === 'secret')) as Partial<Record<SettingKey, string>>;
    }
  }

  const settingsBytes = entries.get(SETTINGS_ENTRY);
  if (!settingsBytes) throw codedError('ER_3510', { file, reason: text(`${SETTINGS_ENTRY} がありません`, `no ${SETTINGS_ENTRY}`) });
  const entry = settingsEntrySchema.safeParse(json(settingsBytes, SETTINGS_ENTRY, file));
  if (!entry.success) throw codedError('ER_3525', { file, what: SETTINGS_ENTRY, reason: issuesText(entry.error) });
  const read = readSettingsEntry(entry.data, manifest.omitted, file);
  const problems = [...read.problems];

  const definitions: ExportContents['definitions'] = {};
  for (const name of DEFINITION_ENTRIES) {
    const b = entries.get(name);
    if (!b) continue;
    const d = definitionFile(new Uint8Array(b), name);
    definitions[name] = d.file;
    for (const p of d.problems) problems.push(p); // not a spread: a huge file's problems exceed the argument limit
  }
  const cert = entries.get(CERT_ENTRY);
  const html = entries.get(SUMMARY_HTML_ENTRY);
  return {
    ...(html ? { summaryHtml: html.toString('utf8') } : {}),
    contents: {
      manifest,
      entry: entry.data,
      values: read.values,
      optionDevices: read.optionDevices,
      ...(secrets ? { secrets } : {}),
      definitions,
      ...(cert ? { certificate: certificateOf(cert.toString('utf8')) } : {}),
    },
    problems,
  };
}

/** The file, read within the archive limit (a larger one is ER_3511 before it is read). */
export async function readExportFile(path: string, opts: ReadOptions): Promise<ReadExport> {
  let bytes: Uint8Array | undefined;
  try {
    bytes = await readFileBounded(path, LIMITS.archiveBytes);
  } catch (e) {
    if (isCodedError(e, 'ER_1091')) throw codedError('ER_3511', { file: path, size: `> ${LIMITS.archiveBytes}`, limit: LIMITS.archiveBytes }, {}, e);
    throw e;
  }
  if (!bytes) throw codedError('ER_1001', { path, reason: text('ファイルがありません', 'no such file') });
  return readExportBytes(bytes, path, opts);
}
