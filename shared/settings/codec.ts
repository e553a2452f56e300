import { IniDocument, quote, unquote, type Eol } from '../ini/document.js';
import { syntaxProblems } from '../ini/issues.js';
import { problem, type Problem } from '../messages/problem.js';
import { type SettingDef, type SettingValue, type SettingsFile } from './define.js';
import { defaultSettings, defsOfFile, type Settings } from './schema.js';
import { formatValue, parseValue } from './values.js';
import { OPTION_SECTION_RE, optionFields, optionSection, type OptionDevice } from './options.js';
import { settingsFileHeader } from './comments.js';

/** Our own settings files (activation.ini, routes.ini, schedule.ini) <-> the settings model. */
export interface DecodedSettingsFile {
  values: Partial<Record<string, SettingValue>>;
  /** 1-based line of each key found (for file:line messages). */
  lines: Partial<Record<string, number>>;
  optionDevices: OptionDevice[];
  problems: Problem[];
}

const same = (a: SettingValue | undefined, b: SettingValue): boolean =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((x, i) => x === b[i]) : a === b;

export function decodeSettingsFile(file: SettingsFile, doc: IniDocument, path: string): DecodedSettingsFile {
  const out: DecodedSettingsFile = { values: {}, lines: {}, optionDevices: [], problems: syntaxProblems(doc, path) };
  const defs = defsOfFile(file);
  const knownSections = new Set(defs.map((d) => d.section.toLowerCase()));
  for (const sec of doc.sections()) {
    const isOption = file === 'activation.ini' && OPTION_SECTION_RE.test(sec.name);
    if (!knownSections.has(sec.name.toLowerCase()) && !isOption) {
      out.problems.push(problem('ER_4002', { section: sec.name }, { file: path, line: sec.line }));
      continue;
    }
    for (const e of sec.entries) {
      const known = isOption
        ? Object.values(optionFields).some((f) => f.name.toLowerCase() === e.key.toLowerCase())
        : defs.some((d) => d.section.toLowerCase() === sec.name.toLowerCase() && d.name.toLowerCase() === e.key.toLowerCase());
      if (!known) out.problems.push(problem('ER_4025', { key: `${sec.name}.${e.key}` }, { file: path, line: e.line }));
    }
  }
  for (const def of defs) {
    const entry = doc.get(def.section, def.name);
    if (!entry) continue;
    out.lines[def.key] = entry.line;
    const parsed = parseValue(def, unquote(entry.rawValue).value);
    if (parsed.ok) out.values[def.key] = parsed.value;
    else out.problems.push({ ...parsed.problem, file: path, line: entry.line });
  }
  if (file === 'activation.ini') {
    const seen = new Set<string>();
    // By number, as they are written back (OptionDevice01 first): in file order, a file with 02 before 01 had its devices
    // swapped by every save.
    const byNumber = doc
      .sections()
      .filter((sec) => OPTION_SECTION_RE.test(sec.name))
      .sort((a, b) => Number(OPTION_SECTION_RE.exec(a.name)![1]) - Number(OPTION_SECTION_RE.exec(b.name)![1]));
    for (const sec of byNumber) {
      if (seen.has(sec.name.toLowerCase())) continue;
      seen.add(sec.name.toLowerCase());
      const get = (k: string): string => unquote(doc.get(sec.name, k)?.rawValue ?? '').value;
      out.optionDevices.push({
        name: get(optionFields.name.name),
        deviceCode: get(optionFields.deviceCode.name),
        serialNumber: get(optionFields.serialNumber.name),
      });
    }
  }
  return out;
}

function writeValue(doc: IniDocument, def: SettingDef, value: SettingValue): void {
  const entry = doc.get(def.section, def.name);
  if (entry) {
    const current = parseValue(def, unquote(entry.rawValue).value);
    if (current.ok && same(current.value, value)) return; // keep the spelling someone chose (On, +5...)
  }
  doc.set(def.section, def.name, quote(formatValue(def, value)));
}

/**
 * Writes the settings of one file into a copy of `into` (comments, unknown keys and order survive) or,
 * without `into`, into the commented default file.
 */
export function encodeSettingsFile(
  file: SettingsFile,
  s: Settings,
  optionDevices: readonly OptionDevice[] = [],
  into?: IniDocument,
  eol: Exclude<Eol, ''> = '\r\n',
): IniDocument {
  const doc = into ? into.clone() : IniDocument.parse(settingsFileHeader(file, eol));
  const rec = s as unknown as Record<string, SettingValue>;
  for (const def of defsOfFile(file)) writeValue(doc, def, rec[def.key] ?? def.default);
  if (file === 'activation.ini') {
    const existing = doc
      .sections()
      .filter((x) => OPTION_SECTION_RE.test(x.name))
      .map((x) => x.name);
    optionDevices.forEach((d, i) => {
      const sec = optionSection(i);
      for (const key of ['name', 'deviceCode', 'serialNumber'] as const) {
        const f = optionFields[key];
        if (unquote(doc.get(sec, f.name)?.rawValue ?? '\u0000').value !== d[key]) doc.set(sec, f.name, quote(d[key]));
      }
    });
    for (const name of existing) {
      const n = Number(OPTION_SECTION_RE.exec(name)?.[1]);
      if (n > optionDevices.length || n < 1) doc.deleteSection(name); // OptionDevice00 is written back as 01: kept, it came back as one more device each save
    }
  }
  return doc;
}

export interface DecodedSettings {
  settings: Settings;
  optionDevices: OptionDevice[];
  problems: Problem[];
  /** Where each key was read: file path and line. */
  where: Partial<Record<string, { file: string; line: number }>>;
}

/** All three files at once; a missing file or key takes its default. */
export function decodeSettings(files: Partial<Record<SettingsFile, { doc: IniDocument; path: string }>>): DecodedSettings {
  const settings = defaultSettings() as unknown as Record<string, SettingValue>;
  const result: DecodedSettings = { settings: settings as unknown as Settings, optionDevices: [], problems: [], where: {} };
  for (const [file, f] of Object.entries(files) as Array<[SettingsFile, { doc: IniDocument; path: string }]>) {
    const d = decodeSettingsFile(file, f.doc, f.path);
    Object.assign(settings, d.values);
    for (const [k, line] of Object.entries(d.lines)) if (line !== undefined) result.where[k] = { file: f.path, line };
    for (const p of d.problems) result.problems.push(p); // not a spread: a huge file's problems exceed the argument limit
    if (file === 'activation.ini') result.optionDevices = d.optionDevices;
  }
  return result;
}
