import { describe, it, expect } from 'vitest';
import { decodeLog, defaultLogText, encodeLog, type LogModel } from '../../../../shared/inf/log.js';
import { brief, crlf, doc, variantOf, expectOne, fixture, lineOf } from './helpers.js';

const F = 'F.INF';
const decode = (text: string) => decodeLog(doc(text), F);

/** A small valid file; each mistake below changes one line of it (or adds one). */
const base = [
  '[Configuration]',
  'TimeOut=600',
  'MaxSize=0',
  '[DefaultTools]',
  'Command="c:\\esm\\get.bat"',
  'LogFile="c:\\esm\\logs"',
  'Directory="c:\\esm"',
  '[NoneTrouble]',
  'SourceName01=*',
  'EventID01=0x40001b58',
  '[Tool001]',
  'SourceName01=atapi',
  'EventID01=0xc0040006,0xc0040007',
  'Command="c:\\esm\\disk.bat"',
  'LogFile="c:\\esm\\disk"',
  'Directory="c:\\esm"',
];
const baseText = crlf(...base);
const variant = (line: string | undefined, ...by: string[]): string => variantOf(base, line, ...by);

const fixtureModel: LogModel = {
  timeoutSeconds: 600,
  maxSizeKB: 0,
  defaultTools: { command: 'C:\\ESM\\tools\\getlog.bat', logFile: 'C:\\ESM\\logs', directory: 'C:\\ESM\\tools' },
  noneTrouble: [
    { index: 1, source: 'Service Control Manager', ids: [0x40001b58, 0x40001b59] },
    { index: 2, source: '*', ids: [0x80000001] },
  ],
  tools: [
    {
      index: 1,
      matches: [
        { index: 1, source: 'atapi', ids: [0xc0040006, 0xc0040007] },
        { index: 2, source: 'disk', ids: '*' },
      ],
      command: 'C:\\Program Files\\Vendor\\collect disk.bat',
      logFile: 'C:\\Program Files\\Vendor\\log',
      directory: 'C:\\Program Files\\Vendor',
    },
    {
      index: 12,
      matches: [{ index: 1, source: '*', ids: [0xc000000e] }],
      command: 'c:\\esm\\tools\\memdump.bat',
      logFile: 'c:\\esm\\dump\\memory.dmp',
      directory: 'c:\\esm\\tools',
    },
  ],
};

