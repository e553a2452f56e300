import { describe, it, expect } from 'vitest';
import { DEFAULT_HBI_MODEL, decodeHbi, defaultHbiText, encodeHbi, type HbiModel } from '../../../../shared/inf/hbi.js';
import { crlf, doc, variantOf, expectOne, fixture, lineOf } from './helpers.js';

const F = 'F.INF';
const decode = (text: string) => decodeHbi(doc(text), F);

const base = [
  '[Configuration]',
  'TimeOut=600',
  'MaxSize=0',
  '[Tools]',
  'Command="c:\\esm\\conf.bat"',
  'LogFile="c:\\esm\\conf"',
  'Directory="c:\\esm"',
  '[Schedule]',
  'ScheduleType=every month',
  'ScheduleDay=1',
  'ScheduleTime=03:00',
];
const baseText = crlf(...base);
const variant = (line: string | undefined, ...by: string[]): string => variantOf(base, line, ...by);

describe('decodeHbi', () => {
  it('reads the base file', () => {
    expect(decode(baseText)).toEqual({
      model: {
        timeoutSeconds: 600,
        maxSizeKB: 0,
        tools: { command: 'c:\\esm\\conf.bat', logFile: 'c:\\esm\\conf', directory: 'c:\\esm' },
        schedule: { type: 'every month', day: 1, hour: 3, minute: 0 },
      },
      problems: [],
    });
  });

  it('reads the sample fixture (every week, Sunday, H:MM)', () => {
    const r = decodeHbi(doc(fixture('AMHTPHBI.INF')), 'AMHTPHBI.INF');
    expect(r.problems).toEqual([]);
    expect(r.model).toEqual({
      timeoutSeconds: 1200,
      maxSizeKB: 0,
      tools: { command: 'c:\\ESM\\tools\\getconf.bat', logFile: 'c:\\ESM\\conf', directory: 'c:\\ESM\\tools' },
      schedule: { type: 'every week', day: 0, hour: 2, minute: 30 },
    });
  });

  it('needs only [Schedule]: no [Configuration] means the defaults, no [Tools] means run nothing', () => {
    const r = decode(crlf('[Schedule]', 'ScheduleType=every week', 'ScheduleDay=6', 'ScheduleTime=23:59'));
    expect(r.problems).toEqual([]);
    expect(r.model).toEqual({ ...DEFAULT_HBI_MODEL, schedule: { type: 'every week', day: 6, hour: 23, minute: 59 } });
  });

  it('accepts an empty Command (run nothing) without a Directory', () => {
    const r = decode(variant('Command="c:\\esm\\conf.bat"', 'Command=').replace('Directory="c:\\esm"\r\n', ''));
    expect(r.problems).toEqual([]);
    expect(r.model.tools.command).toBe('');
  });

  it('accepts the type in any case and spacing, and quoted values', () => {
    const r = decode(variant('ScheduleType=every month', 'ScheduleType="Every  Week"').replace('ScheduleDay=1', 'ScheduleDay="0"'));
    expect(r.problems).toEqual([]);
    expect(r.model.schedule).toEqual({ type: 'every week', day: 0, hour: 3, minute: 0 });
  });

  it.each([
    ['0:00', 0, 0],
    ['9:05', 9, 5],
    ['09:05', 9, 5],
    ['23:59', 23, 59],
  ])('reads ScheduleTime %s', (t, hour, minute) => {
    const r = decode(variant('ScheduleTime=03:00', `ScheduleTime=${t}`));
    expect(r.problems).toEqual([]);
    expect(r.model.schedule).toMatchObject({ hour, minute });
  });

  it.each([
    ['every month', 1],
    ['every month', 31],
    ['every week', 0],
    ['every week', 6],
  ])('accepts %s day %d', (type, day) => {
    const r = decode(variant('ScheduleType=every month', `ScheduleType=${type}`).replace('ScheduleDay=1', `ScheduleDay=${day}`));
    expect(r.problems).toEqual([]);
  });

  describe('one located problem per mistake', () => {
    const cases: Array<[string, string, string | undefined, string[], string, string]> = [
      ['an unknown ScheduleType', 'ER_4015', 'ScheduleType=every month', ['ScheduleType=every day'], 'ScheduleType=every day', 'Schedule.ScheduleType'],
      ['ScheduleType monthly', 'ER_4015', 'ScheduleType=every month', ['ScheduleType=monthly'], 'ScheduleType=monthly', 'Schedule.ScheduleType'],
      ['ScheduleDay 32 for every month', 'ER_4016', 'ScheduleDay=1', ['ScheduleDay=32'], 'ScheduleDay=32', 'Schedule.ScheduleDay'],
      ['ScheduleDay 0 for every month', 'ER_4016', 'ScheduleDay=1', ['ScheduleDay=0'], 'ScheduleDay=0', 'Schedule.ScheduleDay'],
      ['ScheduleDay that is not a number', 'ER_4016', 'ScheduleDay=1', ['ScheduleDay=Mon'], 'ScheduleDay=Mon', 'Schedule.ScheduleDay'],
      ['ScheduleTime 24:00', 'ER_4017', 'ScheduleTime=03:00', ['ScheduleTime=24:00'], 'ScheduleTime=24:00', 'Schedule.ScheduleTime'],
      ['ScheduleTime 12:60', 'ER_4017', 'ScheduleTime=03:00', ['ScheduleTime=12:60'], 'ScheduleTime=12:60', 'Schedule.ScheduleTime'],
      ['ScheduleTime 3:0', 'ER_4017', 'ScheduleTime=03:00', ['ScheduleTime=3:0'], 'ScheduleTime=3:0', 'Schedule.ScheduleTime'],
      ['ScheduleTime 0300', 'ER_4017', 'ScheduleTime=03:00', ['ScheduleTime=0300'], 'ScheduleTime=0300', 'Schedule.ScheduleTime'],
      ['ScheduleTime 3:00:00', 'ER_4017', 'ScheduleTime=03:00', ['ScheduleTime=3:00:00'], 'ScheduleTime=3:00:00', 'Schedule.ScheduleTime'],
      ['no ScheduleTime', 'ER_4004', 'ScheduleTime=03:00', [], '[Schedule]', 'Schedule.ScheduleTime'],
      ['no ScheduleType', 'ER_4004', 'ScheduleType=every month', [], '[Schedule]', 'Schedule.ScheduleType'],
      ['a relative Command', 'ER_4011', 'Command="c:\\esm\\conf.bat"', ['Command=conf.bat'], 'Command=conf.bat', 'Tools.Command'],
      [
        'a Command with arguments',
        'ER_4012',
        'Command="c:\\esm\\conf.bat"',
        ['Command="c:\\esm\\conf.bat" -all'],
        'Command="c:\\esm\\conf.bat" -all',
        'Tools.Command',
      ],
      [
        'a Command with redirection',
        'ER_4013',
        'Command="c:\\esm\\conf.bat"',
        ['Command="c:\\esm\\conf.bat" >> c:\\x.log'],
        'Command="c:\\esm\\conf.bat" >> c:\\x.log',
        'Tools.Command',
      ],
      ['a Command without Directory', 'ER_4028', 'Directory="c:\\esm"', [], 'Command="c:\\esm\\conf.bat"', 'Tools.Directory'],
      ['a TimeOut that is not a number', 'ER_4014', 'TimeOut=600', ['TimeOut=abc'], 'TimeOut=abc', 'Configuration.TimeOut'],
      ['an unknown section', 'ER_4002', undefined, ['[Tool001]'], '[Tool001]', 'Tool001'],
      ['an unknown key', 'ER_4025', undefined, ['ScheduleWeek=1'], 'ScheduleWeek=1', 'Schedule.ScheduleWeek'],
    ];
    it.each(cases)('%s (%s)', (_title, code, replaced, by, offending, field) => {
      const text = variant(replaced, ...by);
      expectOne(decode(text).problems, code, lineOf(text, offending), field);
    });

    it('ScheduleDay 7 for every week names the week range', () => {
      const text = variant('ScheduleType=every month', 'ScheduleType=every week').replace('ScheduleDay=1', 'ScheduleDay=7');
      const p = expectOne(decode(text).problems, 'ER_4016', lineOf(text, 'ScheduleDay=7'), 'Schedule.ScheduleDay');
      expect(p.message.en).toBe('ScheduleDay must be 0 to 6 for every week ("7").');
    });

    it('ScheduleDay 32 for every month names the month range', () => {
      const p = decode(variant('ScheduleDay=1', 'ScheduleDay=32')).problems[0]!;
      expect(p.message.en).toBe('ScheduleDay must be 1 to 31 for every month ("32").');
    });

    it('no [Schedule] (ER_4003 at line 1)', () => {
      expectOne(decode(crlf(...base.slice(0, 7))).problems, 'ER_4003', 1, 'Schedule');
    });

    it('a wrong type with a day out of every range gives only ER_4015', () => {
      const text = variant('ScheduleType=every month', 'ScheduleType=every year').replace('ScheduleDay=1', 'ScheduleDay=45');
      expectOne(decode(text).problems, 'ER_4015', lineOf(text, 'ScheduleType=every year'), 'Schedule.ScheduleType');
    });
  });

  it('keeps defaults in the model for values that did not decode', () => {
    const text = variant('ScheduleTime=03:00', 'ScheduleTime=25:00').replace('ScheduleDay=1', 'ScheduleDay=40');
    expect(decode(text).model.schedule).toEqual({ type: 'every month', day: 1, hour: 3, minute: 0 });
  });
});

