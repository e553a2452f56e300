import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project does not point outside itself (issue 12 part 7): the design and the rules the code relies on are in
 * docs/ (docs/design.md), so no file may cite the design notes, the specification or the reference manuals kept beside
 * the repository. The names are put together here, so this file does not match itself.
 */
const root = fileURLToPath(new URL('../../..', import.meta.url));

/** The outside documents by name (case-sensitive: docs/design.md is ours), and the manuals' file names. */
const OUTSIDE = [
  new RegExp(`\\b${'DESIGN'}\\.md\\b`),
  new RegExp(`\\b${'SPEC'}\\.md\\b`),
  new RegExp(`${'seed'}s?\\s+0\\d\\d`, 'i'),
  new RegExp(`/work/${'shared'}\\b`),
];

/** Every file git tracks or would track (untracked but not ignored), so a new file cannot bring a reference back. */
function projectFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  return [...new Set(out.split('\0').filter((f) => f !== '' && !f.split('/').includes('node_modules')))];
}

/** Our own `shared/` folder's top-level names: a relative path into a `shared/` folder naming anything else points outside the repository. */
function ownShared(files: readonly string[]): Set<string> {
  return new Set(files.filter((f) => f.startsWith('shared/')).map((f) => f.split('/')[1]!));
}

function offences(file: string, text: string, own: ReadonlySet<string>): string[] {
  const found: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const outsideShared = [...line.matchAll(/(?:\.\.\/)+shared\/([^/\s'"`)\]]+)/g)].some((m) => !own.has(m[1]!));
    if (outsideShared || OUTSIDE.some((re) => re.test(line))) found.push(`${file}:${i + 1}: ${line.trim().slice(0, 160)}`);
  });
  return found;
}

describe('the project is self-contained', () => {
  it('finds what it looks for (the check bites)', () => {
    const own = new Set(['host', 'settings']);
    const bad = [
      ['The agreed shape is `../shared/', 'DESIGN', '.md`'].join(''),
      ['(', 'SPEC', '.md section 6)'].join(''),
      ['(', 'seed', ' 001, appendix)'].join(''),
      ['see ../../shared/', 'seeds/001.txt'].join(''),
    ];
    for (const line of bad) expect(offences('x.md', line, own), line).toHaveLength(1);
    const good = ["import { type HostApi } from '../shared/host/api.js';", "from '../../../shared/settings/schema.js'", 'docs/design.md section 3', 'const seed = 1;'];
    for (const line of good) expect(offences('x.ts', line, own), line).toEqual([]);
  });

  it('no file cites the design notes, the specification or the manuals outside the repository (cite docs/design.md)', () => {
    const files = projectFiles();
    const own = ownShared(files);
    const found: string[] = [];
    for (const file of files) {
      const path = join(root, file);
      if (!existsSync(path)) continue; // deleted in the working tree
      const buf = readFileSync(path);
      if (buf.includes(0)) continue; // binary
      found.push(...offences(file, buf.toString('utf8'), own));
    }
    expect(found, found.join('\n')).toEqual([]);
  });
});