describe('decodeLog', () => {
  it('reads the base file with no problems', () => {
    const r = decode(baseText);
    expect(r.problems).toEqual([]);
    expect(r.model.tools).toHaveLength(1);
    expect(r.model.noneTrouble).toEqual([{ index: 1, source: '*', ids: [0x40001b58] }]);
  });

  it('reads the sample fixture: quoted and unquoted paths, spaces in source names, * ids, an unknown key', () => {
    const text = fixture('AMHTPLOG.INF');
    const r = decodeLog(doc(text), 'AMHTPLOG.INF');
    expect(r.model).toEqual(fixtureModel);
    expectOne(r.problems, 'ER_4025', lineOf(text, 'Comment = kept as it is'), 'DefaultTools.Comment', 'AMHTPLOG.INF');
  });

  it('gives the defaults for an empty file, with no problems (every section is optional)', () => {
    expect(decode('')).toEqual({
      model: { timeoutSeconds: 600, maxSizeKB: 0, defaultTools: { command: '', logFile: '', directory: '' }, noneTrouble: [], tools: [] },
      problems: [],
    });
  });

  it('sorts tools and matches by their numbers, whatever the file order', () => {
    const r = decode(crlf('[Tool010]', 'EventID02=*', 'SourceName02=b', 'SourceName01=a', 'EventID01=*', '[tool002]', 'sourcename01=c', 'eventid01=*'));
    expect(r.problems).toEqual([]);
    expect(r.model.tools.map((t) => t.index)).toEqual([2, 10]);
    expect(r.model.tools[1]!.matches.map((m) => m.source)).toEqual(['a', 'b']);
  });

  it('accepts Tool999 and index 99', () => {
    expect(decode(crlf('[Tool999]', 'SourceName99=x', 'EventID99=*')).problems).toEqual([]);
  });

  it('keeps a tool with mistakes in the model (only clean pairs become matches)', () => {
    const r = decode(crlf('[Tool003]', 'SourceName01=a', 'EventID01=6', 'SourceName02=b', 'EventID02=*', 'Command=x.bat', 'Directory="c:\\x"'));
    expect(r.model.tools).toEqual([{ index: 3, matches: [{ index: 2, source: 'b', ids: '*' }], command: 'x.bat', logFile: '', directory: 'c:\\x' }]);
    expect(brief(r.problems).map((p) => p.code)).toEqual(['ER_4007', 'ER_4011']);
  });

  describe('one located problem per mistake', () => {
    const cases: Array<[string, string, string | undefined, string[], string, string]> = [
      // title, code, line replaced (undefined = appended), new lines, the offending line, field
      ['[Tool1000]', 'ER_4001', undefined, ['[Tool1000]', 'SourceName01=a', 'EventID01=*'], '[Tool1000]', 'Tool1000'],
      ['[Tool000]', 'ER_4001', undefined, ['[Tool000]', 'SourceName01=a', 'EventID01=*'], '[Tool000]', 'Tool000'],
      ['[Tool1]', 'ER_4001', undefined, ['[Tool1]', 'SourceName01=a', 'EventID01=*'], '[Tool1]', 'Tool1'],
      ['[ToolX]', 'ER_4001', undefined, ['[ToolX]'], '[ToolX]', 'ToolX'],
      ['[Tools] (the AMHTPHBI.INF section)', 'ER_4001', undefined, ['[Tools]', 'Command='], '[Tools]', 'Tools'],
      ['an unknown section', 'ER_4002', undefined, ['[Extra]', 'a=1'], '[Extra]', 'Extra'],
      ['EventID without 0x', 'ER_4007', 'EventID01=0xc0040006,0xc0040007', ['EventID01=c0040006'], 'EventID01=c0040006', 'Tool001.EventID01'],
      [
        'EventID with seven digits',
        'ER_4007',
        'EventID01=0xc0040006,0xc0040007',
        ['EventID01=0xc0040006,0x1234567'],
        'EventID01=0xc0040006,0x1234567',
        'Tool001.EventID01',
      ],
      ['EventID with nine digits', 'ER_4007', 'EventID01=0x40001b58', ['EventID01=0x123456789'], 'EventID01=0x123456789', 'NoneTrouble.EventID01'],
      ['EventID as a decimal number', 'ER_4007', 'EventID01=0x40001b58', ['EventID01=6'], 'EventID01=6', 'NoneTrouble.EventID01'],
      ['an empty SourceName', 'ER_4008', 'SourceName01=atapi', ['SourceName01='], 'SourceName01=', 'Tool001.SourceName01'],
      ['SourceName without its EventID', 'ER_4009', undefined, ['SourceName02=disk'], 'SourceName02=disk', 'Tool001.SourceName02'],
      ['EventID without its SourceName', 'ER_4009', undefined, ['EventID05=*'], 'EventID05=*', 'Tool001.EventID05'],
      ['SourceName1 (one digit)', 'ER_4010', undefined, ['SourceName1=x'], 'SourceName1=x', 'Tool001.SourceName1'],
      ['EventID100', 'ER_4010', undefined, ['EventID100=*'], 'EventID100=*', 'Tool001.EventID100'],
      ['SourceName00', 'ER_4010', undefined, ['SourceName00=*'], 'SourceName00=*', 'Tool001.SourceName00'],
      ['EventIDX1', 'ER_4010', undefined, ['EventIDX1=*'], 'EventIDX1=*', 'Tool001.EventIDX1'],
      ['a relative Command', 'ER_4011', 'Command="c:\\esm\\disk.bat"', ['Command=disk.bat'], 'Command=disk.bat', 'Tool001.Command'],
      ['a relative LogFile', 'ER_4011', 'LogFile="c:\\esm\\logs"', ['LogFile="logs\\x.log"'], 'LogFile="logs\\x.log"', 'DefaultTools.LogFile'],
      ['a relative Directory', 'ER_4011', 'Directory="c:\\esm"', ['Directory=.'], 'Directory=.', 'DefaultTools.Directory'],
      [
        'a Command with arguments',
        'ER_4012',
        'Command="c:\\esm\\disk.bat"',
        ['Command="c:\\esm\\disk.bat" /all'],
        'Command="c:\\esm\\disk.bat" /all',
        'Tool001.Command',
      ],
      [
        'an unquoted Command with a space',
        'ER_4012',
        'Command="c:\\esm\\get.bat"',
        ['Command=c:\\Program Files\\get.bat'],
        'Command=c:\\Program Files\\get.bat',
        'DefaultTools.Command',
      ],
      [
        'a Command with redirection',
        'ER_4013',
        'Command="c:\\esm\\disk.bat"',
        ['Command="c:\\esm\\disk.bat" > c:\\out.txt'],
        'Command="c:\\esm\\disk.bat" > c:\\out.txt',
        'Tool001.Command',
      ],
      [
        'a redirection inside the quotes of Command',
        'ER_4013',
        'Command="c:\\esm\\disk.bat"',
        ['Command="c:\\esm\\disk.bat > c:\\out.txt"'],
        'Command="c:\\esm\\disk.bat > c:\\out.txt"',
        'Tool001.Command',
      ],
      [
        'a Command with 2>&1',
        'ER_4013',
        'Command="c:\\esm\\get.bat"',
        ['Command=c:\\esm\\get.bat 2>&1'],
        'Command=c:\\esm\\get.bat 2>&1',
        'DefaultTools.Command',
      ],
      ['a TimeOut that is not a number', 'ER_4014', 'TimeOut=600', ['TimeOut=10m'], 'TimeOut=10m', 'Configuration.TimeOut'],
      ['a TimeOut over a day', 'ER_4014', 'TimeOut=600', ['TimeOut=86401'], 'TimeOut=86401', 'Configuration.TimeOut'],
      ['a negative MaxSize', 'ER_4014', 'MaxSize=0', ['MaxSize=-1'], 'MaxSize=-1', 'Configuration.MaxSize'],
      ['a huge MaxSize', 'ER_4014', 'MaxSize=0', ['MaxSize=99999999999999999999999'], 'MaxSize=99999999999999999999999', 'Configuration.MaxSize'],
      ['an invalid line', 'ER_4018', undefined, ['this is not ini'], 'this is not ini', ''],
      ['a duplicate section', 'ER_4019', undefined, ['[tool001]', 'SourceName01=x', 'EventID01=*'], '[tool001]', 'tool001'],
      ['a duplicate key', 'ER_4020', undefined, ['command="c:\\esm\\x.bat"'], 'command="c:\\esm\\x.bat"', 'Tool001.command'],
      ['a [ToolYYY] with no event', 'ER_4024', undefined, ['[Tool002]', 'Command="c:\\esm\\x.bat"', 'Directory="c:\\esm"'], '[Tool002]', 'Tool002'],
      ['an unknown key', 'ER_4025', undefined, ['Arguments=/all'], 'Arguments=/all', 'Tool001.Arguments'],
      [
        'an unclosed quote in Command',
        'ER_4027',
        'Command="c:\\esm\\disk.bat"',
        ['Command="c:\\esm\\disk.bat'],
        'Command="c:\\esm\\disk.bat',
        'Tool001.Command',
      ],
      ['an unclosed quote in a SourceName', 'ER_4027', 'SourceName01=atapi', ['SourceName01="atapi'], 'SourceName01="atapi', 'Tool001.SourceName01'],
      ['a Command without Directory', 'ER_4028', 'Directory="c:\\esm"', [], 'Command="c:\\esm\\get.bat"', 'DefaultTools.Directory'],
      ['a Command with an empty Directory', 'ER_4028', 'Directory="c:\\esm"', ['Directory='], 'Directory=', 'DefaultTools.Directory'],
      ['* inside an EventID list', 'ER_4029', 'EventID01=0xc0040006,0xc0040007', ['EventID01=0xc0040006,*'], 'EventID01=0xc0040006,*', 'Tool001.EventID01'],
      [
        'text after a quoted LogFile',
        'ER_4030',
        'LogFile="c:\\esm\\disk"',
        ['LogFile="c:\\esm\\disk" c:\\more'],
        'LogFile="c:\\esm\\disk" c:\\more',
        'Tool001.LogFile',
      ],
    ];
    it.each(cases)('%s (%s)', (_title, code, replaced, by, offending, field) => {
      const text = variant(replaced, ...by);
      const r = decode(text);
      expectOne(r.problems, code, lineOf(text, offending), field === '' ? undefined : field);
    });
  });

  it('treats `SourceName01=*` and `EventID01=*` as every source and every ID', () => {
    expect(decode(crlf('[NoneTrouble]', 'SourceName01=*', 'EventID01=*')).model.noneTrouble).toEqual([{ index: 1, source: '*', ids: '*' }]);
  });

  it('reports messages in both languages', () => {
    const p = decode(variant('EventID01=0x40001b58', 'EventID01=0x1234567')).problems[0]!;
    expect(p.message.ja).toContain('0x1234567');
    expect(p.message.en).toContain('0x1234567');
  });
});

