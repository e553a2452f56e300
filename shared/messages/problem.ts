import { type Lang, type LocalizedText } from './text.js';
import { catalogue, type MessageCode } from './catalogue.js';
import { printable } from './printable.js';
import { DETAIL_PARAM, splitTemplate } from './detail.js';

export type Severity = 'error' | 'warning';
export type ParamValue = string | number | LocalizedText;
export type Params = Readonly<Record<string, ParamValue>>;

/**
 * One thing that is wrong, and where. `field` is a public setting key (docs/config-keys.md) or a definition-file key;
 * `file`/`line` are filled in when the problem comes from a file (line is 1-based).
 */
export interface Problem {
  readonly code: MessageCode;
  readonly severity: Severity;
  readonly message: LocalizedText;
  readonly field?: string;
  readonly file?: string;
  readonly line?: number;
  /**
   * When the message quotes the system's or a peer's own text (an errno message, a TLS reason: detail.ts): `message`
   * without it, the plain sentence the window shows first, and that text, which the window shows on a details line.
   * `message` stays whole for the command line and the logs.
   */
  readonly plain?: LocalizedText;
  readonly detail?: string;
}

function fill(template: string, params: Params, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'object' ? v[lang] : String(v);
  });
}

/** The message of a code in both languages, its {placeholders} filled. */
export function message(code: MessageCode, params: Params = {}): LocalizedText {
  const def = catalogue[code];
  return { ja: fill(def.ja, params, 'ja'), en: fill(def.en, params, 'en') };
}

export interface ProblemInit {
  field?: string;
  file?: string;
  line?: number;
  severity?: Severity;
}

/** The plain sentence and the system's text apart, when the reason is the system's (a string, not our own words). */
function splitDetail(code: MessageCode, params: Params): Pick<Problem, 'plain' | 'detail'> {
  const reason = params[DETAIL_PARAM];
  if (typeof reason !== 'string' || reason.trim() === '') return {};
  const def = catalogue[code];
  const ja = splitTemplate(def.ja, 'ja');
  const en = splitTemplate(def.en, 'en');
  if (!ja || !en) return {};
  return { plain: { ja: fill(ja.plain, params, 'ja'), en: fill(en.plain, params, 'en') }, detail: fill(en.detail, params, 'en') };
}

export function problem(code: MessageCode, params: Params = {}, at: ProblemInit = {}): Problem {
  const { severity = catalogue[code].kind === 'warning' ? 'warning' : 'error', ...where } = at;
  return { code, severity, message: message(code, params), ...where, ...splitDetail(code, params) };
}

export function isError(p: Problem): boolean {
  return p.severity === 'error';
}

/**
 * `FILE:LINE: CODE message` (the command line's and the log's form), always one line: control characters quoted from
 * a file or a peer (an ESC sequence, a line feed, a bidi override) are written as visible escapes (printable.ts).
 */
export function formatProblem(p: Problem, lang: Lang): string {
  const where = p.file ? `${p.file}:${p.line ?? 0}: ` : p.field ? `${p.field}: ` : '';
  const tag = p.severity === 'warning' ? (lang === 'ja' ? ' [警告]' : ' [warning]') : '';
  return printable(`${where}${p.code}${tag} ${p.message[lang]}`);
}
