/**
 * DNS failing under the running service, without a packet leaving loopback: the service runs in its own mount namespace
 * (test/helpers/faults/unshared-service.ts) where /etc/resolv.conf names 127.0.0.1 (nothing answers) and the center's
 * name, center.example.invalid, is in no hosts file. A report's attempt ends in ER_2001 naming the host; status
 * answers; a new event is accepted. Then the name resolves (a line added to the namespace's hosts file) and the retry
 * delivers every report once. Skipped, saying why, where unshare is not permitted.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeServerCert, makeTestPki } from '../helpers/peers/test-ca.js';
import { startReceiver, type Receiver } from '../helpers/peers/https-receiver.js';
import { pointDestinations } from '../helpers/activation.js';
import { until, type Machine, type ServiceProcess } from '../helpers/service-process.js';
import { cannotUnshare, startUnsharedService } from '../helpers/faults/unshared-service.js';
import { activeMachine } from '../helpers/faults/active-machine.js';
import { serviceProbes } from '../helpers/faults/probes.js';
import { fastForward, type FastForward } from '../helpers/faults/fast-forward.js';

const why = cannotUnshare();
if (why) console.warn(`faults/dns: SKIPPED, a mount namespace cannot be made here (${why}); it needs root (unshare -m).`);

const NAME = 'center.example.invalid';
let base: string;
let receiver: Receiver;
let machine: Machine;
let service: ServiceProcess | undefined;
let clock: FastForward;
const { log, status, statusAnswers, event } = serviceProbes(
  () => machine,
  () => service,
);
const delivered = (id: string) => receiver.received.filter((r) => r.reportId === id).length;

beforeAll(async () => {
  if (why) return;
  base = await mkdtemp(join(tmpdir(), 'er-fault-dns-'));
  const pki = makeTestPki();
  receiver = await startReceiver(makeServerCert(pki.ca, ['127.0.0.1', NAME]));
  await writeFile(join(base, 'ca.pem'), pki.ca.certPem);
  machine = await activeMachine(base, {
    url: receiver.url,
    caFile: join(base, 'ca.pem'),
    settings: ['suppression.use', 'off', 'schedule.retry.intervalMinutes', '1'],
  });
  await pointDestinations(machine.configDir, receiver.url.replace('127.0.0.1', NAME));
  await writeFile(join(base, 'resolv.conf'), 'nameserver 127.0.0.1\noptions timeout:1 attempts:1\n');
  await writeFile(join(base, 'hosts'), `${await readFile('/etc/hosts', 'utf8')}\n`);
  clock = await fastForward(base, status);
  service = await startUnsharedService(
    machine,
    [
      [join(base, 'resolv.conf'), '/etc/resolv.conf'],
      [join(base, 'hosts'), '/etc/hosts'],
    ],
    ['--no-os-events'],
    clock.env,
  );
}, 120_000);

afterAll(async () => {
  await service?.stop();
  await receiver?.close();
  if (base) await rm(base, { recursive: true, force: true });
});

describe.skipIf(why !== undefined)('DNS failing under the running service', () => {
  it('the attempt ends in ER_2001 naming the host; once the name resolves, the retry delivers', async () => {
    const started = Date.now();
    const first = await event();
    await until(async () => (await status()).reports?.find((r) => r.id === first)?.problem !== undefined, 30_000, 'the attempt to fail', log);
    const failed = (await status()).reports!.find((r) => r.id === first)!;
    expect(failed.problem!.code).toBe('ER_2001');
    expect(failed.problem!.message.en).toContain(NAME);
    expect(failed.phase).toBe('waiting');
    await statusAnswers();
    const second = await event(); // intake goes on
    expect(receiver.received.filter((r) => r.reportId === first || r.reportId === second)).toHaveLength(0);

    // The name comes back (as an administrator fixing DNS would): the retry resolves it and delivers.
    await appendFile(join(base, 'hosts'), `127.0.0.1 ${NAME}\n`);
    await until(
      async () => (await status()).reports?.find((r) => r.id === second)?.problem !== undefined || delivered(second) > 0,
      30_000,
      'the second attempt',
      log,
    );
    await clock.forward(90);
    await until(async () => (await status()).pending === 0, 30_000, 'the retries to deliver', log);
    expect(delivered(first)).toBe(1);
    expect(delivered(second)).toBe(1);
    expect(receiver.received.at(-1)!.sni).toBe(NAME);
    expect((await status()).expired).toBe(0);
    console.log(`faults/dns: 2 accepted, 2 delivered once (ER_2001 before), ${Date.now() - started} ms`);
  }, 90_000);
});
