import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IniDocument } from '../../../../shared/ini/document.js';
import { decodeLog, type EventMatch, type LogModel } from '../../../../shared/inf/log.js';
import { LogMatcher, planFor, type EventRef, type LogPlan } from '../../../../shared/inf/log-match.js';

/** A model from AMHTPLOG.INF lines (the codec's reading, so the table speaks the file's language). */
function model(...lines: string[]): LogModel {
  const r = decodeLog(IniDocument.parse(lines.join('\r\n') + '\r\n'), 'AMHTPLOG.INF');
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.model;
}

const tool = (n: string, source: string, ids: string, command = `/opt/t/${n}.sh`) => [
  `[Tool${n}]`,
  `SourceName01=${source}`,
  `EventID01=${ids}`,
  `Command="${command}"`,
  `LogFile="/var/log/${n}"`,
  'Directory="/opt/t"',
];
const DEFAULT_WITH_COMMAND = ['[DefaultTools]', 'Command="/opt/t/default.sh"', 'LogFile="/var/log/default"', 'Directory="/opt/t"'];
const DEFAULT_WITHOUT_COMMAND = ['[DefaultTools]', 'Command=""', 'LogFile="/var/log/default"', 'Directory=""'];

/** The plan in short: `Tool001,Tool005`, `default`, `none:why`. */
function brief(p: LogPlan): string {
  if (p.via === 'tools') return p.tools.map((t) => `Tool${String(t.index).padStart(3, '0')}`).join(',');
  return p.via === 'default' ? 'default' : `none:${p.why}`;
}

const ev = (source: string, id: number): EventRef => ({ source, id });

describe("which AMHTPLOG.INF sections collect logs for an event (the manual's rules)", () => {
  const cases: Array<{ name: string; file: string[]; event: EventRef; expected: string }> = [
    {
      name: 'a [ToolYYY] naming the source and the id runs',
      file: [...DEFAULT_WITH_COMMAND, ...tool('001', 'atapi', '0xc0040006')],
      event: ev('atapi', 0xc0040006),
      expected: 'Tool001',
    },
    {
      name: 'the source is compared without case (Windows event sources)',
      file: tool('001', 'ATAPI', '0xC0040006'),
      event: ev('atapi', 0xc0040006),
      expected: 'Tool001',
    },
    { name: 'SourceNameXX=* is every source', file: tool('001', '*', '0xc0040006'), event: ev('disk', 0xc0040006), expected: 'Tool001' },
    { name: 'EventIDXX=* is every id of the source', file: tool('001', 'disk', '*'), event: ev('disk', 0x12345678), expected: 'Tool001' },
    {
      name: 'an id anywhere in the comma list matches',
      file: tool('001', 'disk', '0x00000001,0x00000002, 0xc0040007'),
      event: ev('disk', 0xc0040007),
      expected: 'Tool001',
    },
    {
      name: 'ids are all 32 bits: 0x40040006 is not 0xc0040006',
      file: [...DEFAULT_WITH_COMMAND, ...tool('001', 'atapi', '0xc0040006')],
      event: ev('atapi', 0x40040006),
      expected: 'default',
    },
    { name: 'a signed read of the id is the same event', file: tool('001', 'atapi', '0xc0040006'), event: ev('atapi', 0xc0040006 | 0), expected: 'Tool001' },
    {
      name: "every [ToolYYY] that matches runs, in the file's order",
      file: [...tool('007', '*', '*'), ...tool('002', 'disk', '0x00000001'), ...tool('003', 'net', '0x00000001')],
      event: ev('disk', 1),
      expected: 'Tool002,Tool007',
    },
    {
      name: 'a source and an id from different pairs do not combine',
      file: ['[Tool001]', 'SourceName01=disk', 'EventID01=0x00000001', 'SourceName02=net', 'EventID02=0x00000002', 'Command=""', 'LogFile="/l"'],
      event: ev('disk', 2),
      expected: 'none:no-default',
    },
    {
      name: 'no [ToolYYY] names the event: [DefaultTools] collects',
      file: [...DEFAULT_WITH_COMMAND, ...tool('001', 'disk', '*')],
      event: ev('atapi', 1),
      expected: 'default',
    },
    {
      name: '[DefaultTools] without a Command: only [ToolYYY] events collect (its LogFile alone is not taken)',
      file: [...DEFAULT_WITHOUT_COMMAND, ...tool('001', 'disk', '*')],
      event: ev('atapi', 1),
      expected: 'none:no-default',
    },
    {
      name: '[DefaultTools] without a Command still lets [ToolYYY] events collect',
      file: [...DEFAULT_WITHOUT_COMMAND, ...tool('001', 'disk', '*')],
      event: ev('disk', 1),
      expected: 'Tool001',
    },
    { name: 'no [DefaultTools] section at all: the same as no Command', file: tool('001', 'disk', '*'), event: ev('atapi', 1), expected: 'none:no-default' },
    {
      name: '[NoneTrouble] names the event: no [DefaultTools] command',
      file: [...DEFAULT_WITH_COMMAND, '[NoneTrouble]', 'SourceName01=atapi', 'EventID01=0x00000001,0x00000002'],
      event: ev('atapi', 2),
      expected: 'none:none-trouble',
    },
    {
      name: '[NoneTrouble] for another id of the source: [DefaultTools] still collects',
      file: [...DEFAULT_WITH_COMMAND, '[NoneTrouble]', 'SourceName01=atapi', 'EventID01=0x00000001'],
      event: ev('atapi', 3),
      expected: 'default',
    },
    {
      name: '[NoneTrouble] * / *: nothing reaches [DefaultTools]',
      file: [...DEFAULT_WITH_COMMAND, '[NoneTrouble]', 'SourceName01=*', 'EventID01=*'],
      event: ev('anything', 0xffffffff),
      expected: 'none:none-trouble',
    },
    {
      name: "[NoneTrouble] * / * still lets [ToolYYY] events collect (the manual's note)",
      file: [...DEFAULT_WITH_COMMAND, '[NoneTrouble]', 'SourceName01=*', 'EventID01=*', ...tool('010', 'disk', '0x00000005')],
      event: ev('DISK', 5),
      expected: 'Tool010',
    },
    {
      name: 'a [ToolYYY] without a Command still matches (its LogFile is taken)',
      file: [...DEFAULT_WITH_COMMAND, '[Tool001]', 'SourceName01=disk', 'EventID01=*', 'Command=""', 'LogFile="/var/log/disk"'],
      event: ev('disk', 1),
      expected: 'Tool001',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(brief(planFor(model(...c.file), c.event))).toBe(c.expected);
    });
  }
});

