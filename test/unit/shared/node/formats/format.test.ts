import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCodedError } from '../../../../../shared/node/coded-error.js';
import {
  checkLogHeader,
  CURRENT_FORMAT,
  logHeader,
  readFolderFormat,
  recordFormat,
  stamped,
  writeFolderStamp,
} from '../../../../../shared/node/formats/format.js';
import { hasRecordedTest } from '../../../../../shared/node/tested-record.js';
import { AgentRegistry } from '../../../../../service/relay/agents.js';
import { HeartbeatScheduler } from '../../../../../service/sources/heartbeat-scheduler.js';
import { tempDirs } from '../../../../helpers/tmp.js';

const temp = tempDirs();
const codeOf = (f: () => unknown): string => {
  try {
    f();
    return 'returned';
  } catch (e) {
    return isCodedError(e) ? e.code : String(e);
  }
};
const asyncCodeOf = async (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'resolved',
    (e: unknown) => (isCodedError(e) ? e.code : String(e)),
  );

describe('format stamps, fields and headers', () => {
  it('a folder without a stamp is format 1; a stamp is read back; one that does not parse is ER_8102', async () => {
    const d = await temp();
    expect(await readFolderFormat(d)).toEqual({ format: 1 });
    await writeFolderStamp(d, 'state', '1.2.3');
    expect(await readFolderFormat(d)).toEqual({ format: CURRENT_FORMAT, writtenBy: '1.2.3' });
    for (const bad of ['not json', '{"format":"2"}', '{"format":0}', 'null']) {
      await writeFile(join(d, 'format.json'), bad);
      expect(await asyncCodeOf(readFolderFormat(d)), bad).toBe('ER_8102');
    }
  });

  it('a record without the field is format 1, a newer one is ER_8101 naming the file; stamped puts the current first', () => {
    expect(recordFormat({ a: 1 }, 'x.json')).toBe(1);
    expect(recordFormat({ format: 2 }, 'x.json')).toBe(2);
    expect(codeOf(() => recordFormat({ format: CURRENT_FORMAT + 1 }, 'x.json'))).toBe('ER_8101');
    expect(JSON.stringify(stamped({ a: 1, format: 1 }))).toBe(`{"format":${CURRENT_FORMAT},"a":1}`);
  });

  it('a log header of a newer format is refused, the current one and other # lines are not', () => {
    expect(logHeader('relay-ids')).toBe(`# express-report relay-ids format ${CURRENT_FORMAT}\n`);
    expect(codeOf(() => checkLogHeader(logHeader('relay-ids').trim(), 'seen.log'))).toBe('returned');
    expect(codeOf(() => checkLogHeader('# a comment', 'seen.log'))).toBe('returned');
    expect(codeOf(() => checkLogHeader(`# express-report relay-ids format ${CURRENT_FORMAT + 1}`, 'seen.log'))).toBe('ER_8101');
  });

  it('the heartbeat, tested-settings and agent-list readers refuse a newer record and leave it as it is', async () => {
    const d = await temp();
    const newer = `{"format":${CURRENT_FORMAT + 1},"since":"2026-01-01T00:00:00.000Z","schedule":{"type":"every week","day":1,"hour":10,"minute":0}}\n`;
    const hb = join(d, 'heartbeat.json');
    await writeFile(hb, newer);
    const scheduler = new HeartbeatScheduler({ stateFile: hb, run: async () => undefined, onProblem: () => undefined });
    expect(await asyncCodeOf(scheduler.start({ type: 'every week', day: 1, hour: 10, minute: 0 }))).toBe('ER_8101');
    scheduler.stop();
    expect(await readFile(hb, 'utf8')).toBe(newer);
    await writeFile(join(d, 'tested-settings.json'), `{"format":${CURRENT_FORMAT + 1},"digests":{}}\n`);
    expect(await asyncCodeOf(hasRecordedTest(d))).toBe('ER_8101');
    const agents = join(d, 'agents.json');
    await writeFile(agents, `{"format":${CURRENT_FORMAT + 1},"version":1,"agents":[]}`);
    expect(await asyncCodeOf(AgentRegistry.load({ file: agents, log: () => undefined }))).toBe('ER_8101');
  });
});
