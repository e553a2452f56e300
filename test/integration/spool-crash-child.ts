/**
 * The service side of spool-crash.test.ts, run as its own process so the test can kill -9 it:
 *   node --import tsx spool-crash-child.ts STATE_DIR RECEIVER_URL ACCEPT_COUNT TAG
 * Accepts ACCEPT_COUNT reports (one `{"accepted": id}` line each, written after the acknowledgement), then delivers
 * everything waiting and prints `{"done": counts}`.
 */
import { defaultSettings } from '../../shared/settings/schema.js';
import { DeliveryLoop, policySources } from '../../service/delivery/loop.js';
import { Spool } from '../../service/spool/spool.js';
import { TestHttpRoute } from './spool-crash-route.js';

const [stateDir, url, countText, tag] = process.argv.slice(2);
if (!stateDir || !url || !countText || !tag) throw new Error('usage: STATE_DIR RECEIVER_URL ACCEPT_COUNT TAG');
const say = (o: object): boolean => process.stdout.write(JSON.stringify(o) + '\n'); // a pipe: written synchronously on Linux

const spool = await Spool.open(stateDir, { onEvent: (e) => process.stderr.write(`${e.code} ${e.message.en}\n`) });
for (let i = 0; i < Number(countText); i++) {
  const r = await spool.accept({
    kind: 'failure',
    machine: { serverName: 'crash-test', deviceCode: 'N0000-0000', serialNumber: 'SN', userSystemCode: '1234567' },
    event: { source: 'test', id: i, time: new Date().toISOString(), message: `${tag} #${i}` },
  });
  say({ accepted: r.id });
}
const config = { settings: { ...defaultSettings(), 'activation.state': 'active' as const }, optionDevices: [], inf: {} };
const route = new TestHttpRoute(url);
const loop = new DeliveryLoop({
  spool,
  routeFor: () => route,
  ...policySources(
    () => config,
    (s) => s,
  ),
});
await loop.wake();
await loop.stop();
say({ done: spool.counts() });
