/**
 * Faults of the center against the running service (HTTPS route): a 5xx, silence after the request's headers, silence
 * after the center's own response headers, a reset in the middle of the request body, half a response body and a
 * closed connection. Each report meets one fault on its first attempt; each ends in a coded problem (status) or, when
 * the center had already said 2xx, delivered; meanwhile status answers and new events are accepted. Then the retry
 * interval passes (libfaketime moves the service's clocks, test/helpers/faults/fast-forward.ts) and every report is
 * delivered exactly once: nothing lost, nothing twice.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestPki } from '../helpers/peers/test-ca.js';
import { startService, until, type Machine, type ServiceProcess } from '../helpers/service-process.js';
import { startFaultyCenter, type Fault, type FaultyCenter } from '../helpers/faults/faulty-center.js';
import { activeMachine } from '../helpers/faults/active-machine.js';
import { serviceProbes } from '../helpers/faults/probes.js';
import { fastForward, type FastForward } from '../helpers/faults/fast-forward.js';

let base: string;
let center: FaultyCenter;
let machine: Machine;
let service: ServiceProcess | undefined;
let clock: FastForward;
/** Faults handed out in order, one to each new report id; a report seen before meets 'ok'. */
const planned: Fault[] = [];
const assigned = new Map<string, Fault>();
const { log, status, statusAnswers, event } = serviceProbes(
  () => machine,
  () => service,
);

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'er-fault-center-'));
  const pki = makeTestPki();
  center = await startFaultyCenter(pki.server, (id) => {
    if (!assigned.has(id)) assigned.set(id, planned.shift() ?? 'ok');
    const f = assigned.get(id)!;
    assigned.set(id, 'ok'); // only the first attempt meets the fault
    return f;
  });
  await writeFile(join(base, 'ca.pem'), pki.ca.certPem);
  machine = await activeMachine(base, {
    url: center.url,
    caFile: join(base, 'ca.pem'),
    settings: ['suppression.use', 'off', 'schedule.retry.intervalMinutes', '1', 'https.timeoutSeconds', '10'],
  });
  clock = await fastForward(base, status);
  service = await startService(machine, ['--no-os-events'], clock.env);
}, 60_000);

afterAll(async () => {
  await service?.stop();
  await center?.close();
  await rm(base, { recursive: true, force: true });
});

describe('the center misbehaving while the service delivers', () => {
  it('each fault ends coded (or delivered once the status was in); after the retry interval all are delivered once', async () => {
    const started = Date.now();
    const faults: Fault[] = ['5xx', 'reset-mid-request', 'half-body', 'hang-before-answer', 'hang-after-headers'];
    planned.push(...faults);
    const ids: string[] = [];
    for (let i = 0; i < faults.length; i++) ids.push(await event());
    const fault = (id: string) => faults[ids.indexOf(id)];
    const met = (f: Fault) => center.met.some((m) => m.fault === f);

    // The loop is stuck on a silent center: the service keeps serving, status answers, an event is accepted.
    await until(() => met('hang-before-answer'), 40_000, 'the silent center', log);
    await statusAnswers();
    ids.push(await event());
    faults.push('ok');
    // The 10 s timeouts (https.timeoutSeconds' minimum) pass on the service's clocks, not the test's.
    await clock.forward(11);
    await until(() => met('hang-after-headers'), 20_000, 'the center silent after its headers', log);
    await clock.forward(11);
    await until(
      async () => (await status()).reports!.filter((r) => ids.includes(r.id) && r.attempts >= 1 && r.phase !== 'sending').length === ids.length,
      30_000,
      'every first attempt to be recorded',
      log,
    );
    const first = await status();
    const codeOf = (f: Fault) => first.reports!.find((r) => fault(r.id) === f && ids.includes(r.id));
    expect(codeOf('5xx')?.problem?.code).toBe('ER_2008');
    expect(codeOf('half-body')?.problem?.code).toBe('ER_2008');
    expect(codeOf('hang-before-answer')?.problem?.code).toBe('ER_2003');
    expect(codeOf('reset-mid-request')?.problem?.code).toMatch(/^ER_20(11|02)$/);
    // The center said 200 before it fell silent: that is its answer (docs/report-format.md), the report is sent.
    expect(codeOf('hang-after-headers')?.phase).toBe('sent');
    expect(first.pending).toBe(4);
    expect(first.expired).toBe(0);

    // The retry interval passes for the service; nothing else changes.
    await clock.forward(90);
    await until(async () => (await status()).pending === 0, 30_000, 'the retries to deliver every report', log);
    const end = await status();
    expect(end.expired).toBe(0);
    for (const id of ids)
      expect(
        center.delivered.filter((d) => d === id),
        `${fault(id)} ${id}`,
      ).toHaveLength(1);
    expect(log()).not.toMatch(/\n\s+at /); // no stack trace
    expect(log()).not.toContain('ER_6030'); // both clocks moved together: no step
    const codes = faults.map((f) => `${f}: ${codeOf(f)?.problem?.code ?? codeOf(f)?.phase}`).join(', ');
    console.log(
      `faults/center: ${codes}; ${ids.length} accepted, ${center.delivered.filter((d) => ids.includes(d)).length} delivered, ${center.met.length} requests, ${Date.now() - started} ms`,
    );
  }, 120_000);
});
