/**
 * The setup utility's data, without React: which pages a method shows, which settings each page holds, the values sent
 * to the host (check on 次へ, activate on 完了), and the preview that decides ※ (required) and disabled fields.
 * The wizard's values are its own (typed text), not the snapshot's: the preview lays them over the snapshot.
 */
import { settingDef, type SettingKey, type Settings } from '../../shared/settings/schema.js';
import { isActive, isRequired, viewOf } from '../../shared/settings/validate.js';
import { type SettingsView } from '../../shared/settings/define.js';
import { type OptionDevice } from '../../shared/settings/options.js';
import { type KeyFileSummary } from '../../shared/keyfile/model.js';
import { type ActivationRequest, type AppSnapshot, type DeviceInfo, type FileRef, type TypedValues } from '../../shared/host/api.js';
import { previewSettings, textOf } from '../components/use-settings-form.js';

export type Method = 'keyfile' | 'keycode';
export type Service = 'express' | 'https';
/** 'registered': 設定情報の変更's first page on an activated machine (change.ts). */
export type PageId = 'registered' | 'method' | 'keyfile' | 'keycode' | 'customer' | 'machine' | 'options' | 'dealer';

export const KEYCODE_KEYS = ['activation.keyCode', 'activation.replyMail'] as const satisfies readonly SettingKey[];
export const CUSTOMER_KEYS = [
  'customer.type',
  'customer.nameKana',
  'customer.name',
  'customer.department',
  'customer.postalCode',
  'customer.addressKana',
  'customer.address',
  'customer.addressDetail',
  'customer.phone',
  'customer.email',
  'customer.contactKana',
  'customer.contact',
] as const satisfies readonly SettingKey[];
/** Cleared and disabled for an individual customer. */
export const CORPORATE_ONLY_KEYS = ['customer.department', 'customer.contactKana', 'customer.contact'] as const satisfies readonly SettingKey[];
export const MACHINE_KEYS = [
  'machine.serverName',
  'machine.deviceCode',
  'machine.serialNumber',
  'machine.warrantyNumber',
  'machine.comment',
] as const satisfies readonly SettingKey[];
export const DEALER_KEYS = [
  'dealer.name',
  'dealer.sales.department',
  'dealer.sales.name',
  'dealer.sales.phone',
  'dealer.se.department',
  'dealer.se.name',
  'dealer.se.phone',
] as const satisfies readonly SettingKey[];
export const WIZARD_KEYS = [...KEYCODE_KEYS, ...CUSTOMER_KEYS, ...MACHINE_KEYS, ...DEALER_KEYS] as const;
export type WizardKey = (typeof WIZARD_KEYS)[number];
export type WizardValues = Record<WizardKey, string>;

/** The field name the host gives a key-file problem (not a setting). */
export const KEYFILE_FIELD = 'activation.keyFile';

export function pagesOf(method: Method): PageId[] {
  return method === 'keyfile' ? ['method', 'keyfile', 'customer', 'machine', 'options', 'dealer'] : ['method', 'keycode', 'machine', 'options', 'dealer'];
}

/** The settings a page lets the user type, in the page's order. */
export function keysOfPage(page: PageId, service: Service): readonly WizardKey[] {
  switch (page) {
    case 'keycode':
      return service === 'https' ? KEYCODE_KEYS : ['activation.keyCode'];
    // A key-code HTTPS machine's reply address is registration information; its key code is not (re-activation).
    case 'registered':
      return service === 'https' ? ['activation.replyMail'] : [];
    case 'customer':
      return CUSTOMER_KEYS;
    case 'machine':
      return MACHINE_KEYS;
    case 'dealer':
      return DEALER_KEYS;
    default:
      return [];
  }
}

/** The page whose field a problem names (undefined: no page of this method, or of `pages`, shows it). */
export function pageOfField(field: string | undefined, method: Method, service: Service, pages: readonly PageId[] = pagesOf(method)): PageId | undefined {
  if (!field) return undefined;
  const shown = (p: PageId): PageId | undefined => (pages.includes(p) ? p : undefined);
  if (field === KEYFILE_FIELD) return method === 'keyfile' ? shown('keyfile') : undefined;
  if (field === 'activation.method' || field === 'express.route') return shown('method');
  if (field === 'options' || field.startsWith('options.')) return shown('options');
  return pages.find((p) => (keysOfPage(p, service) as readonly string[]).includes(field));
}

export function isPageField(page: PageId, field: string | undefined, method: Method, service: Service, pages?: readonly PageId[]): boolean {
  return field !== undefined && pageOfField(field, method, service, pages) === page;
}

/**
 * The service the utility offers first: the one already in use (an Express route: mail, dial-up, manager), else the
 * HTTPS service, the command line's default (`activate --service`, service/cli/main.ts), so both start from the same choice.
 */
export function defaultService(snapshot: AppSnapshot | undefined): Service {
  const route = snapshot?.settings['express.route'];
  return route === 'mail' || route === 'dialup' || route === 'manager' ? 'express' : 'https';
}

