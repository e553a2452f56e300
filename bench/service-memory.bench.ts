/**
 * Issue 16: the idle service's resident memory, run from the bundle a package ships (`out/service/`, built here with
 * buildService, run with EXPRESS_REPORT_BUNDLED=1), with an HTTPS route to a local receiver (test CA, 127.0.0.1).
 * Baseline: a bare `node -e 'setInterval(()=>{},1e9)'` measured in the same run. Figures: idle, then after a burst of
 * 1,000 reports and a rest; heapUsed and the packages loaded at idle (the status's debug field, docs/benchmarks.md).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { activatedMachine, startCenter, startService, type ServiceProcess } from '../test/helpers/service-process.js';
import { ServiceClient } from '../shared/node/service-client.js';
import { buildService } from '../scripts/build.js';
import type { BenchFigure, BenchResult } from './lib.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MiB = (kib: number) => Math.round((kib / 1024) * 10) / 10;

async function rssKiB(pid: number): Promise<number> {
  return Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

/** A bare node waiting forever: the floor any Node.js service starts from. */
async function bareNodeKiB(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setInterval(()=>{},1e9)'], { stdio: 'ignore' });
  try {
    await sleep(1500);
    return await rssKiB(child.pid!);
  } finally {
    await stopChild(child);
  }
}

export async function run(opts: { burst?: number; restSeconds?: number; build?: boolean } = {}): Promise<BenchResult> {
  const burst = opts.burst ?? 1000;
  const restSeconds = opts.restSeconds ?? 60;
  if (opts.build !== false) await buildService();
  // The command line too runs from the bundle (activatedMachine's processes inherit this environment).
  const bundled = process.env.EXPRESS_REPORT_BUNDLED;
  process.env.EXPRESS_REPORT_BUNDLED = '1';
  const base = await mkdtemp(join(tmpdir(), 'er-bench-mem-'));
  let delivered = 0;
  const center = await startCenter(base, () => {
    delivered++;
    return { status: 200, body: 'ok' };
  });
  let service: ServiceProcess | undefined;
  try {
    const bare = await bareNodeKiB();
    const machine = await activatedMachine(base, { url: center.receiver.url, caFile: center.caFile, settings: ['suppression.use', 'off'], state: 'active' });
    service = await startService(machine, [], { EXPRESS_REPORT_DEBUG_STATUS: '1' });
    const child = service.child;
    const client = await ServiceClient.connect(machine.stateDir);
    await sleep(3000);
    const idle = await rssKiB(child.pid!);
    const idleStatus = (await client.status()) as { debug?: { memory?: NodeJS.MemoryUsage; packages?: string[]; parts?: string[] } };
    const idleHeap = idleStatus.debug?.memory?.heapUsed ?? 0;

    const before = delivered;
    for (let sent = 0; sent < burst; sent += 50) {
      const n = Math.min(50, burst - sent);
      const out = await Promise.all(Array.from({ length: n }, (_, i) => client.event({ source: 'disk', id: '0xc0040007', message: `burst ${sent + i}` })));
      if (out.some((a) => a.result !== 'accepted')) throw new Error('a burst event was not accepted');
    }
    while (delivered < before + burst) await sleep(50);
    const peak = await rssKiB(child.pid!);
    await sleep(restSeconds * 1000);
    const rested = await rssKiB(child.pid!);
    const restedStatus = (await client.status()) as typeof idleStatus;

    const ratio = (v: number) => Math.round((v / bare) * 100) / 100;
    console.log(`load average: ${(await readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).join(' ')}`);
    console.log(`bare node (baseline): ${MiB(bare)} MiB resident`);
    console.log(`idle service (bundle, HTTPS route): ${MiB(idle)} MiB resident (${ratio(idle)}x bare node), heapUsed ${MiB(idleHeap / 1024)} MiB`);
    console.log(`  memoryUsage at idle: ${JSON.stringify(idleStatus.debug?.memory)}`);
    console.log(`  packages loaded at idle: ${(idleStatus.debug?.packages ?? []).join(', ') || '(none)'}`);
    console.log(`  parts loaded at idle: ${(idleStatus.debug?.parts ?? []).join(', ') || '(none)'}`);
    console.log(
      `after a burst of ${burst} reports (all delivered): ${MiB(peak)} MiB; after ${restSeconds} s of rest: ${MiB(rested)} MiB (${ratio(rested)}x bare node)`,
    );
    console.log(`  memoryUsage after the rest: ${JSON.stringify(restedStatus.debug?.memory)}`);
    const figures: BenchFigure[] = [
      { name: 'bare node, resident', value: MiB(bare), unit: 'MiB' },
      { name: 'idle service (bundle, HTTPS route), resident', value: MiB(idle), unit: 'MiB', baseline: MiB(bare), ratio: ratio(idle), goal: '≤ 50 MiB' },
      { name: 'idle service heapUsed', value: MiB(idleHeap / 1024), unit: 'MiB' },
      { name: `service after ${burst} reports, resident`, value: MiB(peak), unit: 'MiB', baseline: MiB(bare), ratio: ratio(peak) },
      {
        name: `service after ${burst} reports + ${restSeconds} s rest, resident`,
        value: MiB(rested),
        unit: 'MiB',
        baseline: MiB(bare),
        ratio: ratio(rested),
        goal: '≤ 55 MiB',
      },
    ];
    return { figures };
  } finally {
    await service?.stop();
    await center.receiver.close();
    await rm(base, { recursive: true, force: true });
    if (bundled === undefined) delete process.env.EXPRESS_REPORT_BUNDLED;
    else process.env.EXPRESS_REPORT_BUNDLED = bundled;
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  await run({ burst: Number(process.env.BURST ?? 1000), restSeconds: Number(process.env.REST_SECONDS ?? 60) });
