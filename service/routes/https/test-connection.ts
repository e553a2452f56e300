/**
 * The connection test (like insights-client --test-connection): one SUCCESS / FAILURE line per check, in the order a
 * report travels: remote access, name resolution (of each center, or of the proxy when one is used, since the proxy
 * resolves the centers), the proxy (reachable, then CONNECT with our credentials per center), the TLS handshake and
 * one HTTP request per center. A center's later checks are skipped once one fails: they could only fail the same way.
 */
import { lookup } from 'node:dns/promises';
import { connect } from 'node:net';
import { type Config } from '../../../shared/config/model.js';
import { problem, type Problem } from '../../../shared/messages/problem.js';
import { text, type Lang, type LocalizedText } from '../../../shared/messages/text.js';
import { packageVersion } from '../../app-paths.js';
import { dialUp, type RemoteAccessOptions } from '../remote-access.js';
import { classifyError, replySnippet, statusReply } from './classify.js';
import { exchange, type Exchange } from './exchange.js';
import { destinationsFor, hostPort, proxyPeer, transportFrom, type Destination, type ProxyConfig, type Transport } from './transport.js';

export type CheckKind = 'config' | 'remote' | 'resolve' | 'proxy' | 'proxy-connect' | 'tls' | 'http';

export interface ConnectionCheck {
  check: CheckKind;
  /** What was checked: a host, host:port or URL. */
  target: string;
  ok: boolean;
  /** One line, the peer's own words (addresses, certificate, status); for a failure the problem's English text. */
  detail: string;
  problem?: Problem;
}

export interface TestConnectionOptions {
  remote?: RemoteAccessOptions;
  signal?: AbortSignal;
  version?: string;
}

const LABELS: Record<CheckKind, LocalizedText> = {
  config: text('設定', 'configuration'),
  remote: text('リモートアクセス', 'remote access'),
  resolve: text('名前解決', 'name resolution'),
  proxy: text('プロキシサーバへの接続', 'proxy reachable'),
  'proxy-connect': text('プロキシ経由の接続 (CONNECT)', 'proxy CONNECT'),
  tls: text('TLS 接続', 'TLS connection'),
  http: text('HTTP 要求', 'HTTP request'),
};

/** `SUCCESS  name resolution  center.example.jp: 192.0.2.1` (the two words stay English in both languages, for grep). */
export function formatCheck(c: ConnectionCheck, lang: Lang): string {
  const what = c.problem ? `${c.problem.code} ${c.problem.message[lang]}` : c.detail;
  return `${c.ok ? 'SUCCESS' : 'FAILURE'}  ${LABELS[c.check][lang]}  ${c.target}: ${what}`;
}

const good = (check: CheckKind, target: string, detail: string): ConnectionCheck => ({ check, target, ok: true, detail });
const bad = (check: CheckKind, target: string, p: Problem): ConnectionCheck => ({ check, target, ok: false, detail: p.message.en, problem: p });

/** Reachable means the endpoint exists: 2xx/3xx, or 405 (it takes only the POST of a report). */
export const reachableStatus = (status: number): boolean => status < 400 || status === 405;

async function resolveCheck(peer: LocalizedText, host: string, port: number): Promise<ConnectionCheck> {
  try {
    const found = await lookup(host, { all: true });
    return good('resolve', host, found.map((a) => a.address).join(', '));
  } catch (e) {
    return bad('resolve', host, classifyError(e as Error, { peer, host, authority: hostPort(host, port) }).problem);
  }
}

function reachProxy(p: ProxyConfig, timeoutMs: number): Promise<ConnectionCheck> {
  const target = hostPort(p.host, p.port);
  return new Promise((resolve) => {
    const s = connect({ host: p.host, port: p.port, timeout: timeoutMs });
    s.once('connect', () => {
      resolve(good('proxy', target, `accepts connections (${s.remoteAddress ?? ''})`));
      s.destroy();
    });
    s.once('timeout', () => {
      resolve(bad('proxy', target, problem('ER_2003', { peer: proxyPeer(p), seconds: timeoutMs / 1000, phase: text('接続中', 'while connecting') })));
      s.destroy();
    });
    s.once('error', (e) => resolve(bad('proxy', target, classifyError(e, { peer: proxyPeer(p), host: p.host, authority: target }).problem)));
  });
}

/** The lines one HEAD request tells, up to the first failure. */
function linesOf(d: Destination, t: Transport, x: Exchange): ConnectionCheck[] {
  const out: ConnectionCheck[] = [];
  if (t.proxy) {
    if (x.proxy?.statusCode === 200) out.push(good('proxy-connect', d.authority, statusReply(200, x.proxy.statusText)));
    else if (!x.ok) return [...out, bad('proxy-connect', d.authority, x.problem)];
  }
  if (x.tls) out.push(good('tls', d.authority, `${x.tls.protocol}, ${x.tls.subject} (issuer ${x.tls.issuer}; valid to ${x.tls.validTo})`));
  else if (!x.ok) return [...out, bad('tls', d.authority, x.problem)];
  if (!x.ok) return [...out, bad('http', d.url.href, x.problem)];
  const reply = statusReply(x.status, x.statusText);
  if (reachableStatus(x.status)) return [...out, good('http', d.url.href, `HEAD ${reply}`)];
  return [
    ...out,
    bad(
      'http',
      d.url.href,
      problem('ER_2008', { peer: d.peer, reply: statusReply(x.status, x.statusText, [replySnippet(x.body, x.headers['content-type'])]) }),
    ),
  ];
}

export async function* testConnection(
  config: Config,
  openSecret: (sealed: string) => string,
  opts: TestConnectionOptions = {},
): AsyncIterable<ConnectionCheck> {
  const signal = opts.signal ?? new AbortController().signal;
  const made = transportFrom(config, openSecret, opts.version ?? packageVersion());
  if (!made.ok) return yield bad('config', made.problem.field ?? '', made.problem);
  const t = made.value;
  const list = destinationsFor(config);
  if (!list.ok) return yield bad('config', 'AMHTPADR.INF', list.problem);

  let hangUp: (() => Promise<void>) | undefined;
  if (config.settings['remote.use']) {
    const line = await dialUp(config.settings, openSecret, opts.remote);
    if (!line.ok) return yield bad('remote', config.settings['remote.entry'], line.problem);
    yield good('remote', config.settings['remote.entry'], 'connected');
    hangUp = line.hangUp;
  }
  try {
    if (t.proxy) {
      const r = await resolveCheck(proxyPeer(t.proxy), t.proxy.host, t.proxy.port);
      yield r;
      if (!r.ok) return;
      const reach = await reachProxy(t.proxy, t.timeoutMs);
      yield reach;
      if (!reach.ok) return;
    }
    for (const d of list.value) {
      if (!d.ok) {
        yield bad('config', d.problem.field ?? '', d.problem);
        continue;
      }
      const dest = d.value;
      if (!t.proxy) {
        const r = await resolveCheck(dest.peer, dest.url.hostname.replace(/^\[|\]$/g, ''), Number(dest.url.port || 443));
        yield r;
        if (!r.ok) continue;
      }
      const x = await exchange(dest, t, { method: 'HEAD', headers: { 'User-Agent': t.userAgent, Accept: '*/*' } }, signal);
      yield* linesOf(dest, t, x);
    }
  } finally {
    await hangUp?.();
  }
}
