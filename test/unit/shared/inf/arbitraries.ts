/** fast-check generators for valid definition-file models and for text that is anything but. */
import fc from 'fast-check';
import { type AdrModel } from '../../../../shared/inf/adr.js';
import { type HbiModel, type Schedule } from '../../../../shared/inf/hbi.js';
import { type EventMatch, type LogModel, type Tool, type ToolPaths } from '../../../../shared/inf/log.js';

/** Text with no line break, no control character and no outer spaces (values are read trimmed). */
const cleanText = (unit: 'grapheme' | 'binary', maxLength = 20): fc.Arbitrary<string> =>
  fc.string({ unit, minLength: 1, maxLength }).filter((s) => s === s.trim() && !/[\u0000-\u001f\u007f]/.test(s));

/** A path segment: no separator, none of the characters Windows forbids; spaces and Japanese allowed inside. */
const segment = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_.-]{1,12}$/),
  fc.constantFrom('Program Files', 'ESM', 'AlertMan', 'ログ', 'tools (x86)', 'a b', 'collect disk.bat', '構成情報'),
);
const tail = fc.array(segment, { minLength: 0, maxLength: 4 });
export const absolutePath: fc.Arbitrary<string> = fc
  .oneof(
    fc.tuple(fc.constantFrom('c', 'C', 'd', 'Z'), fc.constantFrom('\\', '/'), tail).map(([d, sep, t]) => `${d}:${sep}${t.join(sep)}`),
    fc.tuple(segment, segment, tail).map(([h, s, t]) => `\\\\${h}\\${s}${t.length ? `\\${t.join('\\')}` : ''}`),
    tail.map((t) => `/${t.join('/')}`),
  )
  .filter((p) => p === p.trim());

export const toolPaths: fc.Arbitrary<ToolPaths> = fc
  .record({
    command: fc.option(absolutePath, { nil: '' }),
    logFile: fc.option(absolutePath, { nil: '' }),
    directory: fc.option(absolutePath, { nil: '' }),
  })
  .map((t) => (t.command !== '' && t.directory === '' ? { ...t, directory: 'c:\\work' } : t));

export const eventIds = fc.oneof(
  { weight: 1, arbitrary: fc.constant('*' as const) },
  { weight: 4, arbitrary: fc.array(fc.integer({ min: 0, max: 0xffffffff }), { minLength: 1, maxLength: 4 }) },
);
const source = fc.oneof(
  fc.constantFrom('*', 'atapi', 'Service Control Manager', 'disk', '"quoted"', '"lead', 'ソース', 'a\u2028b', 'x=y', ';z', '[s]'),
  cleanText('grapheme'),
  cleanText('binary'),
);

export const matches: fc.Arbitrary<EventMatch[]> = fc
  .uniqueArray(fc.integer({ min: 1, max: 99 }), { maxLength: 4 })
  .chain((indices) => fc.tuple(...indices.sort((a, b) => a - b).map((index) => fc.record({ source, ids: eventIds }).map((m) => ({ index, ...m })))));

const tools: fc.Arbitrary<Tool[]> = fc.uniqueArray(fc.integer({ min: 1, max: 999 }), { maxLength: 4 }).chain((indices) =>
  fc.tuple(
    ...indices
      .sort((a, b) => a - b)
      .map((index) =>
        fc
          .tuple(
            matches.filter((m) => m.length > 0),
            toolPaths,
          )
          .map(([ms, paths]): Tool => ({ index, matches: ms, ...paths })),
      ),
  ),
);

export const logModel: fc.Arbitrary<LogModel> = fc.record({
  timeoutSeconds: fc.integer({ min: 0, max: 86_400 }),
  maxSizeKB: fc.integer({ min: 0, max: 4_194_304 }),
  defaultTools: toolPaths,
  noneTrouble: matches,
  tools,
});