export function defaultMethod(snapshot: AppSnapshot | undefined): Method {
  return snapshot?.settings['activation.method'] === 'keycode' ? 'keycode' : 'keyfile';
}

/** The wizard starts from the saved values; an empty server name starts as the OS host name. */
export function initialValues(snapshot: AppSnapshot | undefined): WizardValues {
  const out = Object.fromEntries(WIZARD_KEYS.map((k) => [k, textOf(snapshot, k)])) as WizardValues;
  if (out['machine.serverName'] === '' && snapshot?.hostName) out['machine.serverName'] = snapshot.hostName.slice(0, 20);
  return out;
}

/** The key file's customer and machine data fill the pages (shown for confirmation and editing). */
export function applyKeyFile(values: WizardValues, summary: KeyFileSummary, hostName: string, mismatch: boolean): WizardValues {
  const c = summary.customer;
  return {
    ...values,
    'customer.type': c.type,
    'customer.nameKana': c.nameKana,
    'customer.name': c.name,
    'customer.department': c.department,
    'customer.postalCode': c.postalCode,
    'customer.addressKana': c.addressKana,
    'customer.address': c.address,
    'customer.addressDetail': c.addressDetail,
    'customer.phone': c.phone,
    'customer.email': c.email,
    'customer.contactKana': c.contactKana,
    'customer.contact': c.contact,
    // On a mismatch the OS host name is registered (the manual).
    'machine.serverName': mismatch ? hostName.slice(0, 20) : summary.serverName,
    'machine.deviceCode': summary.machine.deviceCode,
    'machine.serialNumber': summary.machine.serialNumber,
    'machine.warrantyNumber': summary.machine.warrantyNumber,
  };
}

/** What the machine tells of itself fills the device code and serial number still empty. */
export function applyDeviceInfo(values: WizardValues, info: DeviceInfo): WizardValues {
  return {
    ...values,
    'machine.deviceCode': values['machine.deviceCode'] || (info.deviceCode ?? ''),
    'machine.serialNumber': values['machine.serialNumber'] || (info.serialNumber ?? ''),
  };
}

export function needsDeviceDialog(values: WizardValues): boolean {
  return values['machine.deviceCode'].trim() === '' || values['machine.serialNumber'].trim() === '';
}

/** Every page's field of this method and service, as typed (activate's `values`). */
export function requestValues(values: WizardValues, method: Method, service: Service): TypedValues {
  const keys: WizardKey[] = [...(method === 'keycode' ? keysOfPage('keycode', service) : CUSTOMER_KEYS), ...MACHINE_KEYS, ...DEALER_KEYS];
  const out: TypedValues = {};
  for (const k of keys) out[k] = values[k];
  return out;
}

/** The route the settings would have: decides cross-field rules (the HTTPS reply address is required). */
export function routeFor(service: Service, snapshot: AppSnapshot | undefined): string {
  if (service === 'https') return 'https';
  const r = snapshot?.settings['express.route'];
  return r === 'mail' || r === 'dialup' || r === 'manager' ? r : 'off';
}

/** check's `values`: the typed values plus the chosen method and route, so cross-field rules see the wizard's choices. */
export function checkValues(values: WizardValues, method: Method, service: Service, snapshot: AppSnapshot | undefined): TypedValues {
  return { ...requestValues(values, method, service), 'activation.method': method, 'express.route': routeFor(service, snapshot) };
}

/** The settings as the wizard would make them: for ※ (required) and disabled fields. */
export function previewView(base: Settings, values: WizardValues, method: Method, service: Service, snapshot: AppSnapshot | undefined): SettingsView {
  return viewOf(previewSettings(base, checkValues(values, method, service, snapshot)));
}

export function requiredIn(view: SettingsView, key: string): boolean {
  const def = settingDef(key);
  return def ? isRequired(def, view) : false;
}

export function activeIn(view: SettingsView, key: string): boolean {
  const def = settingDef(key);
  return def ? isActive(def, view) : true;
}

export interface ActivationInput {
  method: Method;
  service: Service;
  values: WizardValues;
  keyFile?: FileRef;
  acceptHostNameMismatch: boolean;
  optionDevices: OptionDevice[];
  confirmReactivation: boolean;
}

/** 完了's request: optional flags only when they are true. */
export function activationRequest(i: ActivationInput): ActivationRequest {
  return {
    method: i.method,
    service: i.service,
    ...(i.method === 'keyfile' && i.keyFile ? { keyFile: i.keyFile } : {}),
    ...(i.method === 'keyfile' && i.acceptHostNameMismatch ? { acceptHostNameMismatch: true } : {}),
    values: requestValues(i.values, i.method, i.service),
    optionDevices: i.optionDevices.map((d) => ({ name: d.name, deviceCode: d.deviceCode, serialNumber: d.serialNumber })),
    ...(i.confirmReactivation ? { confirmReactivation: true } : {}),
  };
}
