import { type Lang, type LocalizedText } from '../shared/messages/text.js';
import { type Problem } from '../shared/messages/problem.js';
import { problemLine } from './components/problem-text.js';

/** Japanese by default (the original's labels); English on request (?lang=en, or the menu). */
export function initialLang(): Lang {
  const q = new URLSearchParams(window.location.search).get('lang');
  if (q === 'en' || q === 'ja') return q;
  return (localStorage.getItem('express-report-lang') as Lang | null) ?? 'ja';
}

export const tr = (t: LocalizedText, lang: Lang): string => t[lang];
/** A problem on one line: the code and plain sentence first, the system's text after it (components/problem-text.ts). */
export const problemText = (p: Problem, lang: Lang): string => problemLine(p, lang);
