/**
 * Issue 13: the manager relay under 1,000 agents at once. A real manager service process (`express-report service`,
 * relay.https on a free port, forwarding by HTTPS to a center on 127.0.0.1), and the agents in this process, each its
 * own TCP connection with one report and a 64 KiB attachment (bench/relay-agent.ts). Printed: the time until the last
 * ACK, ACKs/s, retryable NAKs, the manager's peak memory (VmHWM), reports per group commit (batches read back from
 * seen.log: one timestamp per batch), the time until the center has every report (forwarded/s) and the ids it got twice;
 * a 100-agent run as the baseline (time per report); the ACKs again with relay.maxConnections at a quarter of the agents
 * (refused with a retryable NAK, they retry). Then a kill -9 of the manager and a restart, once when about half are
 * ACKed and once when the center has about half: lost (ACKed, never at the center) and sent twice.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceClient } from '../shared/node/service-client.js';
import { activatedMachine, startCenter, startService, until, type Machine, type ServiceProcess } from '../test/helpers/service-process.js';
import { agentFrame, newTally, runAgent, type AgentTally } from './relay-agent.js';
import type { BenchResult } from './lib.js';

interface Figures {
  agents: number;
  lastAckS: number;
  tally: AgentTally;
  peakRssMiB: number[];
  batches: number;
  largestBatch: number;
  centerAllS: number | undefined;
  atCenter: number;
  twice: number;
  lost: number;
  /** ACKs the agents had when the manager was killed (0: no kill). */
  killedAt: number;
  ackOnly: boolean;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const p = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return p;
}

const peakRssNow = (pid: number): number => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function portOpen(m: Machine): Promise<boolean> {
  const c = await ServiceClient.connect(m.stateDir).catch(() => undefined);
  const s = await c?.status().catch(() => undefined);
  return s?.relay?.listeners.find((l) => l.kind === 'https')?.state === 'open';
}

async function startManager(m: Machine): Promise<ServiceProcess> {
  const svc = await startService(m, ['--no-os-events']);
  await until(
    () => portOpen(m),
    30_000,
    'the https receive port to open',
    () => svc.log(),
  );
  return svc;
}

/** Nothing left to forward: the spool has no waiting record and relay/received/ no frame. */
async function settled(m: Machine): Promise<boolean> {
  const spool = (await readdir(join(m.stateDir, 'spool')).catch(() => [] as string[])).filter((n) => n.endsWith('.json'));
  const frames = await readdir(join(m.stateDir, 'relay', 'received')).catch(() => [] as string[]);
  return spool.length === 0 && frames.length === 0;
}

/** Where the manager is killed (-9) and restarted: not at all, once half the agents have their ACK, or once the center has half. */
export type Kill = 'none' | 'acked' | 'forwarding';

/** `maxConnections`: relay.maxConnections below the agents, so some are refused (ER_2332) and retry; `ackOnly`: no wait for the center. */
export async function scenario(agents: number, kill: Kill, o: { maxConnections?: number; ackOnly?: boolean } = {}): Promise<Figures> {
  const base = await mkdtemp(join(tmpdir(), 'er-bench-relay-'));
  const seen = new Map<string, number>();
  let lastArrival = 0;
  let killNow = (): void => undefined;
  const center = await startCenter(base, (r) => {
    if (r.reportId) {
      seen.set(r.reportId, (seen.get(r.reportId) ?? 0) + 1);
      lastArrival = performance.now();
      // Before the 200 goes out: the manager dies not knowing the center has it (the window for a second copy).
      if (kill === 'forwarding' && seen.size >= agents / 2) killNow();
    }
    return { status: 200, body: '{"accepted":true}' };
  });
  const port = await freePort();
  const m = await activatedMachine(join(base, 'manager'), {
    url: center.receiver.url,
    caFile: center.caFile,
    settings: [
      ...['relay.https.enabled', 'true', 'relay.https.port', String(port)],
      ...(o.maxConnections ? ['relay.maxConnections', String(o.maxConnections)] : []),
    ],
  });
  let svc = await startManager(m);
  const peaks: number[] = [];
  try {
    const frames = Array.from({ length: agents }, (_, i) => agentFrame(i + 1));
    const tally = newTally();
    let restart: Promise<void> | undefined;
    let killedAt = 0;
    // Synchronously, in the tick that saw the count: the ACKs of one group commit arrive together.
    killNow = () => {
      if (restart) return;
      const dead = svc.child;
      peaks.push(peakRssNow(dead.pid!));
      dead.kill('SIGKILL');
      killedAt = kill === 'acked' ? tally.acked : seen.size;
      restart = (async () => {
        if (dead.exitCode === null && dead.signalCode === null) await new Promise((r) => dead.once('exit', r));
        svc = await startManager(m);
      })();
    };
    const onAck = (): void => {
      if (kill === 'acked' && tally.acked >= agents / 2) killNow();
    };
    const t0 = performance.now();
    const acks = await Promise.all(frames.map((f) => runAgent(port, f.frame, tally, onAck)));
    const lastAckS = (Math.max(...acks.map((t) => t ?? 0)) - t0) / 1000;
    const acked = frames.filter((_, i) => acks[i] !== undefined).map((f) => f.id);
    const all = (): boolean => acked.every((id) => seen.has(id));
    if (!o.ackOnly) await until(all, 180_000, 'every ACKed report at the center', () => svc.log()).catch(() => undefined);
    const centerAllS = all() ? (lastArrival - t0) / 1000 : undefined;
    await restart;
    // A report sent twice comes after its first copy: wait until the manager has nothing left to send.
    if (!o.ackOnly) await until(() => settled(m), 120_000, 'the manager to have nothing left to forward').catch(() => undefined);
    peaks.push(peakRssNow(svc.child.pid!));
    const seenLog = await readFile(join(m.stateDir, 'relay', 'seen.log'), 'utf8');
    const perBatch = new Map<string, number>();
    for (const at of seenLog
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split(' ')[1]!))
      perBatch.set(at, (perBatch.get(at) ?? 0) + 1);
    return {
      agents,
      lastAckS,
      tally,
      peakRssMiB: peaks,
      batches: perBatch.size,
      largestBatch: Math.max(0, ...perBatch.values()),
      centerAllS,
      atCenter: frames.filter((f) => seen.has(f.id)).length,
      twice: [...seen.values()].filter((n) => n > 1).length,
      lost: acked.filter((id) => !seen.has(id)).length,
      killedAt,
      ackOnly: o.ackOnly ?? false,
    };
  } finally {
    await svc.stop();
    await center.receiver.close();
    await rm(base, { recursive: true, force: true });
  }
}

