/**
 * settings.json of an export: every setting written out (defaults included), so a missing key on import is an error,
 * never "keep the current value" (REMCS once lost "encryption off" that way). Secrets say only whether they are set.
 */
import { problem, type Problem } from '../messages/problem.js';
import { settingDefs, isSettingKey, type SettingKey, type Settings } from '../settings/schema.js';
import { formatValue, parseValue } from '../settings/values.js';
import { getValue } from '../settings/access.js';
import { type SettingValue } from '../settings/define.js';
import { validateOptionDevices, type OptionDevice } from '../settings/options.js';
import { type SettingsEntry } from './format.js';

/** The settings marked personal in the definitions (names, address, phone, e-mail). */
export const personalKeys = (): SettingKey[] => settingDefs.filter((d) => 'personal' in d && d.personal === true).map((d) => d.key);

export function buildSettingsEntry(settings: Settings, optionDevices: readonly OptionDevice[], omit: ReadonlySet<string>): SettingsEntry {
  const entry: SettingsEntry = { settings: {}, secrets: {}, optionDevices: optionDevices.map((d) => ({ ...d })) };
  for (const d of settingDefs) {
    const v = getValue(settings, d.key);
    if (d.kind === 'secret') entry.secrets[d.key] = v === '' ? 'not set' : 'set';
    else if (!omit.has(d.key)) entry.settings[d.key] = formatValue(d, v);
  }
  return entry;
}

export interface ReadSettings {
  /** Every non-secret setting the export holds, typed. */
  values: Map<SettingKey, SettingValue>;
  optionDevices: OptionDevice[];
  problems: Problem[];
}

/** The entry's values parsed by their definitions; a key neither present nor declared omitted is ER_3521. */
export function readSettingsEntry(entry: SettingsEntry, omitted: readonly string[], file: string): ReadSettings {
  const problems: Problem[] = [];
  const values = new Map<SettingKey, SettingValue>();
  for (const key of Object.keys(entry.settings)) {
    if (!isSettingKey(key) || settingDefs.find((d) => d.key === key)?.kind === 'secret') problems.push(problem('ER_3522', { file, key }, { field: key }));
  }
  for (const key of Object.keys(entry.secrets)) if (!isSettingKey(key)) problems.push(problem('ER_3522', { file, key }, { field: key }));
  for (const d of settingDefs) {
    if (d.kind === 'secret') {
      if (!(d.key in entry.secrets)) problems.push(problem('ER_3521', { file, key: d.key }, { field: d.key }));
      continue;
    }
    const raw = entry.settings[d.key];
    if (raw === undefined) {
      if (!omitted.includes(d.key)) problems.push(problem('ER_3521', { file, key: d.key }, { field: d.key }));
      continue;
    }
    const parsed = parseValue(d, raw);
    if (parsed.ok) values.set(d.key, parsed.value);
    else problems.push(parsed.problem);
  }
  problems.push(...validateOptionDevices(entry.optionDevices));
  return { values, optionDevices: entry.optionDevices.map((d) => ({ ...d })), problems };
}
