import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  Findings,
  MAX_SIZE_KB,
  MAX_TIMEOUT_SECONDS,
  formatEventIds,
  isAbsolutePath,
  readCommand,
  readEventIds,
  readPath,
  readPlain,
  readUint,
  reportSyntax,
} from '../../../../shared/inf/common.js';
import { brief, crlf, doc } from './helpers.js';

describe('isAbsolutePath', () => {
  it.each([
    'c:\\x',
    'C:\\ESM\\tools\\getlog.bat',
    'C:/x/y',
    'z:\\',
    '\\\\host\\share',
    '\\\\host\\share\\dir\\x.bat',
    '\\\\?\\C:\\long\\path',
    '/x',
    '/usr/local/bin/collect.sh',
    '//host/share',
  ])('accepts %s', (p) => expect(isAbsolutePath(p)).toBe(true));

  it.each(['', 'x.bat', '.\\x.bat', '..\\x', 'c:x.bat', '\\x.bat', '\\\\host', '\\\\host\\', 'tools/x.sh', '%EsmDir%\\x.bat', ' c:\\x', '1:\\x'])(
    'rejects %s',
    (p) => expect(isAbsolutePath(p)).toBe(false),
  );
});

describe('readPlain', () => {
  it('removes quotes that enclose the whole value, as GetPrivateProfileString does', () => {
    expect(readPlain('K', '"c:\\a b"')).toEqual({ ok: true, value: 'c:\\a b' });
    expect(readPlain('K', 'plain text')).toEqual({ ok: true, value: 'plain text' });
    expect(readPlain('K', '""')).toEqual({ ok: true, value: '' });
    expect(readPlain('K', 'a"b"')).toEqual({ ok: true, value: 'a"b"' });
  });

  it('reports an unclosed quote (ER_4027) and text after the closing quote (ER_4030)', () => {
    expect(readPlain('LogFile', '"c:\\x')).toMatchObject({ ok: false, code: 'ER_4027', params: { key: 'LogFile' } });
    expect(readPlain('LogFile', '"c:\\x" more')).toMatchObject({ ok: false, code: 'ER_4030', params: { value: '"c:\\x" more' } });
  });
});

describe('readPath (LogFile, Directory)', () => {
  it('accepts empty and absolute paths, quoted or not', () => {
    expect(readPath('LogFile', '')).toEqual({ ok: true, value: '' });
    expect(readPath('LogFile', '"c:\\Program Files\\x\\log"')).toEqual({ ok: true, value: 'c:\\Program Files\\x\\log' });
    expect(readPath('Directory', 'c:\\Program Files\\x')).toEqual({ ok: true, value: 'c:\\Program Files\\x' });
  });

  it('rejects a relative path with ER_4011 naming the key', () => {
    expect(readPath('Directory', 'tools')).toMatchObject({ ok: false, code: 'ER_4011', params: { key: 'Directory', value: 'tools' } });
  });
});

describe('readCommand', () => {
  it.each([
    ['', ''],
    ['""', ''],
    ['"c:\\x\\x.bat"', 'c:\\x\\x.bat'],
    ['c:\\x\\x.bat', 'c:\\x\\x.bat'],
    ['"c:\\Program Files\\x.bat"', 'c:\\Program Files\\x.bat'],
    ['"\\\\srv\\share\\collect.cmd"', '\\\\srv\\share\\collect.cmd'],
    ['/opt/er/collect.sh', '/opt/er/collect.sh'],
  ])('accepts %s', (raw, value) => expect(readCommand(raw)).toEqual({ ok: true, value }));

  it.each([
    ['x.bat', 'ER_4011'],
    ['"tools\\x.bat"', 'ER_4011'],
    ['"c:\\x.bat" /all', 'ER_4012'],
    ['c:\\x.bat /all', 'ER_4012'],
    ['c:\\Program Files\\x.bat', 'ER_4012'],
    ['"c:\\a"b".bat"', 'ER_4012'],
    ['"c:\\x.bat" "arg"', 'ER_4012'],
    ['"c:\\x.bat" > out.txt', 'ER_4013'],
    ['c:\\x.bat>out.txt', 'ER_4013'],
    ['c:\\x.bat >> out.txt', 'ER_4013'],
    ['c:\\x.bat 2>&1', 'ER_4013'],
    ['c:\\x.bat < in.txt', 'ER_4013'],
    ['c:\\x.bat | more', 'ER_4013'],
    // Inside the quotes too (issue 10 item 13): the manual forbids redirection however it is written.
    ['"c:\\x.bat > c:\\out.txt"', 'ER_4013'],
    ['"c:\\x.bat >> c:\\out.txt"', 'ER_4013'],
    ['"c:\\x.bat < c:\\in.txt"', 'ER_4013'],
    ['"c:\\x.bat | more"', 'ER_4013'],
    ['"c:\\a>b.bat"', 'ER_4013'],
    ['x.bat > out', 'ER_4013'],
    ['"c:\\x.bat', 'ER_4027'],
    ['"c:\\x.bat" "arg', 'ER_4027'],
  ])('rejects %s with %s only', (raw, code) => {
    expect(readCommand(raw)).toMatchObject({ ok: false, code });
  });

  it('quotes the value in its message', () => {
    expect(readCommand('"c:\\x.bat" > out.txt')).toMatchObject({ params: { value: '"c:\\x.bat" > out.txt' } });
  });
});

