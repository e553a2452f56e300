import { type SettingDef, type ValueOf, type SettingsFile } from './define.js';
import { activationDefs } from './defs/activation.js';
import { routeDefs } from './defs/routes.js';
import { scheduleDefs } from './defs/schedule.js';

/** Every setting, in the order the files list them. */
export const settingDefs = [...activationDefs, ...routeDefs, ...scheduleDefs] as const;
type Defs = (typeof settingDefs)[number];

export type SettingKey = Defs['key'];
/** The whole settings model: one typed value per public key. */
export type Settings = { -readonly [D in Defs as D['key']]: ValueOf<D> };

const byKey = new Map<string, SettingDef>(settingDefs.map((d) => [d.key, d]));

export function settingDef(key: string): SettingDef | undefined {
  return byKey.get(key);
}

export function isSettingKey(key: string): key is SettingKey {
  return byKey.has(key);
}

export function defaultSettings(): Settings {
  return Object.fromEntries(settingDefs.map((d) => [d.key, Array.isArray(d.default) ? [...d.default] : d.default])) as Settings;
}

export function defsOfFile(file: SettingsFile): SettingDef[] {
  return settingDefs.filter((d) => d.file === file);
}

export const SETTINGS_FILES: readonly SettingsFile[] = ['activation.ini', 'routes.ini', 'schedule.ini'];
