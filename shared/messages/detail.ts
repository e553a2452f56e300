/**
 * The OS's own words apart from ours. Many messages end in `: {reason}` or carry `({reason})`, where the reason is what
 * the system or a peer said ("ENOENT: no such file or directory, open '/x'", a TLS library's reason and code). The
 * command line and the logs print the whole message; the window shows our plain sentence first and the system's text
 * on a details line of its own (docs/desktop-app.md, "Errors"). This module finds that part in a template, so no
 * message has to be written twice: `: {reason}` (with a `({code})` right after it) and `({reason})` are the detail.
 * A reason given as a LocalizedText is our own wording, not the system's: it stays in the sentence.
 */
import { type Lang } from './text.js';

/** The placeholder that carries the system's or the peer's own text. */
export const DETAIL_PARAM = 'reason';

/** A template without its detail part, and that part (still a template), or undefined when it has none. */
export interface TemplateSplit {
  plain: string;
  detail: string;
}

const RULES: Record<Lang, ReadonlyArray<{ re: RegExp; end: string }>> = {
  // 「読み込めません: {reason}」「検証できません: {reason}({code})。」「ありません({reason})。」「({command}: {reason})」
  ja: [
    { re: /[:\uff1a]\s*\{reason\}(?:[(\uff08]\{code\}[)\uff09])?(?=[。)\uff09]|$)/, end: '。' },
    { re: /[(\uff08]\{reason\}[)\uff09]/, end: '' },
  ],
  // "Cannot read {path}: {reason}" "cannot be verified: {reason} ({code})." "does not exist ({reason})."
  en: [
    { re: /:\s*\{reason\}(?:\s*\(\{code\}\))?(?=[.)]|;|$)/, end: '.' },
    { re: /\s*\(\{reason\}\)/, end: '' },
  ],
};

export function splitTemplate(template: string, lang: Lang): TemplateSplit | undefined {
  for (const { re, end } of RULES[lang]) {
    const m = re.exec(template);
    if (!m) continue;
    const before = template.slice(0, m.index);
    const after = template.slice(m.index + m[0].length);
    // At the very end the sentence still needs its full stop; elsewhere the text after it has its own.
    const plain = after === '' ? `${before}${end}` : `${before}${after}`;
    if (plain.includes(`{${DETAIL_PARAM}}`)) return undefined;
    const part = m[0];
    // `: {reason}…` loses its colon; `({reason})` its parentheses.
    const detail = /^[:\uff1a]/.test(part) ? part.replace(/^[:\uff1a]\s*/, '') : part.replace(/^\s*[(\uff08]/, '').replace(/[)\uff09]$/, '');
    return { plain, detail };
  }
  return undefined;
}
