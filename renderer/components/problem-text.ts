/**
 * A Problem as words in the window (docs/desktop-app.md, "Errors"): the code and our plain sentence first, in the
 * window's language; the system's own text (an errno message, a TLS reason: Problem.detail) apart from it; and, where
 * the problem is shown away from its field, the field's label as the window shows it, never the setting's key.
 */
import { formatProblem, type Problem } from '../../shared/messages/problem.js';
import { printable } from '../../shared/messages/printable.js';
import { type Lang, type LocalizedText } from '../../shared/messages/text.js';
import { settingDef } from '../../shared/settings/schema.js';
import { optionFields } from '../../shared/settings/options.js';

/** `ER_xxxx the plain sentence` (a warning tagged as such), without the field's key or the file. */
export function problemHead(p: Problem, lang: Lang): string {
  return formatProblem({ ...p, message: p.plain ?? p.message, file: undefined, field: undefined }, lang);
}

/** Where there is room for one line only: the plain sentence, then the system's text in parentheses. */
export function problemLine(p: Problem, lang: Lang): string {
  return p.detail ? `${problemHead(p, lang)} (${printable(p.detail)})` : problemHead(p, lang);
}

/** The label of a problem's field as the window shows it (a setting, or an option device's column), if it has one. */
export function fieldLabel(field: string | undefined, lang: Lang): string | undefined {
  if (!field) return undefined;
  const def = settingDef(field);
  if (def) return def.label[lang];
  const m = /^options\.(\d+)\.(name|deviceCode|serialNumber)$/.exec(field);
  if (!m) return undefined;
  const label = optionFields[m[2] as keyof typeof optionFields].label[lang];
  return lang === 'ja' ? `オプション装置 ${m[1]} の${label}` : `${label} of option device ${m[1]}`;
}

/**
 * The problem as said beside a field whose label in this window is not the setting's own (「ユーザー名」 under
 * プロキシサーバ for プロキシのユーザー名): the message names the label the user sees there.
 */
export function relabel(p: Problem, from: LocalizedText, to: LocalizedText): Problem {
  if (from.ja === to.ja && from.en === to.en) return p;
  const swap = (t: LocalizedText): LocalizedText => ({ ja: t.ja.split(from.ja).join(to.ja), en: t.en.split(from.en).join(to.en) });
  return { ...p, message: swap(p.message), ...(p.plain ? { plain: swap(p.plain) } : {}) };
}
