/**
 * The connection test for the way through a manager (`express-report test-connection` when express.route = manager,
 * or Express (HTTPS) with https.via = manager): per manager, name resolution, the TCP connection, then a probe frame
 * ("would you take a report now?") answered by the manager's ACK, or its NAK with the reason it would refuse
 * (relay disabled on that port, this agent's address not allowed, full). A manager's later checks are skipped once
 * one fails: they could only fail the same way. Nothing is sent to the center.
 */
import { lookup } from 'node:dns/promises';
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { type Config } from '../../../shared/config/model.js';
import { problem, type Problem } from '../../../shared/messages/problem.js';
import { text, type Lang, type LocalizedText } from '../../../shared/messages/text.js';
import { encodeFrame } from '../frame/codec.js';
import { problemOfNak } from '../frame/nak.js';
import { exchange } from './client.js';
import { hostPort, managersFor, type ManagerPeer, type RelayPort } from './peers.js';
import { MANAGER_TIMEOUTS, type ManagerTimeouts } from './timeouts.js';

export type ManagerCheckKind = 'config' | 'resolve' | 'tcp' | 'probe';

export interface ManagerCheck {
  check: ManagerCheckKind;
  /** What was checked: a host, host:port or a setting. */
  target: string;
  ok: boolean;
  /** One line: the addresses, the peer's answer; for a failure the problem's English text. */
  detail: string;
  problem?: Problem;
}

const LABELS: Record<ManagerCheckKind, LocalizedText> = {
  config: text('設定', 'configuration'),
  resolve: text('名前解決', 'name resolution'),
  tcp: text('マネージャへの接続 (TCP)', 'TCP connection to the manager'),
  probe: text('マネージャの受け付け確認 (probe)', 'manager takes reports (probe)'),
};

/** The same line as the HTTPS test's: `SUCCESS  TCP connection to the manager  mgr:31136: accepts connections`. */
export function formatManagerCheck(c: ManagerCheck, lang: Lang): string {
  const what = c.problem ? `${c.problem.code} ${c.problem.message[lang]}` : c.detail;
  return `${c.ok ? 'SUCCESS' : 'FAILURE'}  ${LABELS[c.check][lang]}  ${c.target}: ${what}`;
}

const good = (check: ManagerCheckKind, target: string, detail: string): ManagerCheck => ({ check, target, ok: true, detail });
const bad = (check: ManagerCheckKind, target: string, p: Problem): ManagerCheck => ({ check, target, ok: false, detail: p.message.en, problem: p });

/** Which relay the settings use, or undefined when the route does not go through a manager. */
export function relayPortOf(c: Config): RelayPort | undefined {
  const s = c.settings;
  if (s['express.route'] === 'manager') return 'express';
  if (s['express.route'] === 'https' && s['https.via'] === 'manager') return 'https';
  return undefined;
}

async function resolveCheck(peer: ManagerPeer): Promise<ManagerCheck> {
  try {
    const found = await lookup(peer.host, { all: true });
    return good('resolve', peer.host, found.map((a) => a.address).join(', '));
  } catch (e) {
    const reason = (e as Error).message || ((e as NodeJS.ErrnoException).code ?? 'error');
    return bad('resolve', peer.host, problem('ER_2300', { peer: peer.label, host: peer.host, reason }));
  }
}

function tcpCheck(peer: ManagerPeer, timeoutMs: number): Promise<ManagerCheck> {
  const target = hostPort(peer.host, peer.port);
  return new Promise((resolve) => {
    const s = connect({ host: peer.host, port: peer.port });
    const timer = setTimeout(() => {
      s.destroy();
      resolve(bad('tcp', target, problem('ER_2302', { peer: peer.label, seconds: timeoutMs / 1000 })));
    }, timeoutMs);
    s.once('connect', () => {
      clearTimeout(timer);
      resolve(good('tcp', target, `accepts connections (${s.remoteAddress ?? ''})`));
      s.destroy();
    });
    s.once('error', (e) => {
      clearTimeout(timer);
      resolve(bad('tcp', target, problem('ER_2301', { peer: peer.label, reason: e.message || ((e as NodeJS.ErrnoException).code ?? 'error') })));
    });
  });
}

async function probeCheck(peer: ManagerPeer, t: ManagerTimeouts, signal: AbortSignal): Promise<ManagerCheck> {
  const target = hostPort(peer.host, peer.port);
  const id = `probe-${randomUUID()}`;
  const x = await exchange(
    peer,
    (socket) => new Promise<void>((resolve, reject) => socket.write(encodeFrame({ type: 'probe', id }), (e) => (e ? reject(e) : resolve()))),
    { connectMs: t.connectMs, sendIdleMs: t.sendIdleMs, answerMs: t.answerMs, signal },
  );
  if (!x.ok) return bad('probe', target, x.problem);
  if (x.frame.id !== id)
    return bad('probe', target, problem('ER_2306', { peer: peer.label, reason: `${x.frame.type.toUpperCase()} for ${x.frame.id}, not ${id}` }));
  if (x.frame.type === 'ack') return good('probe', target, 'ACK: the manager would take a report now');
  const p = problemOfNak(x.frame.reason, x.frame.permanent);
  return bad('probe', target, { ...p, message: { ja: `${peer.label.ja.trim()}: ${p.message.ja}`, en: `${peer.label.en}: ${p.message.en}` } });
}

export async function* testManagerConnection(
  config: Config,
  opts: { signal?: AbortSignal; timeouts?: Partial<ManagerTimeouts> } = {},
): AsyncIterable<ManagerCheck> {
  const via = relayPortOf(config) ?? 'express';
  const t = { ...MANAGER_TIMEOUTS, ...opts.timeouts };
  const signal = opts.signal ?? new AbortController().signal;
  const managers = managersFor(config, via);
  if (!managers.ok) return yield bad('config', managers.problem.field ?? '', managers.problem);
  for (const peer of managers.peers) {
    const r = await resolveCheck(peer);
    yield r;
    if (!r.ok) continue;
    const tcp = await tcpCheck(peer, t.connectMs);
    yield tcp;
    if (!tcp.ok) continue;
    yield await probeCheck(peer, t, signal);
  }
}
