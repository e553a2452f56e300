import { type SettingsFile } from '../settings/define.js';
import { SETTINGS_FILES } from '../settings/schema.js';
import { type InfKind } from '../inf/files.js';

/** Every file of the config folder, by its path relative to the folder (docs/design.md section 4). */
export type ConfigFile = { rel: SettingsFile; type: 'settings'; file: SettingsFile } | { rel: string; type: 'inf'; kind: InfKind; required: boolean };

export const CONFIG_FILES: readonly ConfigFile[] = [
  ...SETTINGS_FILES.map((f): ConfigFile => ({ rel: f, type: 'settings', file: f })),
  { rel: 'WebReprt/AMHTPADR.INF', type: 'inf', kind: 'adr', required: true },
  { rel: 'WebReprt/AMHTPLOG.INF', type: 'inf', kind: 'log', required: false },
  { rel: 'WebReprt/AMHTPHBI.INF', type: 'inf', kind: 'hbi', required: false },
];
