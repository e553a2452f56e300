import { type Lang, type LocalizedText } from '../shared/messages/text.js';
import { formatProblem, type Problem } from '../shared/messages/problem.js';

/** Japanese by default (the original's labels); English on request (?lang=en, or the menu). */
export function initialLang(): Lang {
  const q = new URLSearchParams(window.location.search).get('lang');
  if (q === 'en' || q === 'ja') return q;
  return (localStorage.getItem('express-report-lang') as Lang | null) ?? 'ja';
}

export const tr = (t: LocalizedText, lang: Lang): string => t[lang];
export const problemText = (p: Problem, lang: Lang): string => formatProblem({ ...p, file: undefined, field: undefined }, lang);