describe('encodeHbi', () => {
  const sample = fixture('AMHTPHBI.INF');

  it('returns the input exactly for an unchanged model', () => {
    for (const text of [sample, sample.replace(/\r\n/g, '\n'), baseText]) {
      const d = doc(text);
      expect(encodeHbi(decodeHbi(d, F).model, d).toString()).toBe(text);
    }
  });

  it('changes only the lines of changed values', () => {
    const model: HbiModel = structuredClone(decode(sample).model);
    model.schedule = { type: 'every month', day: 15, hour: 2, minute: 30 };
    const out = encodeHbi(model, doc(sample)).toString();
    expect(out).toBe(sample.replace('ScheduleType=every week', 'ScheduleType=every month').replace('ScheduleDay=0', 'ScheduleDay=15'));
    model.schedule.hour = 4;
    expect(encodeHbi(model, doc(sample)).toString()).toContain('\r\nScheduleTime=04:30\r\n');
  });

  it('keeps a day that means the same under the new type', () => {
    const model = decode(sample).model;
    model.schedule = { ...model.schedule, type: 'every month', day: 1 };
    const once = encodeHbi(model, doc(sample.replace('ScheduleDay=0', 'ScheduleDay=1')));
    expect(once.toString()).toBe(sample.replace('ScheduleDay=0', 'ScheduleDay=1').replace('every week', 'every month'));
  });

  it('writes missing [Schedule] keys and repairs wrong ones', () => {
    const text = crlf('[Schedule]', 'ScheduleType=sometimes');
    const out = encodeHbi(DEFAULT_HBI_MODEL, doc(text)).toString();
    expect(out).toBe(crlf('[Schedule]', 'ScheduleType=every month', 'ScheduleDay=1', 'ScheduleTime=03:00'));
  });

  it('writes a fresh file from the commented default', () => {
    const model: HbiModel = {
      timeoutSeconds: 0,
      maxSizeKB: 2048,
      tools: { command: 'c:\\Program Files\\ESM\\conf.bat', logFile: '\\\\srv\\share\\conf', directory: 'c:\\Program Files\\ESM' },
      schedule: { type: 'every week', day: 3, hour: 22, minute: 5 },
    };
    const out = encodeHbi(model);
    expect(decodeHbi(out, F)).toEqual({ model, problems: [] });
    expect(out.toString()).toContain('\r\nCommand="c:\\Program Files\\ESM\\conf.bat"\r\nLogFile="\\\\srv\\share\\conf"\r\n');
    expect(out.toString()).toContain('\r\nScheduleTime=22:05\r\n');
  });
});

describe('defaultHbiText', () => {
  it('decodes with no problems to the defaults (every month, day 1, 03:00, no command)', () => {
    for (const eol of ['\r\n', '\n'] as const) {
      expect(decodeHbi(doc(defaultHbiText(eol)), F)).toEqual({ model: DEFAULT_HBI_MODEL, problems: [] });
    }
    expect(DEFAULT_HBI_MODEL.schedule).toEqual({ type: 'every month', day: 1, hour: 3, minute: 0 });
  });
});
