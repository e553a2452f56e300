/**
 * The proxy refusing under the running service (HTTPS route through https.proxy.*): 407, 403, a connection closed
 * after the CONNECT, and connection refused (nothing listening). Each report's first attempt meets one of them and ends
 * in a coded problem naming the proxy (status); status answers throughout. Then the proxy lets the tunnel through, the
 * retry interval passes (libfaketime, test/helpers/faults/fast-forward.ts) and every report is delivered once.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCenter, startService, until, type Machine, type ServiceProcess } from '../helpers/service-process.js';
import { type Receiver } from '../helpers/peers/https-receiver.js';
import { startFaultyProxy, type FaultyProxy, type ProxyFault } from '../helpers/faults/faulty-proxy.js';
import { activeMachine } from '../helpers/faults/active-machine.js';
import { serviceProbes } from '../helpers/faults/probes.js';
import { fastForward, type FastForward } from '../helpers/faults/fast-forward.js';

let base: string;
let receiver: Receiver;
let proxy: FaultyProxy;
let machine: Machine;
let service: ServiceProcess | undefined;
let clock: FastForward;
const planned: ProxyFault[] = [];
const { log, status, statusAnswers, event } = serviceProbes(
  () => machine,
  () => service,
);
const delivered = (id: string) => receiver.received.filter((r) => r.reportId === id).length;
const failedWith = async (id: string) => {
  await until(async () => (await status()).reports?.find((r) => r.id === id)?.problem !== undefined, 30_000, `the attempt of ${id} to fail`, log);
  return (await status()).reports!.find((r) => r.id === id)!.problem!;
};

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'er-fault-proxy-'));
  const center = await startCenter(base);
  receiver = center.receiver;
  proxy = await startFaultyProxy(() => planned.shift() ?? 'tunnel');
  machine = await activeMachine(base, {
    url: receiver.url,
    caFile: center.caFile,
    settings: [
      'suppression.use',
      'off',
      'schedule.retry.intervalMinutes',
      '1',
      'https.proxy.use',
      'on',
      'https.proxy.host',
      '127.0.0.1',
      'https.proxy.port',
      String(proxy.port),
    ],
  });
  clock = await fastForward(base, status);
  service = await startService(machine, ['--no-os-events'], clock.env);
}, 120_000);

afterAll(async () => {
  await service?.stop();
  await proxy?.close();
  await receiver?.close();
  await rm(base, { recursive: true, force: true });
});

describe('the proxy refusing while the service delivers', () => {
  it('407, 403, closed, refused: each coded and naming the proxy; then all delivered once', async () => {
    const started = Date.now();
    const at = `127.0.0.1:${proxy.port}`;
    const ids: string[] = [];
    const codes: string[] = [];
    for (const fault of ['407', '403', 'close'] as const) {
      planned.push(fault);
      const id = await event();
      ids.push(id);
      const p = await failedWith(id);
      codes.push(`${fault}: ${p.code}`);
      if (fault === '407') expect(p.code).toBe('ER_2006');
      if (fault === '403') expect(p.code).toBe('ER_2007');
      if (fault === 'close') expect(p.code).toMatch(/^ER_20(11|07)$/);
      expect(p.message.en).toContain(at);
    }
    await statusAnswers();
    await proxy.refuse();
    const refusedId = await event();
    ids.push(refusedId);
    const p = await failedWith(refusedId);
    codes.push(`refused: ${p.code}`);
    expect(p.code).toBe('ER_2002');
    expect(p.message.en).toContain(at);
    expect(receiver.received.filter((r) => ids.includes(r.reportId ?? ''))).toHaveLength(0);

    await proxy.listen();
    await clock.forward(90);
    await until(async () => (await status()).pending === 0, 30_000, 'the retries through the proxy', log);
    for (const id of ids) expect(delivered(id)).toBe(1);
    expect((await status()).expired).toBe(0);
    expect(log()).not.toMatch(/\n\s+at /);
    console.log(
      `faults/proxy: ${codes.join(', ')}; ${ids.length} accepted, ${ids.filter((i) => delivered(i) === 1).length} delivered once, ${Date.now() - started} ms`,
    );
  }, 90_000);
});
