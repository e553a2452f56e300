/**
 * A relay fleet on loopback for the soak test (docs/relay.md): a center that can be taken down (503) and records what
 * it accepted, a manager service process with its Express (HTTPS) relay on, and agents that report through it
 * (https.via = manager), each a machine of its own (folders, identity). A seeded random source says when things happen,
 * so a failing run can be repeated by its seed.
 */
import { createServer } from 'node:net';
import { join } from 'node:path';
import { activatedMachine, startCenter, type Center, type Machine } from './service-process.js';
import { type Received } from './peers/https-receiver.js';

export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const p = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return p;
}

/** mulberry32: a small seeded generator, uniform in [0, 1). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Identity {
  serverName: string;
  deviceCode: string;
  serialNumber: string;
}

export interface SoakCenter extends Center {
  /** While true every request is answered 503 (and not counted as accepted). */
  down: boolean;
  /** What the center answered 200, in order (a repeat of an id appears again), and when (ms since the epoch). */
  accepted: Array<{ id: string; kind: string; machine: Identity; at: number }>;
  /** When each request answered 503 came. */
  refused: number[];
}

const reportOf = (r: Received): { id: string; kind: string; machine: Identity } | undefined => {
  const rep = r.report as { id?: string; kind?: string; machine?: Identity } | undefined;
  return rep?.id && rep.kind && rep.machine ? { id: rep.id, kind: rep.kind, machine: rep.machine } : undefined;
};

export async function startSoakCenter(dir: string): Promise<SoakCenter> {
  const accepted: SoakCenter['accepted'] = [];
  const refused: number[] = [];
  const box: { self?: SoakCenter } = {};
  const center = await startCenter(dir, (r) => {
    if (box.self?.down) {
      refused.push(Date.now());
      return { status: 503, body: 'maintenance' };
    }
    const rep = reportOf(r);
    if (rep && rep.id === r.reportId) accepted.push({ ...rep, at: Date.now() });
    return { status: 200, body: '{"accepted":true}' };
  });
  box.self = Object.assign(center, { down: false, accepted, refused });
  return box.self;
}

/** Retries after the shortest interval the settings allow (1 min), the window all day (the default). */
const FAST_RETRY = ['schedule.retry.intervalMinutes', '1'];

/** The manager: configured for the center (its AMHTPADR.INF), the HTTPS relay on at `port`, forwarding by HTTPS. */
export function managerMachine(base: string, center: Center, port: number): Promise<Machine> {
  return activatedMachine(join(base, 'manager'), {
    url: center.receiver.url,
    caFile: center.caFile,
    identity: { serverName: 'MANAGER', deviceCode: 'N8100-2810', serial: 'M1' },
    settings: ['relay.https.enabled', 'on', 'relay.https.port', String(port), ...FAST_RETRY],
  });
}

export const agentIdentity = (n: number): Identity => ({ serverName: `AGENT${n}`, deviceCode: `N8100-281${n}`, serialNumber: `AG${n}` });

/**
 * Agent `n`: activated the honest way (its テスト通報 and 開局通報 go through the manager, which must be running), Express
 * (HTTPS) through the manager at 127.0.0.1:`port`, every event its own report (suppression off).
 */
export function agentMachine(base: string, center: Center, port: number, n: number): Promise<Machine> {
  const id = agentIdentity(n);
  return activatedMachine(join(base, `agent${n}`), {
    url: center.receiver.url,
    caFile: center.caFile,
    identity: { serverName: id.serverName, deviceCode: id.deviceCode, serial: id.serialNumber },
    state: 'active',
    settings: ['https.via', 'manager', 'https.manager.host', '127.0.0.1', 'https.manager.port', String(port), 'suppression.use', 'off', ...FAST_RETRY],
  });
}