export const schedule: fc.Arbitrary<Schedule> = fc
  .oneof(
    fc.record({ type: fc.constant('every month' as const), day: fc.integer({ min: 1, max: 31 }) }),
    fc.record({ type: fc.constant('every week' as const), day: fc.integer({ min: 0, max: 6 }) }),
  )
  .chain((s) => fc.record({ hour: fc.integer({ min: 0, max: 23 }), minute: fc.integer({ min: 0, max: 59 }) }).map((t) => ({ ...s, ...t })));

export const hbiModel: fc.Arbitrary<HbiModel> = fc.record({
  timeoutSeconds: fc.integer({ min: 0, max: 86_400 }),
  maxSizeKB: fc.integer({ min: 0, max: 4_194_304 }),
  tools: toolPaths,
  schedule,
});

const url = fc
  .tuple(
    fc.constantFrom('https://', 'http://', 'HTTPS://'),
    fc.stringMatching(/^[a-z0-9.-]{1,30}(:\d{1,5})?$/),
    fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 470 }),
  )
  .map(([scheme, host, rest]) => `${scheme}${host}/${rest}`.slice(0, 500))
  .filter((u) => /^https?:\/\/[^/]/i.test(u));

export const adrModel: fc.Arbitrary<AdrModel> = fc
  .tuple(url, fc.option(url, { nil: undefined }))
  .map(([url1, url2]) => (url2 === undefined ? { url1 } : { url1, url2 }));

// ---- text that is anything but valid

const eol = fc.constantFrom('\r\n', '\n', '\r', '');
const sectionName = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.constantFrom(
      'URL1',
      'URL2',
      'url1',
      'Configuration',
      'DefaultTools',
      'NoneTrouble',
      'Tools',
      'Schedule',
      'Tool001',
      'tool002',
      'Tool999',
      'Tool1000',
      'Tool000',
      'Tool1',
      'ToolX',
      '',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);
const key = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.constantFrom(
      'URL',
      'TimeOut',
      'MaxSize',
      'Command',
      'LogFile',
      'Directory',
      'SourceName01',
      'EventID01',
      'sourcename02',
      'EventID02',
      'SourceName1',
      'EventID100',
      'ScheduleType',
      'ScheduleDay',
      'ScheduleTime',
      'Unknown',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
);
const value = fc.oneof(
  fc.constantFrom(
    '',
    '"',
    '""',
    '"c:\\x.bat',
    '"c:\\x.bat" > out',
    'c:\\x.bat arg',
    '*',
    '0x',
    '0xc0040006',
    '0xc0040006,*',
    'c0040006',
    '9'.repeat(400),
    '-1',
    '600',
    'every month',
    'every week',
    '24:00',
    '3:00',
    '32',
    '7',
    'https://a.example/',
    'x'.repeat(600),
    'ＵＲＬ',
    '🙂',
    '\u2028',
    '\uFEFF',
    '\u0000',
  ),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 3 }).map((ids) => ids.map((n) => `0x${n.toString(16)}`).join(',')),
);
const entry = fc.tuple(key, fc.constantFrom('=', ' = ', '= ', '=='), value).map(([k, sep, v]) => `${k}${sep}${v}`);
const lineText = fc.oneof(
  sectionName.map((s) => `[${s}]`),
  entry,
  fc.constantFrom('; comment', '# comment', '', '   ', '[', ']', '=', 'garbage line', '[Tool001', '"'),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
/** A section of a known name (mostly) with a few entries (mostly known keys), so value rules get exercised too. */
const block = fc
  .tuple(
    sectionName.map((s) => `[${s}]`),
    fc.array(fc.oneof({ weight: 4, arbitrary: entry }, { weight: 1, arbitrary: lineText }), { maxLength: 6 }),
  )
  .map(([header, body]) => [header, ...body]);
/** Lines built from section, key and garbage fragments, with every kind of line end. */
export const lineSoup: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      block,
      lineText.map((l) => [l]),
    ),
    { maxLength: 8 },
  )
  .chain((groups) => {
    const lines = groups.flat();
    return fc.tuple(...lines.map(() => eol)).map((eols) => lines.map((l, i) => l + (eols[i] ?? '')).join(''));
  });
