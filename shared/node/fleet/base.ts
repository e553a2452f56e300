/**
 * The base of a fleet (docs/fleet.md): what every server shares, read from an export (shared/node/transfer/read.ts)
 * or from a config folder. What belongs to one machine is reset to its default: the identity, the activation and the
 * option devices come from each row. Secrets never travel this way: a config folder's are sealed for this machine's
 * service key and a support export holds only set / not set, so they are left empty and named (ER_6822).
 */
import { join } from 'node:path';
import { stat } from 'node:fs/promises';
import { problem, isError, type Problem } from '../../messages/problem.js';
import { defaultSettings, settingDefs, type SettingKey } from '../../settings/schema.js';
import { getValue, withValues } from '../../settings/access.js';
import { type SettingValue } from '../../settings/define.js';
import { type Config } from '../../config/model.js';
import { type AdrModel } from '../../inf/adr.js';
import { type LogModel } from '../../inf/log.js';
import { type HbiModel } from '../../inf/hbi.js';
import { CERT_ENTRY, DEFINITION_ENTRIES, type DefinitionEntry } from '../../transfer/format.js';
import { ConfigStore } from '../config-store.js';
import { readFileIfExists } from '../atomic-write.js';
import { isCodedError } from '../coded-error.js';
import { readExportBytes, readExportFile } from '../transfer/read.js';

export interface FleetBase {
  /** The file or folder it was read from. */
  name: string;
  config: Config;
  /** The definition files' bytes, written as they are (their own encoding) before the row's changes. */
  definitions: Partial<Record<DefinitionEntry, Uint8Array>>;
  certificate?: Uint8Array;
  /** The secrets set in the base, not carried over. */
  secrets: SettingKey[];
  /** Errors refuse the whole fleet (ER_3615 with them). */
  problems: Problem[];
}

/** One machine's own settings, each row's to give. */
const PER_MACHINE: readonly SettingKey[] = [
  'machine.serverName',
  'machine.deviceCode',
  'machine.serialNumber',
  'machine.warrantyNumber',
  'machine.comment',
  'activation.method',
  'activation.state',
  'activation.keyCode',
  'activation.replyMail',
  'activation.userSystemCode',
  'activation.expiry',
];

function shared(config: Config): Config {
  const d = defaultSettings();
  const reset = new Map<SettingKey, SettingValue>(PER_MACHINE.map((k) => [k, getValue(d, k)]));
  for (const def of settingDefs) if (def.kind === 'secret') reset.set(def.key, '');
  return { settings: withValues(config.settings, reset), optionDevices: [], inf: config.inf };
}

async function fromFolder(dir: string): Promise<FleetBase> {
  const store = await ConfigStore.open(dir);
  const definitions: FleetBase['definitions'] = {};
  for (const name of DEFINITION_ENTRIES) {
    const b = await readFileIfExists(join(dir, name));
    if (b) definitions[name] = b;
  }
  const cert = await readFileIfExists(join(dir, CERT_ENTRY));
  const c = store.config;
  const secrets = settingDefs.filter((d) => d.kind === 'secret' && getValue(c.settings, d.key) !== '').map((d) => d.key);
  return { name: dir, config: shared(c), definitions, ...(cert ? { certificate: cert } : {}), secrets, problems: store.problems.filter(isError) };
}

async function fromExport(file: string | ExportBytes): Promise<FleetBase> {
  const read =
    typeof file === 'string' ? await readExportFile(file, { needSecrets: false }) : await readExportBytes(file.bytes, file.name, { needSecrets: false });
  const name = typeof file === 'string' ? file : file.name;
  const x = read.contents;
  const definitions: FleetBase['definitions'] = {};
  for (const name of DEFINITION_ENTRIES) {
    const d = x.definitions[name];
    if (d) definitions[name] = d.bytes;
  }
  const inf: Config['inf'] = {};
  const adr = x.definitions['WebReprt/AMHTPADR.INF']?.model;
  const log = x.definitions['WebReprt/AMHTPLOG.INF']?.model;
  const hbi = x.definitions['WebReprt/AMHTPHBI.INF']?.model;
  if (adr) inf.adr = adr as AdrModel;
  if (log) inf.log = log as LogModel;
  if (hbi) inf.hbi = hbi as HbiModel;
  const config: Config = { settings: withValues(defaultSettings(), x.values), optionDevices: x.optionDevices, inf };
  const secrets = settingDefs.filter((d) => d.kind === 'secret' && x.entry.secrets[d.key] === 'set').map((d) => d.key);
  const cert = x.certificate ? new TextEncoder().encode(x.certificate.pem) : undefined;
  return { name, config: shared(config), definitions, ...(cert ? { certificate: cert } : {}), secrets, problems: read.problems.filter(isError) };
}

/** An export's bytes as the window read them. */
export interface ExportBytes {
  name: string;
  bytes: Uint8Array;
}

/** The base at `path`: a folder is a config folder, a file an export (or the export's bytes). Unreadable: ER_3618 with the reason. */
export async function loadBase(path: string | ExportBytes): Promise<FleetBase> {
  const name = typeof path === 'string' ? path : path.name;
  try {
    if (typeof path !== 'string') return await fromExport(path);
    const st = await stat(path).catch(() => undefined);
    return st?.isDirectory() ? await fromFolder(path) : await fromExport(path);
  } catch (e) {
    if (!isCodedError(e)) throw e;
    return {
      name,
      config: shared({ settings: defaultSettings(), optionDevices: [], inf: {} }),
      definitions: {},
      secrets: [],
      problems: [problem('ER_3618', { base: name, reason: e.problem.message })],
    };
  }
}
