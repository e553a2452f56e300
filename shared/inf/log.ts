/**
 * AMHTPLOG.INF, log collection on trouble: [Configuration], [DefaultTools], [NoneTrouble] and [Tool001]..[Tool999].
 * Every section is optional (absent = the manual's defaults, no command, no exclusions, no tools).
 */
import { type IniDocument } from '../ini/document.js';
import { Findings, entriesByKey, firstSections, isOneOf, reportUnknownKeys, startFrom, reportSyntax, type Decoded } from './common.js';
import {
  CONFIGURATION_KEYS,
  DEFAULT_COLLECTION,
  NO_TOOL,
  TOOL_PATH_KEYS,
  readCollection,
  readToolPaths,
  writeCollection,
  writeToolPaths,
  type Collection,
  type ToolPaths,
} from './collect.js';
import { defaultLogText } from './defaults.js';
import { eventKey, pairsOf, readMatches, scanSection, writeMatches, type EventMatch } from './event-keys.js';

export { defaultLogText } from './defaults.js';
export type { EventMatch } from './event-keys.js';
export type { ToolPaths } from './collect.js';

export interface Tool extends ToolPaths {
  /** YYY of [ToolYYY], 1-999. */
  index: number;
  /** The events this tool collects for (SourceNameXX / EventIDXX), by index. */
  matches: EventMatch[];
}

export interface LogModel extends Collection {
  /** For events that no [ToolYYY] names; an empty command = only [ToolYYY] events collect logs. */
  defaultTools: ToolPaths;
  /** Events for which no command runs ([ToolYYY] events still do). */
  noneTrouble: EventMatch[];
  /** By index; every tool that matches an event runs. */
  tools: Tool[];
}

export const DEFAULT_LOG_MODEL: Readonly<LogModel> = {
  ...DEFAULT_COLLECTION,
  defaultTools: { ...NO_TOOL },
  noneTrouble: [],
  tools: [],
};

const TOOL_RE = /^Tool(\d{3})$/i;
export const toolSection = (index: number): string => `Tool${String(index).padStart(3, '0')}`;

/** The YYY of a [ToolYYY] section: a number for Tool001-Tool999, 0 for any other Tool... name, undefined otherwise. */
function toolIndex(name: string): number | undefined {
  if (!/^tool/i.test(name)) return undefined;
  const m = TOOL_RE.exec(name);
  return m ? Number(m[1]) : 0;
}

const isEventKey = (key: string): boolean => eventKey(key) !== undefined;
const isToolPathKey = isOneOf(TOOL_PATH_KEYS);

/**
 * Reads the file. A [ToolYYY] is in the model even when it has mistakes (so it can be shown and fixed); only clean
 * SourceNameXX / EventIDXX pairs become matches. Unknown sections and keys are warnings and are kept on encode.
 */
export function decodeLog(doc: IniDocument, file: string): Decoded<LogModel> {
  const out = new Findings(file);
  reportSyntax(doc, out);
  const model: LogModel = { ...DEFAULT_LOG_MODEL, defaultTools: { ...NO_TOOL }, noneTrouble: [], tools: [] };
  for (const sec of firstSections(doc)) {
    const name = sec.name.toLowerCase();
    if (name === 'configuration') {
      reportUnknownKeys(sec, 'Configuration', isOneOf(CONFIGURATION_KEYS), out);
      Object.assign(model, readCollection(sec, 'Configuration', out));
    } else if (name === 'defaulttools') {
      reportUnknownKeys(sec, 'DefaultTools', isToolPathKey, out);
      model.defaultTools = readToolPaths(entriesByKey(sec), 'DefaultTools', out);
    } else if (name === 'nonetrouble') {
      reportUnknownKeys(sec, 'NoneTrouble', isEventKey, out);
      model.noneTrouble = readMatches(sec, 'NoneTrouble', out).matches;
    } else {
      const index = toolIndex(sec.name);
      if (index === undefined) {
        out.add('ER_4002', { section: sec.name }, sec.line, sec.name);
        continue;
      }
      if (index < 1) {
        out.add('ER_4001', { section: sec.name }, sec.line, sec.name);
        continue;
      }
      const label = toolSection(index);
      // One pass over the entries (a big file has 1,000 tools of 200 keys), then the same checks as for other sections.
      const scan = scanSection(sec, label, out);
      for (const e of scan.others.values()) if (!isToolPathKey(e.key)) out.add('ER_4025', { key: e.key }, e.line, `${label}.${e.key}`);
      const matches = pairsOf(scan, label, out);
      if (!scan.named) out.add('ER_4024', { section: label }, sec.line, label);
      model.tools.push({ index, matches, ...readToolPaths(scan.others, label, out) });
    }
  }
  model.tools.sort((a, b) => a.index - b.index);
  return { model, problems: out.sorted() };
}

/**
 * Writes the model into a copy of `into` (or into our default file), changing only what differs: tools the model
 * no longer has are removed, new ones appended; comments, unknown keys and sections stay where they are.
 */
export function encodeLog(model: LogModel, into?: IniDocument): IniDocument {
  const ed = startFrom(into, defaultLogText);
  writeCollection(ed, 'Configuration', model);
  writeToolPaths(ed, 'DefaultTools', model.defaultTools);
  writeMatches(ed, 'NoneTrouble', model.noneTrouble);
  const keep = new Set(model.tools.map((t) => t.index));
  for (const sec of firstSections(ed.doc)) {
    const index = toolIndex(sec.name);
    if (index !== undefined && index > 0 && !keep.has(index)) ed.deleteSection(sec.name);
  }
  for (const tool of model.tools) {
    const name = toolSection(tool.index);
    ed.ensureSection(name);
    writeMatches(ed, name, tool.matches);
    writeToolPaths(ed, name, tool);
  }
  return ed.finish();
}