describe('readUint (TimeOut, MaxSize)', () => {
  it('reads plain whole numbers up to the bound', () => {
    expect(readUint('TimeOut', '0', MAX_TIMEOUT_SECONDS)).toEqual({ ok: true, value: 0 });
    expect(readUint('TimeOut', '600', MAX_TIMEOUT_SECONDS)).toEqual({ ok: true, value: 600 });
    expect(readUint('TimeOut', '0600', MAX_TIMEOUT_SECONDS)).toEqual({ ok: true, value: 600 });
    expect(readUint('TimeOut', '"600"', MAX_TIMEOUT_SECONDS)).toEqual({ ok: true, value: 600 });
    expect(readUint('TimeOut', '86400', MAX_TIMEOUT_SECONDS)).toEqual({ ok: true, value: 86400 });
    expect(readUint('MaxSize', '4194304', MAX_SIZE_KB)).toEqual({ ok: true, value: 4194304 });
  });

  it.each(['', ' ', '-1', '+5', '1.5', '1e3', '0x10', '600s', '６００', '86401', '9'.repeat(400), '0'.repeat(30) + '86401'])(
    'rejects %j with ER_4014 naming the bound',
    (raw) => {
      expect(readUint('TimeOut', raw, MAX_TIMEOUT_SECONDS)).toMatchObject({ ok: false, code: 'ER_4014', params: { key: 'TimeOut', max: 86400 } });
    },
  );

  it('accepts exactly the numbers 0..max', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10, max: MAX_SIZE_KB + 10 }), (n) => {
        expect(readUint('MaxSize', String(n), MAX_SIZE_KB).ok).toBe(n >= 0 && n <= MAX_SIZE_KB);
      }),
    );
  });
});

describe('readEventIds', () => {
  it('reads 0x + 8 hex digits, any case, comma-separated, spaces allowed', () => {
    expect(readEventIds('EventID01', '0xc0040006')).toEqual({ ok: true, value: [0xc0040006] });
    expect(readEventIds('EventID01', '0XC0040006, 0x00000001 ,0xFFFFFFFF')).toEqual({ ok: true, value: [0xc0040006, 1, 0xffffffff] });
    expect(readEventIds('EventID01', '"0xc0040006"')).toEqual({ ok: true, value: [0xc0040006] });
  });

  it('reads * as every event ID', () => {
    expect(readEventIds('EventID01', '*')).toEqual({ ok: true, value: '*' });
    expect(readEventIds('EventID01', ' * ')).toEqual({ ok: true, value: '*' });
  });

  it.each([
    ['c0040006', 'c0040006'],
    ['0x1234567', '0x1234567'],
    ['0x123456789', '0x123456789'],
    ['0xc004000g', '0xc004000g'],
    ['0xc0040006,6', '6'],
    ['0xc0040006,,0x00000001', ''],
    ['0xc0040006,', ''],
    ['', ''],
    ['0x c0040006', '0x c0040006'],
    ['-0x00000001', '-0x00000001'],
  ])('rejects %j naming the bad item %j (ER_4007)', (raw, item) => {
    expect(readEventIds('EventID01', raw)).toMatchObject({ ok: false, code: 'ER_4007', params: { value: item } });
  });

  it('rejects * inside a list (ER_4029)', () => {
    expect(readEventIds('EventID03', '0xc0040006,*')).toMatchObject({ ok: false, code: 'ER_4029', params: { key: 'EventID03' } });
  });

  it('round-trips with formatEventIds, which writes 0x%08x in lower case', () => {
    expect(formatEventIds([0xc0040006, 1])).toBe('0xc0040006,0x00000001');
    expect(formatEventIds('*')).toBe('*');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffffffff }), { minLength: 1, maxLength: 6 }), (ids) => {
        expect(readEventIds('EventID01', formatEventIds(ids))).toEqual({ ok: true, value: ids });
      }),
    );
  });
});

describe('reportSyntax', () => {
  it('turns each INI issue into one located problem', () => {
    const text = crlf('Orphan=1', '[URL1]', 'URL=a', 'url=b', 'what is this', '[url1]');
    const out = new Findings('F.INF');
    reportSyntax(doc(text), out);
    expect(brief(out.sorted())).toEqual([
      { code: 'ER_4021', line: 1, field: 'Orphan' },
      { code: 'ER_4020', line: 4, field: 'URL1.url' },
      { code: 'ER_4018', line: 5, field: undefined },
      { code: 'ER_4019', line: 6, field: 'url1' },
    ]);
    expect(out.problems.every((p) => p.file === 'F.INF')).toBe(true);
  });
});
