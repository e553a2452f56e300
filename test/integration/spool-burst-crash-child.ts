/**
 * The service side of spool-burst-crash.test.ts, run as its own process so the test can kill -9 it mid-burst:
 *   node --import tsx spool-burst-crash-child.ts STATE_DIR
 * Accepts reports 50 at a time, wave after wave, until killed: each `{"accepted": id}` line is written right after that
 * report's acknowledgement (the group commit's fsyncs done).
 */
import { Spool } from '../../service/spool/spool.js';

const [stateDir] = process.argv.slice(2);
if (!stateDir) throw new Error('usage: STATE_DIR');
const say = (o: object): boolean => process.stdout.write(JSON.stringify(o) + '\n'); // a pipe: written synchronously on Linux

const spool = await Spool.open(stateDir, { bootId: null });
for (let wave = 0; ; wave++) {
  await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      spool
        .accept({
          kind: 'failure',
          machine: { serverName: 'crash-test', deviceCode: 'N0000-0000', serialNumber: 'SN', userSystemCode: '1234567' },
          event: { source: 'test', id: i, time: new Date().toISOString(), message: `wave ${wave} #${i}` },
        })
        .then((r) => say({ accepted: r.id })),
    ),
  );
}
