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
import { fileURLToPath } from 'node:url';
import { activatedMachine, startCenter, startService, type ServiceProcess } from '../test/helpers/service-process.js';
import { ServiceClient } from '../shared/node/service-client.js';
import { buildService } from '../scripts/build.js';
import type { BenchFigure, BenchResult } from './lib.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
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

/** The node options the systemd unit starts the service with (between the runtime and the command), docs/install.md. */
export async function unitNodeFlags(): Promise<string[]> {
  const line = /^ExecStart=(.+)$/m.exec(await readFile(join(ROOT, 'resources', 'debian', 'express-report.service'), 'utf8'))?.[1] ?? '';
  const words = line.trim().split(/\s+/);
  return words.slice(
    1,
    words.findIndex((w) => w.endsWith('express-report.mjs')),
  );
}

interface Measured {
  idle: number;
  idleMemory?: NodeJS.MemoryUsage;
  packages: string[];
  builtins: string[];
  peak: number;
  rested: number;
  restedMemory?: NodeJS.MemoryUsage;
}

/** A fresh machine and service started with `flags`: idle after `settle` s, then a burst, then a rest. */
async function measure(flags: string[], o: { burst: number; settleSeconds: number; restSeconds: number; env?: Record<string, string> }): Promise<Measured> {
  const base = await mkdtemp(join(tmpdir(), 'er-bench-mem-'));
  let delivered = 0;
  const center = await startCenter(base, () => {
    delivered++;
    return { status: 200, body: 'ok' };
  });
  let service: ServiceProcess | undefined;
  try {
    const machine = await activatedMachine(base, { url: center.receiver.url, caFile: center.caFile, settings: ['suppression.use', 'off'], state: 'active' });
    service = await startService(machine, [], { ...o.env, EXPRESS_REPORT_DEBUG_STATUS: '1', NODE_OPTIONS: flags.join(' ') });
    const pid = service.child.pid!;
    const client = await ServiceClient.connect(machine.stateDir);
    // V8's memory reducer shrinks the heap some seconds after the start's allocations stop: idle is measured after it.
    await sleep(o.settleSeconds * 1000);
    const idle = await rssKiB(pid);
    const idleDebug = (await client.status()).debug;
    const before = delivered;
    // In groups of 20: the local API sheds connections above 32 (service/common/api-guard.ts).
    for (let sent = 0; sent < o.burst; sent += 20) {
      const n = Math.min(20, o.burst - sent);
      const out = await Promise.all(Array.from({ length: n }, (_, i) => client.event({ source: 'disk', id: '0xc0040007', message: `burst ${sent + i}` })));
      if (out.some((a) => a.result !== 'accepted')) throw new Error('a burst event was not accepted');
    }
    while (delivered < before + o.burst) await sleep(50);
    const peak = await rssKiB(pid);
    await sleep(o.restSeconds * 1000);
    const rested = await rssKiB(pid);
    const restedDebug = (await client.status()).debug;
    return {
      idle,
      ...(idleDebug ? { idleMemory: idleDebug.memory as NodeJS.MemoryUsage } : {}),
      packages: idleDebug?.packages ?? [],
      builtins: idleDebug?.builtins ?? [],
      peak,
      rested,
      ...(restedDebug ? { restedMemory: restedDebug.memory as NodeJS.MemoryUsage } : {}),
    };
  } finally {
    await service?.stop();
    await center.receiver.close();
    await rm(base, { recursive: true, force: true });
  }
}

export async function run(
  opts: {
    burst?: number;
    restSeconds?: number;
    settleSeconds?: number;
    build?: boolean;
    unitOnly?: boolean;
    env?: Record<string, string>;
    extraFlags?: string[];
  } = {},
): Promise<BenchResult> {
  const o = { burst: opts.burst ?? 1000, settleSeconds: opts.settleSeconds ?? 20, restSeconds: opts.restSeconds ?? 60, ...(opts.env ? { env: opts.env } : {}) };
  if (opts.build !== false) await buildService();
  // The command line too runs from the bundle (activatedMachine's processes inherit this environment).
  const bundled = process.env.EXPRESS_REPORT_BUNDLED;
  process.env.EXPRESS_REPORT_BUNDLED = '1';
  try {
    const bare = await bareNodeKiB();
    const ratio = (v: number) => Math.round((v / bare) * 100) / 100;
    const flags = [...(await unitNodeFlags()), ...(opts.extraFlags ?? [])];
    console.log(`load average: ${(await readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).join(' ')}`);
    console.log(`bare node (baseline): ${MiB(bare)} MiB resident`);
    const figures: BenchFigure[] = [{ name: 'bare node, resident', value: MiB(bare), unit: 'MiB' }];
    const variants: (readonly [string, readonly string[]])[] = [
      ['node defaults', []],
      [`the unit's ${flags.join(' ')}`, flags],
    ];
    for (const [label, f] of opts.unitOnly ? variants.slice(1) : variants) {
      const m = await measure([...f], o);
      const heap = MiB((m.idleMemory?.heapUsed ?? 0) / 1024);
      console.log(`service (bundle, HTTPS route), ${label}:`);
      console.log(`  idle ${o.settleSeconds} s after its start: ${MiB(m.idle)} MiB resident (${ratio(m.idle)}x bare node), heapUsed ${heap} MiB`);
      console.log(`  memoryUsage at idle: ${JSON.stringify(m.idleMemory)}`);
      console.log(`  packages loaded at idle: ${m.packages.join(', ') || '(none)'}`);
      console.log(`  node's modules loaded at idle: ${m.builtins.join(', ')}`);
      console.log(
        `  after a burst of ${o.burst} reports (all delivered): ${MiB(m.peak)} MiB; after ${o.restSeconds} s of rest: ${MiB(m.rested)} MiB (${ratio(m.rested)}x)`,
      );
      console.log(`  memoryUsage after the rest: ${JSON.stringify(m.restedMemory)}`);
      figures.push(
        { name: `idle service, resident (${label})`, value: MiB(m.idle), unit: 'MiB', baseline: MiB(bare), ratio: ratio(m.idle), goal: '≤ 50 MiB' },
        { name: `idle service heapUsed (${label})`, value: heap, unit: 'MiB' },
        { name: `after ${o.burst} reports (${label})`, value: MiB(m.peak), unit: 'MiB', baseline: MiB(bare), ratio: ratio(m.peak) },
        {
          name: `after ${o.burst} reports + ${o.restSeconds} s rest (${label})`,
          value: MiB(m.rested),
          unit: 'MiB',
          baseline: MiB(bare),
          ratio: ratio(m.rested),
          goal: '≤ 55 MiB',
        },
      );
    }
    return { figures };
  } finally {
    if (bundled === undefined) delete process.env.EXPRESS_REPORT_BUNDLED;
    else process.env.EXPRESS_REPORT_BUNDLED = bundled;
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  await run({ burst: Number(process.env.BURST ?? 1000), restSeconds: Number(process.env.REST_SECONDS ?? 60) });
