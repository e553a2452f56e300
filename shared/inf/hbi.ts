/**
 * AMHTPHBI.INF, scheduled configuration information: [Configuration], [Tools] and [Schedule].
 * Required: [Schedule] with ScheduleType, ScheduleDay and ScheduleTime (without them there is no schedule to
 * keep; ER_4003 / ER_4004). Optional: [Configuration] (absent = TimeOut 600, MaxSize 0) and [Tools]
 * (absent = run nothing, the same as an empty Command).
 */
import { type IniDocument, type SectionRef } from '../ini/document.js';
import {
  Findings,
  MISSING_SECTION_LINE,
  entriesByKey,
  firstSections,
  isOneOf,
  put,
  render,
  reportUnknownKeys,
  startFrom,
  reportSyntax,
  type Decoded,
} from './common.js';
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
import { defaultHbiText } from './defaults.js';
import { readPlain, shown, type Check } from './values.js';

export { defaultHbiText } from './defaults.js';
export type { ToolPaths } from './collect.js';

export type ScheduleType = 'every month' | 'every week';
export interface Schedule {
  type: ScheduleType;
  /** 1-31 (day of the month) for every month; 0 (Sunday) - 6 (Saturday) for every week. */
  day: number;
  /** 0-23 */
  hour: number;
  /** 0-59 */
  minute: number;
}
export interface HbiModel extends Collection {
  tools: ToolPaths;
  schedule: Schedule;
}

export const DEFAULT_SCHEDULE: Readonly<Schedule> = { type: 'every month', day: 1, hour: 3, minute: 0 };
export const DEFAULT_HBI_MODEL: Readonly<HbiModel> = { ...DEFAULT_COLLECTION, tools: { ...NO_TOOL }, schedule: { ...DEFAULT_SCHEDULE } };

/** The days ScheduleDay may name for each type. */
export const SCHEDULE_DAYS: Readonly<Record<ScheduleType, { min: number; max: number }>> = {
  'every month': { min: 1, max: 31 },
  'every week': { min: 0, max: 6 },
};
const SCHEDULE_KEYS = ['ScheduleType', 'ScheduleDay', 'ScheduleTime'] as const;

/** `every month` / `every week`, any case, any spacing between the words (ER_4015). */
export function readScheduleType(raw: string): Check<ScheduleType> {
  const v = readPlain('ScheduleType', raw);
  if (!v.ok) return v;
  const m = /^every\s+(month|week)$/i.exec(v.value.trim());
  if (!m) return { ok: false, code: 'ER_4015', params: { value: shown(v.value) } };
  return { ok: true, value: m[1]?.toLowerCase() === 'week' ? 'every week' : 'every month' };
}

/** ScheduleDay as a number, whatever the type (one or two digits). */
function dayNumber(raw: string): Check<number> {
  const v = readPlain('ScheduleDay', raw);
  if (!v.ok) return v;
  const t = v.value.trim();
  return /^\d{1,2}$/.test(t) ? { ok: true, value: Number(t) } : { ok: false, code: 'ER_4016', params: { value: shown(v.value) } };
}

/** ScheduleDay for a type (ER_4016 names the type's range). */
export function readScheduleDay(raw: string, type: ScheduleType): Check<number> {
  const n = dayNumber(raw);
  if (!n.ok && n.code !== 'ER_4016') return n;
  const { min, max } = SCHEDULE_DAYS[type];
  if (!n.ok || n.value < min || n.value > max) return { ok: false, code: 'ER_4016', params: { type, min, max, value: shown(raw.trim()) } };
  return n;
}

