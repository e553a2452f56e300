/**
 * Issue 4: event-to-delivered latency (p50, p99) and reports per second against a local HTTPS receiver (test CA), with a
 * plain HTTPS POST from this process to the same receiver as the baseline; then the idle service's resident memory and
 * CPU over 60 s. The service runs as its own process (`express-report service`), as in production.
 */
import { spawn, execFile } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { makeTestPki } from '../test/helpers/peers/test-ca.js';
import { startReceiver } from '../test/helpers/peers/https-receiver.js';
import { ServiceClient } from '../shared/node/service-client.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function procSample(pid: number): Promise<{ rssKiB: number; cpuTicks: number }> {
  return Promise.all([readFile(`/proc/${pid}/status`, 'utf8'), readFile(`/proc/${pid}/stat`, 'utf8')]).then(([status, stat]) => {
    const rssKiB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { rssKiB, cpuTicks: Number(fields[11]) + Number(fields[12]) };
  });
}

export async function run(opts: { idleSeconds?: number; events?: number } = {}): Promise<void> {
  const idleSeconds = opts.idleSeconds ?? 60;
  const events = opts.events ?? 200;
  const base = await mkdtemp(join(tmpdir(), 'er-bench-svc-'));
  const pki = makeTestPki();
  const arrived = new Map<string, number>();
  const receiver = await startReceiver(pki.server, (r) => {
    if (r.reportId) arrived.set(r.reportId, performance.now());
    return { status: 200, body: 'ok' };
  });
  const argv = [join(ROOT, 'bin', 'express-report.mjs'), '--config-dir', join(base, 'config'), '--state-dir', join(base, 'state')];
  const cli = (args: string[]) => promisify(execFile)(process.execPath, [...argv, ...args]);
  let child: ReturnType<typeof spawn> | undefined;
  try {
    await writeFile(join(base, 'ca.pem'), pki.ca.certPem);
    await cli(['init']);
    await cli([
      'activate',
      '--key-code',
      '01239',
      '--server-name',
      'BENCH',
      '--device-code',
      'N8100-2810',
      '--serial',
      '1',
      '--warranty',
      '1',
      '--reply-mail',
      'r@example.jp',
    ]);
    const adr = join(base, 'config', 'WebReprt', 'AMHTPADR.INF');
    await writeFile(adr, (await readFile(adr, 'utf8')).replace(/^URL= .*$/m, `URL= ${receiver.url}`));
    await cli(['config', 'set', 'https.caFile', join(base, 'ca.pem'), 'suppression.use', 'off', 'activation.state', 'active']);
    child = spawn(process.execPath, [...argv, 'service'], { stdio: 'ignore' });
    for (
      let i = 0;
      i < 200 &&
      !(await access(join(base, 'state', 'service.json')).then(
        () => true,
        () => false,
      ));
      i++
    )
      await sleep(100);
    const client = await ServiceClient.connect(join(base, 'state'));

    // Baseline: the same receiver, a plain POST from here (a new TLS connection each time, as the service makes).
    const direct: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now();
      await new Promise<void>((resolve, reject) => {
        const req = request(receiver.url, { method: 'POST', ca: pki.ca.certPem, agent: false, headers: { 'content-type': 'application/json' } }, (res) => {
          res.resume();
          res.on('end', resolve);
        });
        req.on('error', reject);
        req.end('{}');
      });
      direct.push(performance.now() - t0);
    }

    const latency: number[] = [];
    for (let i = 0; i < events; i++) {
      const t0 = performance.now();
      const r = await client.event({ source: 'atapi', id: '0xc0040006', message: `bench ${i}` });
      if (r.result !== 'accepted') throw new Error(`not accepted: ${JSON.stringify(r)}`);
      while (!arrived.has(r.reportId)) await sleep(1);
      latency.push(arrived.get(r.reportId)! - t0);
    }
    console.log(`service direct HTTPS POST to the receiver (baseline): p50 ${pct(direct, 50).toFixed(1)} ms, p99 ${pct(direct, 99).toFixed(1)} ms`);
    console.log(
      `service event -> delivered (${events} one at a time): p50 ${pct(latency, 50).toFixed(1)} ms (${(pct(latency, 50) / pct(direct, 50)).toFixed(1)}x baseline), p99 ${pct(latency, 99).toFixed(1)} ms`,
    );

    const burst = events;
    const before = arrived.size;
    const t0 = performance.now();
    const accepted = await Promise.all(Array.from({ length: burst }, (_, i) => client.event({ source: 'disk', id: '0xc0040007', message: `burst ${i}` })));
    const acceptedMs = performance.now() - t0;
    while (arrived.size < before + burst) await sleep(5);
    const total = performance.now() - t0;
    console.log(
      `service burst of ${burst}: accepted (fsync'd) in ${acceptedMs.toFixed(0)} ms (${(burst / (acceptedMs / 1000)).toFixed(0)}/s), all delivered in ${total.toFixed(0)} ms (${(burst / (total / 1000)).toFixed(1)} reports/s)`,
    );
    if (accepted.some((a) => a.result !== 'accepted')) throw new Error('a burst event was not accepted');

    await sleep(2000);
    const a = await procSample(child.pid!);
    await sleep(idleSeconds * 1000);
    const b = await procSample(child.pid!);
    const ticks = b.cpuTicks - a.cpuTicks;
    console.log(
      `service idle ${idleSeconds} s: resident memory ${(b.rssKiB / 1024).toFixed(1)} MiB, CPU ${ticks} ticks (${((ticks / 100 / idleSeconds) * 100).toFixed(3)}% of one core)`,
    );
  } finally {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child!.once('exit', r));
    }
    await receiver.close();
    await rm(base, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run({ idleSeconds: Number(process.env.IDLE_SECONDS ?? 60) });