// ---- the index agrees with the plain reading of the rules

/** The rules read plainly: scan every pair of every tool. */
function naive(m: LogModel, e: EventRef): string {
  const names = (p: EventMatch) =>
    (p.source.trim() === '*' || p.source.trim().toLowerCase() === e.source.trim().toLowerCase()) && (p.ids === '*' || p.ids.includes(e.id >>> 0));
  const tools = m.tools.filter((t) => t.matches.some(names));
  if (tools.length > 0) return tools.map((t) => `Tool${String(t.index).padStart(3, '0')}`).join(',');
  if (m.noneTrouble.some(names)) return 'none:none-trouble';
  return m.defaultTools.command.trim() === '' ? 'none:no-default' : 'default';
}

// Few sources and ids, so that events often hit (and often just miss) the pairs.
const source = fc.constantFrom('*', 'disk', 'DISK', 'atapi', 'Net', ' disk ');
const id = fc.constantFrom(0, 1, 0x7fffffff, 0xc0040006, 0xffffffff);
const pair = (index: number) =>
  fc.record({ source, ids: fc.oneof(fc.constant('*' as const), fc.uniqueArray(id, { minLength: 1, maxLength: 3 })) }).map((p) => ({ index, ...p }));
const pairs = fc.integer({ min: 0, max: 4 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => pair(i + 1))));
const arbModel: fc.Arbitrary<LogModel> = fc.record({
  timeoutSeconds: fc.constant(600),
  maxSizeKB: fc.constant(0),
  defaultTools: fc.record({ command: fc.constantFrom('', '/opt/d.sh'), logFile: fc.constant('/var/log'), directory: fc.constant('/opt') }),
  noneTrouble: pairs,
  tools: fc
    .integer({ min: 0, max: 6 })
    .chain((n) =>
      fc.tuple(
        ...Array.from({ length: n }, (_, i) => pairs.map((matches) => ({ index: i * 3 + 1, matches, command: '/opt/t.sh', logFile: '', directory: '/opt' }))),
      ),
    ),
});

describe('LogMatcher index', () => {
  it('gives the same plan as a scan of every pair (fast-check)', () => {
    fc.assert(
      fc.property(
        arbModel,
        fc.array(fc.record({ source: fc.constantFrom('disk', 'Disk', 'atapi', 'net', 'other'), id: fc.oneof(id, fc.integer({ min: -5, max: 5 })) }), {
          minLength: 1,
          maxLength: 8,
        }),
        (m, events) => {
          const matcher = new LogMatcher(m);
          for (const e of events) expect(brief(matcher.plan(e))).toBe(naive(m, e));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('handles 999 tools x 99 pairs: a tool with one id among thousands is found, others are not', () => {
    const m: LogModel = {
      timeoutSeconds: 600,
      maxSizeKB: 0,
      noneTrouble: [],
      defaultTools: { command: '', logFile: '', directory: '' },
      tools: Array.from({ length: 999 }, (_, t) => ({
        index: t + 1,
        command: '',
        logFile: '',
        directory: '',
        matches: Array.from({ length: 99 }, (_, p) => ({ index: p + 1, source: `src${p}`, ids: [t * 1000 + p] })),
      })),
    };
    const matcher = new LogMatcher(m);
    expect(brief(matcher.plan(ev('SRC42', 500 * 1000 + 42)))).toBe('Tool501');
    expect(brief(matcher.plan(ev('src41', 500 * 1000 + 42)))).toBe('none:no-default');
  });
});
