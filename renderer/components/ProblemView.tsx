/**
 * One Problem in the window: the code and our plain sentence first, in the window's current language (it follows a
 * language change: the Problem keeps both); the system's own text and the file:line on a details line of their own,
 * collapsed; away from its field (withField), the field's on-screen label before it.
 */
import { type ReactNode } from 'react';
import { type Problem } from '../../shared/messages/problem.js';
import { printable } from '../../shared/messages/printable.js';
import { useApp } from '../store-context.js';
import { fieldLabel, problemHead } from './problem-text.js';

export function ProblemView({ problem: p, withField = false }: { problem: Problem; withField?: boolean }): ReactNode {
  const lang = useApp((s) => s.lang);
  const label = withField ? fieldLabel(p.field, lang) : undefined;
  const where = p.file ? `${p.file}${p.line ? `:${p.line}` : ''}` : undefined;
  const detail = [where, p.detail ? printable(p.detail) : undefined].filter((x) => x !== undefined).join(' ');
  return (
    <div className="problem" data-code={p.code}>
      <span className="problem-text">
        {label ? `${label}: ` : ''}
        {problemHead(p, lang)}
      </span>
      {detail ? (
        <details className="problem-detail">
          <summary>{lang === 'ja' ? '詳細' : 'Details'}</summary>
          <span className="problem-detail-text">{detail}</span>
        </details>
      ) : null}
    </div>
  );
}
