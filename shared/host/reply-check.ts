/**
 * The window's check of a HostReply where it enters (resultOf in ./errors.ts), written out by hand: the same rules as
 * hostReplySchema (./reply-schema.ts, which the host side keeps) without zod, whose code was most of the window's first
 * chunk (issue 16). test/unit/shared/host/reply-check.test.ts holds both to the same answers.
 */
import { catalogue, type MessageCode } from '../messages/catalogue.js';
import { type Problem } from '../messages/problem.js';
import { type LocalizedText } from '../messages/text.js';
import { type ValidationIssues } from '../messages/zod-issues.js';
import { type HostReply } from './errors.js';

export const MAX_TEXT = 64 * 1024;
export const MAX_PROBLEMS = 1000;

type Issue = ValidationIssues['issues'][number];
type Path = ReadonlyArray<PropertyKey>;
type Checked<T> = { value: T } | { issue: Issue };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const fail = (path: Path, message: string): { issue: Issue } => ({ issue: { path, message } });

function text(v: unknown, path: Path, max: number): Checked<string> {
  if (typeof v !== 'string') return fail(path, 'expected a string');
  return v.length > max ? fail(path, `longer than ${max}`) : { value: v };
}

function localized(v: unknown, path: Path): Checked<LocalizedText> {
  if (!isObject(v)) return fail(path, 'expected an object');
  const ja = text(v.ja, [...path, 'ja'], MAX_TEXT);
  if ('issue' in ja) return ja;
  const en = text(v.en, [...path, 'en'], MAX_TEXT);
  if ('issue' in en) return en;
  return { value: { ja: ja.value, en: en.value } };
}

/** One Problem: checked, unknown keys dropped. */
function problemOf(v: unknown, path: Path): Checked<Problem> {
  if (!isObject(v)) return fail(path, 'expected an object');
  if (typeof v.code !== 'string' || !Object.hasOwn(catalogue, v.code)) return fail([...path, 'code'], 'not a message code of this version');
  if (v.severity !== 'error' && v.severity !== 'warning') return fail([...path, 'severity'], 'expected "error" or "warning"');
  const message = localized(v.message, [...path, 'message']);
  if ('issue' in message) return message;
  const p: Record<string, unknown> = { code: v.code as MessageCode, severity: v.severity, message: message.value };
  for (const [key, max] of [
    ['field', 512],
    ['file', 4096],
    ['detail', MAX_TEXT],
  ] as const) {
    if (v[key] === undefined) continue;
    const t = text(v[key], [...path, key], max);
    if ('issue' in t) return t;
    p[key] = t.value;
  }
  if (v.line !== undefined) {
    if (typeof v.line !== 'number' || !Number.isInteger(v.line) || v.line < 0) return fail([...path, 'line'], 'expected a whole number ≥ 0');
    p.line = v.line;
  }
  if (v.plain !== undefined) {
    const plain = localized(v.plain, [...path, 'plain']);
    if ('issue' in plain) return plain;
    p.plain = plain.value;
  }
  return { value: p as unknown as Problem };
}

/** The reply as the window may trust it, or why it is not a HostReply (issues in zod's shape, for issuesText). */
export function checkReply(raw: unknown): { success: true; data: HostReply } | { success: false; error: ValidationIssues } {
  const no = (c: { issue: Issue }) => ({ success: false as const, error: { issues: [c.issue] } });
  if (!isObject(raw)) return no(fail([], 'expected an object'));
  if (raw.ok === true) return { success: true, data: { ok: true, result: raw.result } };
  if (raw.ok !== false) return no(fail(['ok'], 'expected true or false'));
  const list = raw.problems;
  if (!Array.isArray(list)) return no(fail(['problems'], 'expected an array'));
  if (list.length < 1 || list.length > MAX_PROBLEMS) return no(fail(['problems'], `expected 1 to ${MAX_PROBLEMS} problems`));
  const problems: Problem[] = [];
  for (const [i, v] of list.entries()) {
    const p = problemOf(v, ['problems', i]);
    if ('issue' in p) return no(p);
    problems.push(p.value);
  }
  return { success: true, data: { ok: false, problems } };
}
