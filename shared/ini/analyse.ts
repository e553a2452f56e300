/**
 * Sections, entries and syntax issues of a compact (unedited) document in one pass, as IniDocument.sections() and
 * syntaxIssues() read them from line objects (test/unit/shared/ini/compact.test.ts compares the two).
 */
import { A, B, END, ENTRY, INVALID, SECTION, START, STRIDE, type CompactLines } from './compact.js';
import { CompactSection } from './entries.js';
import { internKey, lowerKey } from './keys.js';
import { type SectionRef, type SyntaxIssue } from './types.js';

export interface Analysis {
  sections: SectionRef[];
  issues: SyntaxIssue[];
}

export function analyse(c: CompactLines): Analysis {
  const { text, kind, pos } = c;
  const sections: SectionRef[] = [];
  const issues: SyntaxIssue[] = [];
  const seenSections = new Map<string, number>();
  let cur: CompactSection | undefined;
  let isDuplicate = false;
  // Sections tend to repeat the previous one's keys in the same order: such a key reuses the previous string (no
  // slice, no lookup), and while a section's keys so far are those of a previous section without duplicates, they
  // cannot hold a duplicate either, so no map of seen keys is needed.
  let prevKeys: string[] = [];
  let curKeys: string[] = [];
  let curAt: number[] = [];
  let prevClean = false;
  let curClean = true;
  let seenKeys: Map<string, number> | undefined;

  for (let i = 0; i < c.count; i++) {
    const k = kind[i];
    const o = i * STRIDE;
    const line = i + 1;
    if (k === INVALID) issues.push({ kind: 'invalid-line', line, raw: text.slice(pos[o + START], pos[o + END]) });
    else if (k === SECTION) {
      if (cur) {
        prevKeys = curKeys;
        prevClean = !isDuplicate && curClean;
      }
      curKeys = [];
      curAt = [];
      curClean = true;
      seenKeys = undefined;
      const name = text.slice(pos[o + A]! + 1, pos[o + B]).trim();
      const lower = name.toLowerCase();
      const first = seenSections.get(lower);
      isDuplicate = first !== undefined;
      if (first !== undefined) issues.push({ kind: 'duplicate-section', line, section: name, first });
      else seenSections.set(lower, line);
      cur = new CompactSection(name, line, c, curKeys, curAt);
      sections.push(cur);
    } else if (k === ENTRY) {
      const a = pos[o + A]!;
      const b = pos[o + B]!;
      if (!cur) {
        issues.push({ kind: 'outside-section', line, key: internKey(text.slice(a, b)) });
        continue;
      }
      const j = curKeys.length;
      const cand = prevKeys[j];
      const reused = cand !== undefined && cand.length === b - a && text.startsWith(cand, a);
      const key = reused ? cand : internKey(text.slice(a, b));
      if (!isDuplicate) {
        if (seenKeys === undefined && !(prevClean && reused)) {
          seenKeys = new Map();
          for (let q = 0; q < j; q++) seenKeys.set(lowerKey(curKeys[q]!), curAt[q]! + 1);
        }
        if (seenKeys !== undefined) {
          const lk = lowerKey(key);
          const first = seenKeys.get(lk);
          if (first !== undefined) {
            issues.push({ kind: 'duplicate-key', line, section: cur.name, key, first });
            curClean = false;
          } else seenKeys.set(lk, line);
        }
      }
      curKeys.push(key);
      curAt.push(i);
    }
  }
  return { sections, issues };
}
