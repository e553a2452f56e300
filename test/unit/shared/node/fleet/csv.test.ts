import { describe, it, expect } from 'vitest';
import iconv from 'iconv-lite';
import { MAX_ROWS, readFleetCsv } from '../../../../../shared/node/fleet/csv.js';

const TEXT = 'server_name,serial,comment\r\nサーバ一号,A001,"二行の\r\nコメント, 引用符 ""付き"""\r\n\r\nSV2,A002,\r\n,,\r\nSV3,A003,x\r\n';
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

describe('reading the fleet CSV', () => {
  it.each([
    ['UTF-8', utf8(TEXT)],
    ['UTF-8 BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(TEXT)])],
    ['Shift_JIS', new Uint8Array(iconv.encode(TEXT, 'cp932'))],
  ] as const)('reads %s alike: quoted fields per RFC 4180, each row with the line it starts on', (encoding, bytes) => {
    const csv = readFleetCsv(bytes, 'f.csv');
    expect(csv.problems).toEqual([]);
    expect(csv.encoding).toBe(encoding);
    expect(csv.header).toEqual(['server_name', 'serial', 'comment']);
    expect(csv.rows).toEqual([
      { line: 2, fields: ['サーバ一号', 'A001', '二行の\r\nコメント, 引用符 "付き"'] },
      { line: 5, fields: ['SV2', 'A002', ''] },
      { line: 7, fields: ['SV3', 'A003', 'x'] },
    ]);
  });

  it('refuses bytes that are neither UTF-8 nor Shift_JIS, and UTF-16, with ER_3600 naming the file', () => {
    const broken = new Uint8Array([...utf8('server_name,serial\n'), 0x82, 0xff, 0x0a]);
    expect(readFleetCsv(broken, 'bad.csv').problems.map((p) => [p.code, p.file, p.line])).toEqual([['ER_3600', 'bad.csv', 1]]);
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('a,b\n', 'utf16le')]);
    expect(readFleetCsv(utf16, 'u16.csv').problems[0]!.code).toBe('ER_3600');
  });

  it('names a quote left open, with its line (ER_3601)', () => {
    const csv = readFleetCsv(utf8('server_name,serial\nA,"B\nC,D\n'), 'q.csv');
    expect(csv.problems.map((p) => p.code)).toEqual(['ER_3601']);
    expect(csv.rows).toEqual([]);
  });

  it('refuses an empty file (no header, ER_3602) and more than 1,000 rows (ER_3603)', () => {
    expect(readFleetCsv(utf8('\n\n'), 'e.csv').problems[0]!.code).toBe('ER_3602');
    const rows = Array.from({ length: MAX_ROWS + 1 }, (_, i) => `S${i},${i}`).join('\n');
    const over = readFleetCsv(utf8(`server_name,serial\n${rows}\n`), 'big.csv');
    expect(over.problems.map((p) => [p.code, p.line])).toEqual([['ER_3603', MAX_ROWS + 2]]);
    expect(readFleetCsv(utf8(`server_name,serial\n${rows.split('\n').slice(1).join('\n')}\n`), 'ok.csv').rows).toHaveLength(MAX_ROWS);
  });
});
