/**
 * Log-collection settings shared by AMHTPLOG.INF and AMHTPHBI.INF: [Configuration] TimeOut / MaxSize, and the
 * Command / LogFile / Directory triple of [DefaultTools], [ToolYYY] and [Tools].
 */
import { type EntryRef, type SectionRef } from '../ini/document.js';
import { Findings, entriesByKey, putNumber, putText, type DocEdit } from './common.js';
import { MAX_SIZE_KB, MAX_TIMEOUT_SECONDS, readCommand, readPath, readUint, textValue, type Check } from './values.js';

export interface Collection {
  /** All commands together, in seconds; 0 = no timeout. */
  timeoutSeconds: number;
  /** Largest log archive to attach, in KB; 0 = automatic (the original: about 700 MB-1 GB). */
  maxSizeKB: number;
}
/** The manual's defaults; also what an absent key means. */
export const DEFAULT_COLLECTION: Readonly<Collection> = { timeoutSeconds: 600, maxSizeKB: 0 };

export interface ToolPaths {
  /** Absolute path of one program, no arguments; '' = run nothing. */
  command: string;
  /** Absolute path of the log file or folder to collect (a folder is taken whole); '' = none. */
  logFile: string;
  /** Absolute working folder of the command; required with a command (ER_4028). */
  directory: string;
}
export const NO_TOOL: Readonly<ToolPaths> = { command: '', logFile: '', directory: '' };

export const CONFIGURATION_KEYS = ['TimeOut', 'MaxSize'] as const;
export const TOOL_PATH_KEYS = ['Command', 'LogFile', 'Directory'] as const;

const parseTimeout = (raw: string): Check<number> => readUint('TimeOut', raw, MAX_TIMEOUT_SECONDS);
const parseMaxSize = (raw: string): Check<number> => readUint('MaxSize', raw, MAX_SIZE_KB);
const valueOf = (c: Check<number>): number | undefined => (c.ok ? c.value : undefined);

/** [Configuration]; a missing or wrong value leaves the default in the model. */
export function readCollection(sec: SectionRef | undefined, label: string, out: Findings): Collection {
  const model = { ...DEFAULT_COLLECTION };
  if (!sec) return model;
  const keys = entriesByKey(sec);
  const read = (key: string, parse: (raw: string) => Check<number>): number | undefined => {
    const e = keys.get(key.toLowerCase());
    if (!e) return undefined;
    const c = parse(e.rawValue);
    if (!c.ok) out.fail(c, e.line, `${label}.${key}`);
    return valueOf(c);
  };
  model.timeoutSeconds = read('TimeOut', parseTimeout) ?? model.timeoutSeconds;
  model.maxSizeKB = read('MaxSize', parseMaxSize) ?? model.maxSizeKB;
  return model;
}

export function writeCollection(ed: DocEdit, section: string, want: Collection): void {
  putNumber(ed, section, 'TimeOut', want.timeoutSeconds, (raw) => valueOf(parseTimeout(raw)), DEFAULT_COLLECTION.timeoutSeconds);
  putNumber(ed, section, 'MaxSize', want.maxSizeKB, (raw) => valueOf(parseMaxSize(raw)), DEFAULT_COLLECTION.maxSizeKB);
}

const commandText = (raw: string): string => textValue(readCommand(raw), raw);
const pathText =
  (key: string) =>
  (raw: string): string =>
    textValue(readPath(key, raw), raw);

/**
 * Command / LogFile / Directory of one section (absent = ''). The model keeps a wrong value's text as written,
 * so it can be shown and corrected. A command without a directory is ER_4028, at the Directory line if any.
 */
export function readToolPaths(keys: ReadonlyMap<string, EntryRef>, label: string, out: Findings): ToolPaths {
  const field = (key: string, check: (raw: string) => Check<string>): { text: string; entry?: EntryRef } => {
    const e = keys.get(key.toLowerCase());
    if (!e) return { text: '' };
    const c = check(e.rawValue);
    if (!c.ok) out.fail(c, e.line, `${label}.${key}`);
    return { text: textValue(c, e.rawValue), entry: e };
  };
  const command = field('Command', readCommand);
  const logFile = field('LogFile', (raw) => readPath('LogFile', raw));
  const directory = field('Directory', (raw) => readPath('Directory', raw));
  if (command.text !== '' && directory.text === '') {
    out.add('ER_4028', {}, (directory.entry ?? command.entry)?.line ?? 1, `${label}.Directory`);
  }
  return { command: command.text, logFile: logFile.text, directory: directory.text };
}

export function writeToolPaths(ed: DocEdit, section: string, want: ToolPaths): void {
  putText(ed, section, 'Command', want.command, commandText, true);
  putText(ed, section, 'LogFile', want.logFile, pathText('LogFile'), true);
  putText(ed, section, 'Directory', want.directory, pathText('Directory'), true);
}