describe('encodeLog', () => {
  const sample = fixture('AMHTPLOG.INF');

  it('returns the input exactly for an unchanged model (CRLF, LF, comments, unknown keys, mixed quoting)', () => {
    for (const text of [sample, sample.replace(/\r\n/g, '\n'), sample.replace(/\r\n/g, '\r'), baseText]) {
      const d = doc(text);
      expect(encodeLog(decodeLog(d, F).model, d).toString()).toBe(text);
    }
  });

  it('changes only the line of a changed value', () => {
    const model = structuredClone(fixtureModel);
    model.timeoutSeconds = 1800;
    expect(encodeLog(model, doc(sample)).toString()).toBe(sample.replace('TimeOut=600\r\n', 'TimeOut=1800\r\n'));
    const m2 = structuredClone(fixtureModel);
    m2.tools[0]!.matches[0]!.ids = [0xc0040006];
    expect(encodeLog(m2, doc(sample)).toString()).toBe(sample.replace('EventID01=0xC0040006,0xc0040007', 'EventID01=0xc0040006'));
  });

  it('keeps the quoting style of a changed path line, quoting a path with spaces', () => {
    const model = structuredClone(fixtureModel);
    model.tools[1]!.command = 'c:\\esm\\tools\\dump2.bat';
    model.defaultTools.logFile = 'C:\\ESM\\logs2';
    const out = encodeLog(model, doc(sample)).toString();
    expect(out).toBe(
      sample.replace('Command=c:\\esm\\tools\\memdump.bat', 'Command=c:\\esm\\tools\\dump2.bat').replace('LogFile="C:\\ESM\\logs"', 'LogFile="C:\\ESM\\logs2"'),
    );
    model.tools[1]!.command = 'c:\\Program Files\\x.bat';
    expect(encodeLog(model, doc(sample)).toString()).toContain('\r\nCommand="c:\\Program Files\\x.bat"\r\n');
  });

  it('removes a tool the model no longer has, and a match it no longer has', () => {
    const model = structuredClone(fixtureModel);
    model.tools.pop();
    model.tools[0]!.matches.pop();
    const out = encodeLog(model, doc(sample)).toString();
    expect(out).not.toContain('[Tool012]');
    expect(out).not.toContain('SourceName02=disk');
    expect(out).not.toContain('EventID02=*');
    expect(decodeLog(doc(out), F).model).toEqual(model);
  });

  it('appends a new tool with its keys in the manual order and form', () => {
    const model = structuredClone(fixtureModel);
    model.tools.push({ index: 20, matches: [{ index: 1, source: 'Disk', ids: [7] }], command: 'c:\\t\\x.bat', logFile: '', directory: 'c:\\t' });
    const out = encodeLog(model, doc(sample)).toString();
    expect(out).toBe(`${sample}\r\n${crlf('[Tool020]', 'SourceName01=Disk', 'EventID01=0x00000007', 'Command="c:\\t\\x.bat"', 'Directory="c:\\t"')}`);
  });

  it('leaves pairs that did not decode alone, unless the model puts a match at their number', () => {
    const text = crlf('[Tool001]', 'SourceName01=a', 'EventID01=6', 'SourceName02=b', 'EventID02=*');
    const model = decode(text).model;
    expect(encodeLog(model, doc(text)).toString()).toBe(text);
    model.tools[0]!.matches.push({ index: 1, source: 'a', ids: [6] });
    model.tools[0]!.matches.sort((x, y) => x.index - y.index);
    const fixed = encodeLog(model, doc(text)).toString();
    expect(fixed).toBe(text.replace('EventID01=6', 'EventID01=0x00000006'));
    expect(decode(fixed).problems).toEqual([]);
  });

  it('rewrites a number that did not decode even when the model holds the default', () => {
    const text = crlf('[Configuration]', 'TimeOut=ten minutes');
    expect(encodeLog(decode(text).model, doc(text)).toString()).toBe(crlf('[Configuration]', 'TimeOut=600'));
  });

  it('adds nothing for default values the file leaves out', () => {
    const text = crlf('[Tool001]', 'SourceName01=a', 'EventID01=*');
    expect(encodeLog(decode(text).model, doc(text)).toString()).toBe(text);
  });

  it('adds a missing section after a blank line', () => {
    const text = crlf('[Tool001]', 'SourceName01=a', 'EventID01=*');
    const model = decode(text).model;
    model.maxSizeKB = 1024;
    expect(encodeLog(model, doc(text)).toString()).toBe(`${text}\r\n[Configuration]\r\nMaxSize=1024\r\n`);
  });

  it('empties a path the model clears, keeping its line', () => {
    const model = decode(baseText).model;
    model.defaultTools = { command: '', logFile: '', directory: '' };
    const out = encodeLog(model, doc(baseText)).toString();
    expect(out).toContain('\r\n[DefaultTools]\r\nCommand=""\r\nLogFile=""\r\nDirectory=""\r\n');
    expect(decode(out).model.defaultTools).toEqual(model.defaultTools);
  });

  it('does not change the document it was given', () => {
    const d = doc(sample);
    encodeLog({ ...fixtureModel, tools: [] }, d);
    expect(d.toString()).toBe(sample);
  });
});

describe('defaultLogText', () => {
  it('decodes with no problems to the defaults', () => {
    for (const eol of ['\r\n', '\n'] as const) {
      expect(decodeLog(doc(defaultLogText(eol)), F)).toEqual({
        model: { timeoutSeconds: 600, maxSizeKB: 0, defaultTools: { command: '', logFile: '', directory: '' }, noneTrouble: [], tools: [] },
        problems: [],
      });
    }
  });

  it('is what encodeLog starts a new file from', () => {
    const model = decode(baseText).model;
    const out = encodeLog(model);
    expect(decodeLog(out, F)).toEqual({ model, problems: [] });
    expect(out.toString()).toContain('TimeOut=600\r\n');
    expect(out.toString()).toContain('[NoneTrouble]\r\nSourceName01=*\r\nEventID01=0x40001b58\r\n');
    expect(out.toString()).toContain('[DefaultTools]');
    expect(out.toString()).toContain('Command="c:\\esm\\get.bat"\r\n');
  });
});
