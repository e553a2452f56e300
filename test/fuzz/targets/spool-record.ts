/** Spool records (service/spool/record.ts): the JSON files of pending/, sent/ and expired/, as recovery reads them. */
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { parseRecord, serializeRecord, type SpoolRecord } from '../../../service/spool/record.js';
import { problem } from '../../../shared/messages/problem.js';
import { bytesFrom } from '../corpus.js';
import { PropertyFailed, check, type FuzzTarget } from '../harness.js';

const ID = '0b7c6f7e-3c1a-4d2b-9f00-5a6b7c8d9e0f';
const PATH = `state/spool/pending/${ID}.json`;
const iso = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('サーバ一号', '', '\u0000', '\ud800', '__proto__'));

const record: fc.Arbitrary<string> = fc
  .record({
    kind: fc.constantFrom('failure', 'test', 'activation', 'heartbeat', 'maintenance'),
    createdAt: iso,
    machine: fc.record({ serverName: text, deviceCode: text, serialNumber: text, userSystemCode: text }),
    event: fc.option(fc.record({ source: text, id: fc.nat(0xffffffff), time: iso, message: text }), { nil: undefined }),
    count: fc.integer({ min: 1, max: 1000 }),
    attempts: fc.nat(100),
    nextAttemptAt: iso,
    dueAgeMs: fc.option(fc.nat(), { nil: undefined }),
    history: fc.array(fc.record({ at: iso, ok: fc.boolean(), route: fc.constantFrom('https', 'mail', 'modem') }), { maxLength: 3 }),
    extra: fc.dictionary(fc.constantFrom('note', 'x-future', 'constructor', 'toString'), text, { maxKeys: 2 }),
    proto: fc.boolean(),
  })
  .map(({ kind, createdAt, machine, event, count, attempts, nextAttemptAt, dueAgeMs, history, extra, proto }) => {
    const r = {
      report: { id: ID, kind, createdAt, machine, ...(event ? { event } : {}), count },
      attempts,
      nextAttemptAt,
      ...(dueAgeMs !== undefined ? { dueAgeMs } : {}),
      history,
    } as SpoolRecord;
    // Fields a newer version may add, set as JSON.parse sets them (own properties, even "__proto__").
    for (const [k, v] of Object.entries(extra)) Object.defineProperty(r, k, { value: v, enumerable: true, writable: true, configurable: true });
    return { r, proto };
  })
  // "__proto__" in the file (never written by the service) must not become the record's prototype: it would slip
  // fields like relay past the schema.
  .map(({ r, proto }) => {
    const json = serializeRecord(r);
    return proto ? json.replace('\n  "history"', '\n  "__proto__": { "relay": { "port": "https" }, "report": {} },\n  "history"') : json;
  });

export const spoolRecordTarget: FuzzTarget<Buffer> = {
  name: 'spool-record',
  file: PATH,
  properties: [
    'never throws but ER_8101 (a newer format, naming the file); a record it cannot trust gives the reason the service logs (ER_1050 with the path)',
    'a record written by serializeRecord reads back equal, and written again is byte-identical',
  ],
  arbitrary: bytesFrom(
    new Map([['other-id', Buffer.from(serializeRecord({ report: { id: randomUUID() } } as SpoolRecord))]]),
    record.map((t) => Buffer.from(t)),
  ),
  run(bytes) {
    const textIn = bytes.toString('utf8');
    const r = parseRecord(textIn, ID, PATH);
    if (typeof r === 'string') return { refused: [problem('ER_1050', { path: PATH, moved: '-', reason: r })], file: PATH };
    check(Object.getPrototypeOf(r) === Object.prototype && Object.getPrototypeOf(r.report) === Object.prototype, 'a "__proto__" key became a prototype');
    check(!('relay' in r) || Object.hasOwn(r, 'relay'), 'relay read through a prototype');
    const out = serializeRecord(r);
    const again = parseRecord(out, ID, PATH);
    if (typeof again === 'string') throw new PropertyFailed(`a record it read and wrote reads no more: ${again}`);
    check(isDeepStrictEqual(JSON.parse(out), JSON.parse(serializeRecord(again))), 'read back, the record differs');
    check(serializeRecord(again) === out, 'written twice, the record differs');
    // Nothing the schema knows is lost or changed: the input's own fields come back (key order aside).
    const input = JSON.parse(textIn) as Record<string, unknown>;
    const same = isDeepStrictEqual(JSON.parse(out), { ...input, format: 2 });
    return { roundTrip: same };
  },
};