/** ScheduleTime: `H:MM` or `HH:MM`, hours 0-23, minutes 0-59 (`24:00` is not a time; ER_4017). */
export function readScheduleTime(raw: string): Check<{ hour: number; minute: number }> {
  const v = readPlain('ScheduleTime', raw);
  if (!v.ok) return v;
  const m = /^(\d{1,2}):(\d{2})$/.exec(v.value.trim());
  const hour = Number(m?.[1]);
  const minute = Number(m?.[2]);
  if (!m || hour > 23 || minute > 59) return { ok: false, code: 'ER_4017', params: { value: shown(v.value) } };
  return { ok: true, value: { hour, minute } };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function readSchedule(sec: SectionRef | undefined, out: Findings): Schedule {
  const s = { ...DEFAULT_SCHEDULE };
  if (!sec) {
    out.add('ER_4003', { section: 'Schedule' }, MISSING_SECTION_LINE, 'Schedule');
    return s;
  }
  const keys = entriesByKey(sec);
  const entry = (key: string) => {
    const e = keys.get(key.toLowerCase());
    if (!e) out.add('ER_4004', { section: 'Schedule', key }, sec.line, `Schedule.${key}`);
    return e;
  };
  const typeE = entry('ScheduleType');
  const dayE = entry('ScheduleDay');
  const timeE = entry('ScheduleTime');
  const type = typeE && readScheduleType(typeE.rawValue);
  if (type && !type.ok) out.fail(type, typeE.line, 'Schedule.ScheduleType');
  if (type?.ok) s.type = type.value;
  if (dayE) {
    const day = readScheduleDay(dayE.rawValue, s.type);
    // With a wrong type the day cannot be judged: ER_4015 alone says what is wrong.
    if (!day.ok && type?.ok) out.fail(day, dayE.line, 'Schedule.ScheduleDay');
    if (day.ok) s.day = day.value;
  }
  if (timeE) {
    const time = readScheduleTime(timeE.rawValue);
    if (!time.ok) out.fail(time, timeE.line, 'Schedule.ScheduleTime');
    else Object.assign(s, time.value);
  }
  return s;
}

export function decodeHbi(doc: IniDocument, file: string): Decoded<HbiModel> {
  const out = new Findings(file);
  reportSyntax(doc, out);
  const sections = new Map<string, SectionRef>();
  for (const sec of firstSections(doc)) {
    const label = ['Configuration', 'Tools', 'Schedule'].find((n) => n.toLowerCase() === sec.name.toLowerCase());
    if (!label) out.add('ER_4002', { section: sec.name }, sec.line, sec.name);
    else sections.set(label, sec);
  }
  const conf = sections.get('Configuration');
  const tools = sections.get('Tools');
  const sched = sections.get('Schedule');
  if (conf) reportUnknownKeys(conf, 'Configuration', isOneOf(CONFIGURATION_KEYS), out);
  if (tools) reportUnknownKeys(tools, 'Tools', isOneOf(TOOL_PATH_KEYS), out);
  if (sched) reportUnknownKeys(sched, 'Schedule', isOneOf(SCHEDULE_KEYS), out);
  const model: HbiModel = {
    ...readCollection(conf, 'Configuration', out),
    tools: tools ? readToolPaths(entriesByKey(tools), 'Tools', out) : { ...NO_TOOL },
    schedule: readSchedule(sched, out),
  };
  return { model, problems: out.sorted() };
}

/** Writes the model into a copy of `into` (or into our default file), changing only what differs. */
export function encodeHbi(model: HbiModel, into?: IniDocument): IniDocument {
  const ed = startFrom(into, defaultHbiText);
  writeCollection(ed, 'Configuration', model);
  writeToolPaths(ed, 'Tools', model.tools);
  const s = model.schedule;
  const says =
    <T>(check: (raw: string) => Check<T>, same: (v: T) => boolean) =>
    (raw: string | undefined): boolean => {
      if (raw === undefined) return false;
      const c = check(raw);
      return c.ok && same(c.value);
    };
  put(
    ed,
    'Schedule',
    'ScheduleType',
    says(readScheduleType, (t) => t === s.type),
    (old) => render(s.type, old, false),
  );
  // The day is compared as a number: its range follows the type, which the model guarantees.
  put(
    ed,
    'Schedule',
    'ScheduleDay',
    says(dayNumber, (d) => d === s.day),
    (old) => render(String(s.day), old, false),
  );
  put(
    ed,
    'Schedule',
    'ScheduleTime',
    says(readScheduleTime, (t) => t.hour === s.hour && t.minute === s.minute),
    (old) => render(`${pad2(s.hour)}:${pad2(s.minute)}`, old, false),
  );
  return ed.finish();
}
