/**
 * The manager relay under a soak (issue 13, docs/relay.md "Soak test"), every part its own process on loopback: one
 * manager service (Express (HTTPS) relay on, forwarding by HTTPS to a center) and five agent services (own folders,
 * own identity, https.via = manager). The agents' テスト通報 / 開局通報 reach the center through the manager with the
 * agent's identity; then 200 failure reports (40 per agent) while the manager is killed with SIGKILL at seeded random
 * moments and restarted, and the center answers 503 for a while. Every report reaches the center, each with its
 * agent's identity; a repeat can only come from a kill between the center's 200 and the manager's record of it.
 * The seed is printed; RELAY_SOAK_SEED=<seed> repeats a run's moments; RELAY_SOAK_KEEP=1 keeps the folders (logs).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceClient } from '../../shared/node/service-client.js';
import { startService, until, type Machine, type ServiceProcess } from '../helpers/service-process.js';
import { agentIdentity, agentMachine, freePort, managerMachine, seeded, startSoakCenter, type SoakCenter } from '../helpers/relay-fleet.js';

const AGENTS = 5;
const PER_AGENT = 40;
const SEED = Number(process.env.RELAY_SOAK_SEED ?? Date.now() % 2 ** 31);
const rand = seeded(SEED);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let base: string;
let center: SoakCenter;
let port: number;
let manager: Machine;
let managerSvc: ServiceProcess | undefined;
/** The manager's log lines over all its runs (a killed run's too). */
const managerLogs: string[] = [];
let agents: Machine[] = [];
const agentSvcs: ServiceProcess[] = [];

const managerLog = () => [...managerLogs, managerSvc?.log() ?? ''].join('\n--- restart ---\n');
const startManager = async () => {
  managerSvc = await startService(manager, ['--no-os-events']);
};

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'er-relay-soak-'));
  center = await startSoakCenter(base);
  port = await freePort();
  manager = await managerMachine(base, center, port);
  await startManager();
  // Each agent's activation sends its テスト通報 and 開局通報 through the running manager.
  agents = await Promise.all(Array.from({ length: AGENTS }, (_, i) => agentMachine(base, center, port, i + 1)));
  agentSvcs.push(...(await Promise.all(agents.map((a) => startService(a, ['--no-os-events'])))));
}, 180_000);

afterAll(async () => {
  await Promise.all(agentSvcs.map((s) => s.stop()));
  await managerSvc?.stop();
  await center?.receiver.close();
  if (process.env.RELAY_SOAK_KEEP) console.log(`relay soak: folders kept in ${base}`);
  else await rm(base, { recursive: true, force: true });
});

