/** Log lines the Linux sources read: syslog files (three shapes) and `journalctl -o json`. */
import fc from 'fast-check';
import { MAX_MESSAGE, type IncomingEvent } from '../../../service/sources/event-source.js';
import { toEvent } from '../../../service/sources/event-id.js';
import { parseJournalLine } from '../../../service/sources/journal-entry.js';
import { parseSyslogLine } from '../../../service/sources/syslog-line.js';
import { corpus, linesFrom } from '../corpus.js';
import { check, type FuzzTarget } from '../harness.js';

const NOW = new Date('2026-01-15T12:00:00Z');

/** What every source hands the intake: a source name, a 32-bit id, a bounded message, a time that is a real time. */
export function checkEvent(e: IncomingEvent): void {
  check(typeof e.source === 'string', 'source is not text');
  check(Number.isInteger(e.id) && e.id >= 0 && e.id <= 0xffffffff, `id ${e.id} is not a 32-bit unsigned number`);
  check(e.message.length <= MAX_MESSAGE, `message of ${e.message.length} characters`);
  // The log readers give UTC; the drop folder and the API pass an ISO time with its offset as it came.
  if (e.time !== undefined) check(!Number.isNaN(Date.parse(e.time)), `time ${e.time} is not a time`);
}

const ISO = fc.date({ min: new Date('1970-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
const word = fc.stringMatching(/^[A-Za-z0-9_.-]{1,12}$/);
const validSyslog = fc.oneof(
  fc
    .tuple(fc.option(fc.nat(191), { nil: undefined }), ISO, word, word, fc.string({ maxLength: 40 }))
    .map(([p, t, h, tag, m]) => `${p === undefined ? '' : `<${p}>`}${t} ${h} ${tag}[1]: ${m}`),
  fc.tuple(fc.nat(191), ISO, word, word, fc.string({ maxLength: 40 })).map(([p, t, h, app, m]) => `<${p}>1 ${t} ${h} ${app} - - - ${m}`),
);

export const syslogTarget: FuzzTarget<string> = {
  name: 'syslog-line',
  properties: [
    'never throws; a line of none of the three shapes is skipped (undefined)',
    'a line read gives an event with a 32-bit id, a bounded message and a real time (or none)',
  ],
  arbitrary: linesFrom(corpus('syslog-'), validSyslog),
  run(line) {
    const l = parseSyslogLine(line, NOW);
    if (l) checkEvent(toEvent(l));
    return { skipped: !l };
  },
};

const validJournal = fc
  .record({
    MESSAGE: fc.oneof(fc.string(), fc.array(fc.nat(255), { maxLength: 20 }), fc.constant(null)),
    PRIORITY: fc.oneof(fc.constantFrom('0', '3', '7', '8', '-1', ''), fc.array(fc.constantFrom('3', '4'))),
    SYSLOG_IDENTIFIER: fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 })),
    __REALTIME_TIMESTAMP: fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 22n }).map(String), fc.string()),
    __CURSOR: fc.string(),
  })
  .map((o) => JSON.stringify(o));

export const journalTarget: FuzzTarget<string> = {
  name: 'journal-json',
  properties: [
    'never throws; a line that is not a JSON object is skipped (undefined)',
    'an entry gives an event with a 32-bit id, a bounded message and a real time (or none)',
  ],
  arbitrary: linesFrom(corpus('journal-'), validJournal),
  run(line) {
    const e = parseJournalLine(line);
    if (e) checkEvent(e.event);
    return { skipped: !e };
  },
};
