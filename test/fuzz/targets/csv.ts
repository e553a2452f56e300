/** The fleet CSV (shared/node/fleet/csv.ts): a list of servers from Excel or a script, in UTF-8 (BOM or not) or Shift_JIS. */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { readFleetCsv } from '../../../shared/node/fleet/csv.js';
import { encodeText, unencodable } from '../../../shared/node/encoding.js';
import { bytesFrom, corpus } from '../corpus.js';
import { check, type FuzzTarget } from '../harness.js';

const FILE = 'fleet.csv';
const field = fc.array(fc.constantFrom('a', 'Z', '1', ' ', ',', '"', '\r\n', '\n', 'サ', 'ｱ', '—', '\t', '=', '髙'), { maxLength: 6 }).map((cs) => cs.join(''));
const row = fc.array(field, { minLength: 1, maxLength: 5 });

interface Table {
  rows: string[][];
  bytes: Buffer;
  eol: string;
}
const quoted = (f: string): string => (/[",\r\n]/.test(f) || f !== f.trim() ? `"${f.replace(/"/g, '""')}"` : f);
const table: fc.Arbitrary<Table> = fc
  .tuple(
    row.filter((h) => h.some((f) => f.trim() !== '')),
    fc.array(row, { maxLength: 6 }),
    fc.constantFrom('\r\n', '\n'),
    fc.constantFrom('utf-8', 'utf-8-bom', 'cp932'),
  )
  .map(([header, rows, eol, enc]) => {
    const text = [header, ...rows].map((r) => r.map(quoted).join(',')).join(eol) + eol;
    const encoding = enc === 'cp932' && unencodable(text, 'cp932').length === 0 ? 'cp932' : 'utf-8';
    return { rows: [header, ...rows], eol, bytes: Buffer.from(encodeText({ text, encoding, bom: enc === 'utf-8-bom' })) };
  });

export const csvTarget: FuzzTarget<{ bytes: Buffer; table?: Table }> = {
  name: 'fleet-csv',
  properties: [
    'never throws; a refusal is ER_3600-ER_3603 with the file and a line inside it',
    'a table written as RFC 4180 (quotes, commas and line breaks inside fields, any encoding) reads back field for field, each row with the line it starts on',
  ],
  arbitrary: fc.oneof(
    {
      weight: 3,
      arbitrary: bytesFrom(
        corpus('csv-'),
        table.map((t) => t.bytes),
      ).map((bytes) => ({ bytes })),
    },
    { weight: 1, arbitrary: table.map((t) => ({ bytes: t.bytes, table: t })) },
  ),
  run({ bytes, table: t }) {
    const csv = readFleetCsv(bytes, FILE);
    // Lines as a person counts them: CRLF, LF or a CR alone each end one.
    const lines = (bytes.toString('latin1').match(/\r\n|\n|\r/g)?.length ?? 0) + 1;
    for (const p of csv.problems)
      check(p.file === FILE && p.line !== undefined && p.line >= 1 && p.line <= lines, `${p.code} at ${p.file}:${p.line} of ${lines}`);
    if (!t) return { refused: csv.problems };
    check(csv.problems.length === 0, `a well-formed table was refused: ${csv.problems[0]?.message.en}`);
    const kept = t.rows
      .slice(1)
      .map((fields, i) => ({ fields, i }))
      .filter((r) => r.fields.some((f) => f.trim() !== ''));
    check(
      isDeepStrictEqual(
        csv.header,
        t.rows[0]!.map((f) => f.trim()),
      ),
      'the header differs',
    );
    check(
      isDeepStrictEqual(
        csv.rows.map((r) => r.fields),
        kept.map((r) => r.fields),
      ),
      'the rows differ',
    );
    const startLine = (i: number): number => 1 + t.rows.slice(0, i + 1).reduce((n, r) => n + r.join('').split('\n').length - 1 + 1, 0);
    check(
      isDeepStrictEqual(
        csv.rows.map((r) => r.line),
        kept.map((r) => startLine(r.i)),
      ),
      'a row has the wrong line',
    );
    return { roundTrip: true };
  },
};