describe('the manager relay under a soak', () => {
  it("agents' test and activation notifications reach the center through the manager with the agent's identity", () => {
    for (let n = 1; n <= AGENTS; n++) {
      const mine = center.accepted.filter((r) => r.machine.serialNumber === agentIdentity(n).serialNumber);
      expect(mine.map((r) => r.kind).sort(), `agent ${n}`).toEqual(['activation', 'test']);
      for (const r of mine) expect(r.machine).toMatchObject(agentIdentity(n));
    }
    expect(center.accepted.filter((r) => r.machine.serverName === 'MANAGER')).toEqual([]); // the manager's own were not asked for
  });

  it('200 failure reports from 5 agents while the manager is killed -9 and the center is down: each arrives, none lost', async () => {
    const kills = 2 + Math.floor(rand() * 2);
    // Over the events (about 25 s) and the retries after them (agents and manager retry 60 s after a failure).
    const killAt: number[] = [];
    while (killAt.length < kills) {
      const t = 2_000 + Math.floor(rand() * 68_000);
      if (killAt.every((k) => Math.abs(k - t) >= 3_000)) killAt.push(t);
    }
    killAt.sort((a, b) => a - b);
    const downAt = 3_000 + Math.floor(rand() * 20_000);
    const downFor = 15_000 + Math.floor(rand() * 10_000);
    console.log(
      `relay soak: seed ${SEED} (RELAY_SOAK_SEED=${SEED} repeats it); kills at ${killAt.join(', ')} ms; center 503 from ${downAt} ms for ${downFor} ms`,
    );

    const before = new Set(center.accepted.map((r) => r.id));
    const clients = await Promise.all(agents.map((a) => ServiceClient.connect(a.stateDir)));
    const agentOf = new Map<string, number>();
    const t0 = Date.now();
    const at = (ms: number) => sleep(Math.max(0, t0 + ms - Date.now()));

    let posted = 0;
    const post = async () => {
      for (let i = 0; i < AGENTS * PER_AGENT; i++) {
        const n = i % AGENTS;
        const r = await clients[n]!.event({ source: 'atapi', id: '0xc0040006', message: `soak report ${i} of agent ${n + 1}` });
        if (r.result !== 'accepted') throw new Error(`event ${i} of agent ${n + 1}: ${JSON.stringify(r)}`);
        agentOf.set(r.reportId, n + 1);
        await sleep(100);
      }
      posted = Date.now() - t0;
    };
    const kill = async () => {
      for (const t of killAt) {
        await at(t);
        const svc = managerSvc!;
        const exited = new Promise((r) => svc.child.once('exit', r));
        svc.child.kill('SIGKILL');
        await exited;
        managerLogs.push(svc.log());
        await startManager();
      }
    };
    const outage = async () => {
      await at(downAt);
      center.down = true;
      await at(downAt + downFor);
      center.down = false;
    };
    await Promise.all([post(), kill(), outage()]);

    const ids = [...agentOf.keys()];
    expect(new Set(ids).size).toBe(AGENTS * PER_AGENT);
    const arrived = () => new Set(center.accepted.filter((r) => !before.has(r.id)).map((r) => r.id));
    await until(() => ids.every((id) => arrived().has(id)), 300_000, 'every report at the center', managerLog);
    const allIn = Date.now() - t0;
    // Nothing waits anywhere any more (so no later repeat can come), and the manager holds no frame.
    const pending = async (m: Machine) => (await (await ServiceClient.connect(m.stateDir)).status()).pending;
    await until(async () => (await Promise.all([manager, ...agents].map(pending))).every((p) => p === 0), 60_000, 'nothing pending', managerLog);
    await until(async () => (await readdir(join(manager.stateDir, 'relay', 'received'))).length === 0, 30_000, 'the stored frames removed', managerLog);

    const mine = center.accepted.filter((r) => !before.has(r.id));
    expect([...arrived()].sort()).toEqual([...ids].sort()); // exactly the 200, nothing else
    for (const r of mine) {
      expect(r.kind).toBe('failure');
      expect(r.machine, r.id).toMatchObject(agentIdentity(agentOf.get(r.id)!));
    }
    const repeats = mine.length - ids.length;
    // When the reports reached the manager's center: arrivals per 10 s since the first event (a figure, not asserted).
    const buckets = new Map<number, number>();
    for (const r of mine) buckets.set(Math.floor((r.at - t0) / 10_000), (buckets.get(Math.floor((r.at - t0) / 10_000)) ?? 0) + 1);
    const timeline = [...buckets]
      .sort(([a], [b]) => a - b)
      .map(([b, n]) => `${b * 10}s:${n}`)
      .join(' ');
    const refused = center.refused.map((t) => Math.round((t - t0) / 1000));
    console.log(`relay soak: arrivals per 10 s ${timeline}; 503 answers at ${refused.join(', ') || 'none'} s`);
    const expired = await Promise.all([manager, ...agents].map(async (m) => (await (await ServiceClient.connect(m.stateDir)).status()).expired));
    console.log(
      `relay soak: ${ids.length} reports from ${AGENTS} agents, ${kills} kills; events posted in ${posted} ms, all at the center after ${allIn} ms; ` +
        `${repeats} arrived more than once; ${center.refused.length} answered 503`,
    );
    expect(expired).toEqual(expired.map(() => 0));
    expect(repeats).toBeLessThanOrEqual(kills);
  }, 360_000);
});
