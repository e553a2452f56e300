/** The INI document (shared/ini): any bytes a definition or settings file may hold. */
import { syntaxProblems } from '../../../shared/ini/issues.js';
import { lineSoup } from '../../unit/shared/inf/arbitraries.js';
import { bytesFrom, corpus } from '../corpus.js';
import { check, type FuzzTarget } from '../harness.js';
import { readText } from './text-file.js';

const FILE = 'x.ini';

export const iniTarget: FuzzTarget<Buffer> = {
  name: 'ini',
  properties: [
    'never throws; UTF-16/32 is refused whole (ER_4031, file and line 1)',
    'toString() gives the decoded text back; lossless bytes encode back byte-identical',
    'syntax issues are coded (ER_4018-4021) with a line inside the document',
    'memory: 50 MB and 100k sections parse within a bounded multiple of their size',
  ],
  arbitrary: bytesFrom(
    new Map([...corpus('inf-'), ...corpus('ini-'), ...corpus('settings-')]),
    lineSoup.map((s) => Buffer.from(s, 'utf8')),
  ),
  run(bytes) {
    const r = readText(bytes, FILE);
    const lines = r.doc.lines.length;
    const problems = syntaxProblems(r.doc, FILE);
    for (const p of problems) check(p.line !== undefined && p.line >= 1 && p.line <= lines, `${p.code} at line ${p.line} of ${lines}`);
    // The first section of a name is the one read (as Windows does), and it holds its first entries.
    for (const s of r.doc.sections().slice(0, 3)) check(r.doc.section(s.name) !== undefined, `section(${s.name}) not found`);
    return { refused: problems, roundTrip: r.roundTrip };
  },
};

/** The 50 MB and 100k-section inputs of the memory property, made in code (never committed). */
export function hugeIni(kind: '50MB' | '100k-sections'): Buffer {
  if (kind === '100k-sections')
    return Buffer.from(Array.from({ length: 100_000 }, (_, i) => `[Tool${i}]\r\nSourceName01=src${i}\r\nEventID01=0x${i.toString(16)}\r\n`).join(''));
  const line = `Key=${'v'.repeat(90)}\r\n`; // 100 bytes
  return Buffer.from(`[Big]\r\n${line.repeat(500_000)}`);
}
