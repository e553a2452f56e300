import { IniDocument, type Eol } from '../ini/document.js';
import { problem, type Problem } from '../messages/problem.js';
import { decodeSettings, encodeSettingsFile } from '../settings/codec.js';
import { settingDef, type Settings } from '../settings/schema.js';
import { validateSettings } from '../settings/validate.js';
import { validateOptionDevices } from '../settings/options.js';
import { decodeInf, encodeInf, defaultInfText, type InfModelOf } from '../inf/files.js';
import { type SettingsFile } from '../settings/define.js';
import { CONFIG_FILES, type ConfigFile } from './files.js';
import { type Config } from './model.js';

/** Each file's document (undefined = the file is absent), by relative path. */
export type ConfigDocs = Partial<Record<string, IniDocument>>;

export interface DecodedConfig {
  config: Config;
  /** Syntax and value problems of each file, then the settings rules, all located (file = relative path). */
  problems: Problem[];
}

/** Places a settings problem on the line its key was read from, else its section's header, else line 1. */
function locate(p: Problem, docs: ConfigDocs, where: Partial<Record<string, { file: string; line: number }>>): Problem {
  if (p.file || !p.field) return p;
  const found = where[p.field];
  if (found) return { ...p, ...found };
  const def = settingDef(p.field);
  if (def) return { ...p, file: def.file, line: docs[def.file]?.section(def.section)?.line ?? 1 };
  if (p.field.startsWith('options.')) {
    const n = String(Number(p.field.split('.')[1])).padStart(2, '0');
    return { ...p, file: 'activation.ini', line: docs['activation.ini']?.section(`OptionDevice${n}`)?.line ?? 1 };
  }
  return { ...p, file: 'activation.ini', line: 1 };
}

/** In file order, then line order (stable), so a reader goes through each file top to bottom. */
function byPlace(ps: Problem[]): Problem[] {
  const rank = (p: Problem): number => {
    const i = CONFIG_FILES.findIndex((f) => f.rel === p.file);
    return i < 0 ? CONFIG_FILES.length : i;
  };
  return ps
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || (a.p.line ?? 0) - (b.p.line ?? 0) || a.i - b.i)
    .map((x) => x.p);
}

export function decodeConfig(docs: ConfigDocs): DecodedConfig {
  const settingsFiles: Partial<Record<SettingsFile, { doc: IniDocument; path: string }>> = {};
  const inf: Config['inf'] = {};
  const problems: Problem[] = [];
  for (const f of CONFIG_FILES) {
    const doc = docs[f.rel];
    if (f.type === 'settings') {
      if (doc) settingsFiles[f.file] = { doc, path: f.rel };
      continue;
    }
    if (!doc) {
      if (f.required) problems.push(problem('ER_4022', { path: f.rel }, { file: f.rel, line: 1 }));
      continue;
    }
    const d = decodeInf(f.kind, doc, f.rel);
    (inf as Record<string, unknown>)[f.kind] = d.model;
    for (const p of d.problems) problems.push(p); // not a spread: a huge file's problems exceed the argument limit
  }
  const s = decodeSettings(settingsFiles);
  const rules = [...validateSettings(s.settings), ...validateOptionDevices(s.optionDevices)];
  const all = [...s.problems, ...problems, ...rules.map((p) => locate(p, docs, s.where))];
  return { config: { settings: s.settings, optionDevices: s.optionDevices, inf }, problems: byPlace(all) };
}

/** The document one file should have for this config, written over its current document (or the default file). */
export function encodeConfigFile(f: ConfigFile, config: Config, into: IniDocument | undefined, eol: Exclude<Eol, ''> = '\r\n'): IniDocument | undefined {
  if (f.type === 'settings') return encodeSettingsFile(f.file, config.settings, config.optionDevices, into, eol);
  const model = config.inf[f.kind];
  if (model === undefined) return undefined;
  return encodeInf(f.kind, model as InfModelOf<typeof f.kind>, into ?? IniDocument.parse(defaultInfText(f.kind, eol)));
}

export function defaultFileText(f: ConfigFile, settings: Settings, eol: Exclude<Eol, ''> = '\r\n'): string {
  if (f.type === 'settings') return encodeSettingsFile(f.file, settings, [], undefined, eol).toString();
  return defaultInfText(f.kind, eol);
}
