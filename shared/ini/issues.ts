import { problem, type Problem } from '../messages/problem.js';
import { type IniDocument } from './document.js';

/** The INI layer's structural issues as located, coded problems. */
export function syntaxProblems(doc: IniDocument, file: string): Problem[] {
  return doc.syntaxIssues().map((i) => {
    switch (i.kind) {
      case 'invalid-line':
        return problem('ER_4018', { value: i.raw.length > 80 ? `${i.raw.slice(0, 80)}…` : i.raw }, { file, line: i.line });
      case 'outside-section':
        return problem('ER_4021', { key: i.key }, { file, line: i.line, field: i.key });
      case 'duplicate-section':
        return problem('ER_4019', { section: i.section, first: i.first }, { file, line: i.line, field: i.section });
      case 'duplicate-key':
        return problem('ER_4020', { key: i.key, first: i.first }, { file, line: i.line, field: `${i.section}.${i.key}` });
    }
  });
}