const naks = (t: AgentTally): string => {
  const n = [...t.naks.values()].reduce((a, b) => a + b, 0);
  return `${n}${n ? ` (${[...t.naks].map(([c, k]) => `${c} ${k}`).join(', ')})` : ''}`;
};

export function print(label: string, f: Figures): void {
  const p = `relay ${label}:`;
  console.log(
    `${p} last ACK after ${f.lastAckS.toFixed(2)} s (${(f.tally.acked / f.lastAckS).toFixed(1)} ACKs/s, ${((f.lastAckS * 1000) / f.agents).toFixed(2)} ms per report), ` +
      `${f.tally.acked} ACKed, retryable NAKs ${naks(f.tally)}, connections broken ${f.tally.broken} (${f.tally.brokenAgents} agents retried), permanent NAKs ${f.tally.permanent}`,
  );
  console.log(
    `${p} ${f.batches} group commits (${(f.agents / Math.max(1, f.batches)).toFixed(1)} reports per folder fsync, the largest ${f.largestBatch}), manager peak RSS ${f.peakRssMiB.map((m) => `${m.toFixed(1)} MiB`).join(' / ')}`,
  );
  if (f.ackOnly) return;
  console.log(
    `${p} center has ${f.atCenter}/${f.agents}${f.centerAllS !== undefined ? ` after ${f.centerAllS.toFixed(2)} s (${(f.agents / f.centerAllS).toFixed(1)} forwarded/s)` : ' (not all within the wait)'}, ` +
      `lost ${f.lost}, sent twice ${f.twice}${f.killedAt ? ` (killed at ${f.killedAt})` : ''}`,
  );
}

export async function run(opts: { agents?: number; baseline?: number } = {}): Promise<BenchResult> {
  const agents = opts.agents ?? 1000;
  const baseline = opts.baseline ?? 100;
  const small = await scenario(baseline, 'none');
  print(`${baseline} agents (baseline)`, small);
  const big = await scenario(agents, 'none');
  print(`${agents} agents`, big);
  console.log(
    `relay ${agents} vs ${baseline} agents: time per report ${(big.lastAckS / agents / (small.lastAckS / baseline)).toFixed(2)}x` +
      (big.centerAllS && small.centerAllS ? `, forwarded per report ${(big.centerAllS / agents / (small.centerAllS / baseline)).toFixed(2)}x` : ''),
  );
  const limit = Math.floor(agents / 4);
  print(`${agents} agents, relay.maxConnections ${limit}`, await scenario(agents, 'none', { maxConnections: limit, ackOnly: true }));
  print(`${agents} agents, kill -9 at half ACKed`, await scenario(agents, 'acked'));
  print(`${agents} agents, kill -9 at half forwarded`, await scenario(agents, 'forwarding'));
  const perReport = (f: Figures, n: number): number => (f.lastAckS * 1000) / n;
  return {
    figures: [
      {
        name: `${agents} agents, time per report to ACK (baseline: ${baseline} agents)`,
        value: perReport(big, agents),
        unit: 'ms',
        baseline: perReport(small, baseline),
      },
    ],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) await run({ agents: Number(process.env.AGENTS ?? 1000), baseline: Number(process.env.BASELINE ?? 100) });
