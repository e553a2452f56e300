/**
 * What an import would do, key by key (changed / added / same / kept secret / kept), like CMS's check result, and the
 * configuration it would save. Pure: the command line prints it, the window's preview will show it; the node side seals
 * the secrets and saves (shared/node/transfer/apply.ts).
 */
import { problem, message, type Problem } from '../messages/problem.js';
import { type LocalizedText } from '../messages/text.js';
import { settingDefs, type SettingKey, type Settings } from '../settings/schema.js';
import { type SettingDef, type SettingValue } from '../settings/define.js';
import { formatValue } from '../settings/values.js';
import { getValue, withValues } from '../settings/access.js';
import { type OptionDevice } from '../settings/options.js';
import { type Config } from '../config/model.js';
import { DEFINITION_ENTRIES, CERT_ENTRY, type DefinitionEntry, type ImportGroup } from './format.js';
import { type Certificate, type DefinitionFile, type ExportContents } from './model.js';

export type RowStatus = 'changed' | 'added' | 'same' | 'kept secret' | 'kept';

export interface PreviewRow {
  group: ImportGroup;
  /** A setting key, `options`, a definition file's path, or center-cert.pem. */
  key: string;
  label: LocalizedText;
  status: RowStatus;
  from: string;
  to: string;
  note?: LocalizedText;
}

export interface LocalFolder {
  config: Config;
  definitions: Partial<Record<DefinitionEntry, DefinitionFile>>;
  certificate?: Certificate;
}

export interface ImportOptions {
  groups: readonly ImportGroup[];
  otherMachine: boolean;
}

export interface ImportPlan {
  rows: PreviewRow[];
  /** Refusals (the identity of another machine): nothing may be written while there is one. */
  problems: Problem[];
  /** The settings to save, secrets still as they are locally; `seal` holds the clear secrets to seal for this machine. */
  settings: Settings;
  seal: Map<SettingKey, string>;
  optionDevices: OptionDevice[];
  definitions: DefinitionEntry[];
  certificate: boolean;
  /** A machine not activated yet becomes 設定済み (lifecycle 'activation'): a test must come next. */
  activate: boolean;
}

export const groupOf = (d: SettingDef): ImportGroup => (d.file === 'activation.ini' ? 'activation' : d.file === 'routes.ini' ? 'routes' : 'schedule');

const status = (from: string, to: string): RowStatus => (from === to ? 'same' : from === '' ? 'added' : 'changed');
const optionsText = (l: readonly OptionDevice[]): string => l.map((d) => `${d.deviceCode} ${d.serialNumber} ${d.name}`.trim()).join('; ');
const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
const OTHER_MACHINE = message('ER_6806');
const OMITTED = { ja: 'エクスポートに含まれていない個人情報', en: 'personal data not in the export' };

export function planImport(local: LocalFolder, incoming: ExportContents, opts: ImportOptions): ImportPlan {
  const rows: PreviewRow[] = [];
  const problems: Problem[] = [];
  const changes = new Map<SettingKey, SettingValue>();
  const seal = new Map<SettingKey, string>();
  const s = local.config.settings;
  const localSerial = s['machine.serialNumber'];
  const theirSerial = incoming.manifest.identity.serialNumber;
  // A machine not activated has no identity yet: it may take one (a replacement, or a folder prepared for it).
  const sameMachine = localSerial === '' || localSerial === theirSerial;
  const wants = (g: ImportGroup): boolean => opts.groups.includes(g);
  if (wants('activation') && !sameMachine && !opts.otherMachine)
    problems.push(problem('ER_3524', { from: theirSerial, to: localSerial }, { field: 'machine.serialNumber' }));

  let activate = false;
  for (const d of settingDefs) {
    const group = groupOf(d);
    if (!wants(group)) continue;
    const here = getValue(s, d.key);
    if (d.key === 'activation.state') {
      activate = here === 'not-activated' && incoming.values.get(d.key) !== undefined && incoming.values.get(d.key) !== 'not-activated';
      const to = activate ? 'configured' : String(here);
      rows.push({ group, key: d.key, label: d.label, status: status(String(here), to), from: String(here), to });
      continue;
    }
    if (d.kind === 'secret') {
      const clear = incoming.secrets?.[d.key];
      const from = here === '' ? '' : '(set)';
      if (clear === undefined) {
        rows.push({ group, key: d.key, label: d.label, status: 'kept secret', from, to: from });
        continue;
      }
      const to = clear === '' ? '' : '(set)';
      if (clear === '' && here === '') rows.push({ group, key: d.key, label: d.label, status: 'same', from, to });
      else {
        rows.push({ group, key: d.key, label: d.label, status: from === '' ? 'added' : 'changed', from, to });
        seal.set(d.key, clear);
      }
      continue;
    }
    const theirs = incoming.values.get(d.key);
    const from = formatValue(d, here);
    if (theirs === undefined) {
      rows.push({ group, key: d.key, label: d.label, status: 'kept', from, to: from, note: OMITTED });
      continue;
    }
    const to = formatValue(d, theirs);
    rows.push({ group, key: d.key, label: d.label, status: status(from, to), from, to });
    if (from !== to) changes.set(d.key, theirs);
  }

  let optionDevices = local.config.optionDevices;
  if (wants('activation')) {
    const from = optionsText(optionDevices);
    const to = optionsText(incoming.optionDevices);
    rows.push({ group: 'activation', key: 'options', label: { ja: 'オプション装置', en: 'Option devices' }, status: status(from, to), from, to });
    optionDevices = incoming.optionDevices;
  }

  const definitions: DefinitionEntry[] = [];
  if (wants('definitions')) {
    for (const name of DEFINITION_ENTRIES) {
      const mine = local.definitions[name];
      const theirs = incoming.definitions[name];
      const label = { ja: `定義ファイル ${name}`, en: `definition file ${name}` };
      if (!theirs) {
        if (mine) rows.push({ group: 'definitions', key: name, label, status: 'kept', from: 'present', to: 'present' });
        continue;
      }
      const same = mine !== undefined && sameBytes(mine.bytes, theirs.bytes);
      const to = `${theirs.bytes.length} bytes, ${theirs.encoding}`;
      rows.push({
        group: 'definitions',
        key: name,
        label,
        status: same ? 'same' : mine ? 'changed' : 'added',
        from: mine ? `${mine.bytes.length} bytes, ${mine.encoding}` : '',
        to,
      });
      if (!same) definitions.push(name);
    }
  }

  let certificate = false;
  if (wants('routes') && incoming.certificate) {
    const from = local.certificate?.fingerprint ?? '';
    const to = incoming.certificate.fingerprint;
    const label = { ja: 'センターの証明書', en: 'Center certificate' };
    if (!sameMachine && !opts.otherMachine) rows.push({ group: 'routes', key: CERT_ENTRY, label, status: 'kept', from, to: from, note: OTHER_MACHINE });
    else {
      rows.push({ group: 'routes', key: CERT_ENTRY, label, status: status(from, to), from, to });
      certificate = from !== to;
    }
  }

  return { rows, problems, settings: withValues(s, changes), seal, optionDevices, definitions, certificate, activate };
}

/** How many rows would change something. */
export const changeCount = (p: Pick<ImportPlan, 'rows'>): number => p.rows.filter((r) => r.status === 'changed' || r.status === 'added').length;
