/**
 * Building an export from the config folder (docs/settings-transfer.md): settings.json (every setting, defaults too),
 * the definition files byte for byte, center-cert.pem, summary.txt, for transfer secrets.json sealed with the
 * passphrase, and manifest.json with every entry's digest. Spool, logs, keys and keychain never travel: only the
 * entries of the fixed list are ever written. A transfer export opens the machine-bound sealed values with the
 * service key and seals them again with the passphrase; the machine-bound values themselves never travel.
 */
import { join } from 'node:path';
import { text } from '../../messages/text.js';
import { settingDefs, type SettingKey } from '../../settings/schema.js';
import { getValue } from '../../settings/access.js';
import { ConfigStore } from '../config-store.js';
import { readFileIfExists } from '../atomic-write.js';
import { codedError, isCodedError, reasonOf } from '../coded-error.js';
import { loadPrivateKey, openSealed } from '../secrets.js';
import { ServiceClient } from '../service-client.js';
import {
  CERT_ENTRY,
  DEFINITION_ENTRIES,
  FORMAT_NAME,
  FORMAT_VERSION,
  MANIFEST,
  SECRETS_ENTRY,
  SETTINGS_ENTRY,
  SUMMARY_ENTRY,
  SUMMARY_HTML_ENTRY,
  type Manifest,
  type PersonalMode,
  type Scope,
} from '../../transfer/format.js';
import { buildSettingsEntry, personalKeys } from '../../transfer/settings-entry.js';
import { buildSummary, type QueueSnapshot, type SummaryInput } from '../../transfer/summary.js';
import { buildSummaryHtml } from '../../transfer/summary-html.js';
import { checkValue, manifestMac, newTransferKeys, sealSecrets } from './passphrase.js';
import { sha256hex } from './read.js';
import { writeZip, type ZipEntry } from './zip.js';

export interface ExportPlace {
  configDir: string;
  stateDir: string;
  version: string;
}

export interface ExportOptions {
  scope: Scope;
  personal: PersonalMode;
  /** Required for transfer (ER_3500 before anything is read). */
  passphrase?: string;
  now?: Date;
}

export interface Built {
  bytes: Buffer;
  entries: number;
  omitted: number;
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** The service's queue, when a service answers for this state folder. */
async function queueSnapshot(stateDir: string): Promise<QueueSnapshot | undefined> {
  try {
    const s = await (await ServiceClient.connect(stateDir)).status();
    const f = s.lastFailure;
    return { pending: s.pending, expired: s.expired, ...(f ? { lastFailure: { at: f.at, code: f.problem.code, message: f.problem.message } } : {}) };
  } catch (e) {
    if (isCodedError(e)) return undefined;
    throw e;
  }
}

/** The clear secrets, opened with the service key (only who may read it can make a transfer export: ER_3502). */
async function clearSecrets(stateDir: string, settings: ConfigStore['config']['settings']): Promise<Record<string, string>> {
  const set = settingDefs.filter((d) => d.kind === 'secret' && getValue(settings, d.key) !== '');
  const out: Record<string, string> = {};
  if (set.length === 0) return out;
  let pem: string;
  try {
    pem = await loadPrivateKey(stateDir);
  } catch (e) {
    throw codedError('ER_3502', { reason: isCodedError(e) ? e.problem.message : reasonOf(e) }, {}, e);
  }
  for (const d of set) out[d.key] = openSealed(String(getValue(settings, d.key as SettingKey)), pem);
  return out;
}

export async function buildExport(place: ExportPlace, opts: ExportOptions): Promise<Built> {
  if (opts.scope === 'transfer' && opts.passphrase === undefined) throw codedError('ER_3500');
  const store = await ConfigStore.open(place.configDir);
  const c = store.config;
  const s = c.settings;
  const omit = new Set<string>(opts.scope === 'support' && opts.personal === 'omit' ? personalKeys() : []);
  const entries: ZipEntry[] = [{ name: SETTINGS_ENTRY, data: utf8(`${JSON.stringify(buildSettingsEntry(s, c.optionDevices, omit), null, 2)}\n`) }];
  for (const name of DEFINITION_ENTRIES) {
    const bytes = await readFileIfExists(join(place.configDir, name));
    if (bytes) entries.push({ name, data: bytes });
  }
  const cert = await readFileIfExists(join(place.configDir, CERT_ENTRY));
  if (cert) entries.push({ name: CERT_ENTRY, data: cert });

  const base = {
    format: FORMAT_NAME,
    formatVersion: FORMAT_VERSION,
    product: 'express-report',
    productVersion: place.version,
    createdAt: (opts.now ?? new Date()).toISOString(),
    identity: { serverName: s['machine.serverName'], deviceCode: s['machine.deviceCode'], serialNumber: s['machine.serialNumber'] },
    state: s['activation.state'],
    scope: opts.scope,
    personal: opts.scope === 'transfer' ? ('include' as const) : opts.personal,
    omitted: [...omit],
  };
  const queue = await queueSnapshot(place.stateDir);
  const summary: SummaryInput = { manifest: base, settings: s, optionDevices: c.optionDevices, omitted: omit, problems: store.problems, queue };
  entries.push({ name: SUMMARY_ENTRY, data: utf8(buildSummary(summary)) }, { name: SUMMARY_HTML_ENTRY, data: utf8(buildSummaryHtml(summary)) });

  let keys: Awaited<ReturnType<typeof newTransferKeys>> | undefined;
  if (opts.scope === 'transfer') {
    const secrets = await clearSecrets(place.stateDir, s);
    keys = await newTransferKeys(opts.passphrase!);
    entries.push({ name: SECRETS_ENTRY, data: utf8(JSON.stringify(sealSecrets(keys, secrets))) });
  }
  const manifest: Manifest = { ...base, entries: entries.map((e) => ({ name: e.name, size: e.data.length, sha256: sha256hex(e.data) })) };
  if (keys) {
    manifest.seal = { kdf: keys.kdf, cipher: 'aes-256-gcm', check: checkValue(keys), mac: '' };
    manifest.seal.mac = manifestMac(keys, manifest);
  }
  const all = [{ name: MANIFEST, data: utf8(`${JSON.stringify(manifest, null, 2)}\n`) }, ...entries];
  return { bytes: await writeZip(all), entries: all.length, omitted: omit.size };
}

export const TRANSFER_WORDS = { support: text('サポート用', 'support'), transfer: text('移行用', 'transfer') };
