/**
 * What 完了 in the setup utility does (and `express-report activate`): the settings after activation, built from the
 * current ones (or the defaults when re-activating: that erases every previous setting), the key file's data and the
 * pages' values. Nothing is written here; the caller saves the result through the config store.
 */
import { problem, type Problem } from '../../messages/problem.js';
import { defaultSettings, type Settings, type SettingKey } from '../../settings/schema.js';
import { withValues } from '../../settings/access.js';
import { type SettingValue } from '../../settings/define.js';
import { type ActivationRequest } from '../../host/api.js';
import { type Config } from '../../config/model.js';
import { type KeyFilePayload } from '../../keyfile/model.js';
import { type Converted } from './typed-values.js';
import { type CenterDestinations } from './center.js';

export interface ActivationPlan {
  config: Config;
  problems: Problem[];
  /** The center's certificate from the key file (S/MIME), to be stored beside the settings. */
  centerCertificate?: string;
  /** The shipped center destinations were written (a key code, or a key file without its own): the log says so. */
  usedCenter?: { url1?: string; mailTo?: string };
}

const customerKeys = [
  'type',
  'nameKana',
  'name',
  'department',
  'postalCode',
  'addressKana',
  'address',
  'addressDetail',
  'phone',
  'email',
  'contactKana',
  'contact',
] as const;

function fromKeyFile(p: KeyFilePayload, hostName: string, acceptMismatch: boolean): { values: Map<SettingKey, SettingValue>; problems: Problem[] } {
  const values = new Map<SettingKey, SettingValue>();
  const problems: Problem[] = [];
  for (const k of customerKeys) values.set(`customer.${k}`, p.customer[k]);
  values.set('machine.deviceCode', p.machine.deviceCode);
  values.set('machine.serialNumber', p.machine.serialNumber);
  values.set('machine.warrantyNumber', p.machine.warrantyNumber);
  values.set('activation.userSystemCode', p.userSystemCode);
  values.set('activation.expiry', p.expiry);
  if (p.destinations.mail) values.set('mail.to', p.destinations.mail);
  if (p.destinations.dialupPrimary) values.set('dialup.primary.number', p.destinations.dialupPrimary);
  if (p.destinations.dialupSecondary) values.set('dialup.secondary.number', p.destinations.dialupSecondary);
  const mismatch = p.serverName.toLowerCase() !== hostName.toLowerCase();
  // The manual: on a mismatch the OS host name is registered, after the user chose 続行.
  if (mismatch && !acceptMismatch) problems.push(problem('ER_3050', { serverName: p.serverName, hostName }, { field: 'machine.serverName' }));
  values.set('machine.serverName', mismatch ? hostName.slice(0, 20) : p.serverName);
  return { values, problems };
}

/**
 * `center`: the center's destinations shipped with the product (./center.ts), "set automatically" where the key file
 * names none (always for a key code): the HTTPS service's AMHTPADR.INF and the mail route's address.
 */
export function planActivation(
  current: Config,
  req: ActivationRequest,
  typed: Converted,
  hostName: string,
  keyFile?: KeyFilePayload,
  center?: CenterDestinations,
): ActivationPlan {
  const problems: Problem[] = [...typed.problems];
  const activated = current.settings['activation.state'] !== 'not-activated';
  if (activated && !req.confirmReactivation) problems.push(problem('ER_5001', {}, { field: 'activation.method' }));
  const base: Settings = activated ? defaultSettings() : current.settings;
  let settings = base;
  if (req.method === 'keyfile') {
    if (!keyFile) problems.push(problem('ER_3001', { label: { ja: '開局キーファイル', en: 'Key file' } }, { field: 'activation.keyFile' }));
    else {
      const k = fromKeyFile(keyFile, hostName, req.acceptHostNameMismatch === true);
      problems.push(...k.problems);
      settings = withValues(settings, k.values);
    }
  }
  // The pages' values win over the key file's: the user confirmed or corrected them.
  const typedValues = new Map(typed.changes);
  if (req.method === 'keyfile' && keyFile && keyFile.serverName.toLowerCase() !== hostName.toLowerCase()) typedValues.delete('machine.serverName');
  settings = withValues(settings, typedValues);
  const fixed = new Map<SettingKey, SettingValue>([
    ['activation.method', req.method],
    ['activation.state', 'configured'],
  ]);
  if (req.method === 'keycode') fixed.set('mail.smime', false); // S/MIME needs the key file's certificate
  const usedCenter: { url1?: string; mailTo?: string } = {};
  if (center && !keyFile?.destinations.mail) {
    fixed.set('mail.to', center.mailTo);
    usedCenter.mailTo = center.mailTo;
  }
  if (req.service === 'https') fixed.set('express.route', 'https');
  else if (settings['express.route'] === 'https') fixed.set('express.route', 'off');
  settings = withValues(settings, fixed);
  const inf = { ...current.inf };
  if (keyFile?.destinations.url1) inf.adr = { url1: keyFile.destinations.url1, ...(keyFile.destinations.url2 ? { url2: keyFile.destinations.url2 } : {}) };
  else if (center) {
    inf.adr = { ...center.adr };
    usedCenter.url1 = center.adr.url1;
  }
  return {
    config: { settings, optionDevices: req.optionDevices, inf },
    problems,
    ...(keyFile ? { centerCertificate: keyFile.centerCertificate } : {}),
    ...(usedCenter.url1 !== undefined || usedCenter.mailTo !== undefined ? { usedCenter } : {}),
  };
}
