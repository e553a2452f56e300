/**
 * What an HTTPS attempt needs from the configuration: the trusted CAs, the proxy (opened secrets), the timeout and the
 * destinations of AMHTPADR.INF. Shared by the HTTPS route and the connection test so both behave the same.
 */
import { readFileSync } from 'node:fs';
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';
import { isIP } from 'node:net';
import { type Config } from '../../../shared/config/model.js';
import { problem, type Problem } from '../../../shared/messages/problem.js';
import { text, type LocalizedText } from '../../../shared/messages/text.js';

export type Made<T> = { ok: true; value: T } | { ok: false; problem: Problem };

export interface ProxyConfig {
  host: string;
  port: number;
  /** '' = no Proxy-Authorization header. */
  user: string;
  password: string;
}

export interface Transport {
  /**
   * Node's bundled roots plus https.caFile (adding a private CA never drops the public ones), parsed once: building a
   * context from ~150 PEM roots per request cost tens of milliseconds and hundreds of MiB under a burst of reports.
   */
  secureContext: SecureContext;
  proxy?: ProxyConfig;
  timeoutMs: number;
  userAgent: string;
}

export type DestinationLabel = 'URL1' | 'URL2';

export interface Destination {
  label: DestinationLabel;
  url: URL;
  /** host:port as a CONNECT request and the messages name it. */
  authority: string;
  peer: LocalizedText;
}

/** A host as it goes into host:port (IPv6 in brackets). */
export const hostPort = (host: string, port: number): string => `${isIP(host) === 6 ? `[${host}]` : host}:${port}`;

export const proxyPeer = (p: ProxyConfig): LocalizedText => text(`プロキシサーバ ${hostPort(p.host, p.port)}`, `the proxy ${hostPort(p.host, p.port)}`);

const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

export function readCaFile(path: string): Made<string> {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (e) {
    return { ok: false, problem: problem('ER_1001', { path, reason: (e as Error).message }, { field: 'https.caFile' }) };
  }
  // An unreadable bundle would otherwise surface later as a confusing handshake error on every attempt.
  if (!PEM_CERT.test(pem)) return { ok: false, problem: problem('ER_2016', { path }, { field: 'https.caFile' }) };
  return { ok: true, value: pem };
}

const contexts = new Map<string, SecureContext>();

/** One TLS context per distinct extra CA (normally one for the life of the service). */
function contextFor(extraPem: string): SecureContext {
  let c = contexts.get(extraPem);
  if (!c) {
    c = createSecureContext({ ca: extraPem ? [...rootCertificates, extraPem] : [...rootCertificates] });
    if (contexts.size > 8) contexts.clear();
    contexts.set(extraPem, c);
  }
  return c;
}

export function transportFrom(config: Config, openSecret: (sealed: string) => string, version: string): Made<Transport> {
  const s = config.settings;
  let extra = '';
  if (s['https.caFile'] !== '') {
    const read = readCaFile(s['https.caFile']);
    if (!read.ok) return read;
    extra = read.value;
  }
  const t: Transport = { secureContext: contextFor(extra), timeoutMs: s['https.timeoutSeconds'] * 1000, userAgent: `express-report/${version}` };
  if (s['https.proxy.use']) {
    let password: string;
    try {
      password = openSecret(s['https.proxy.password']);
    } catch (e) {
      return { ok: false, problem: problem('ER_1006', { reason: (e as Error).message }, { field: 'https.proxy.password' }) };
    }
    t.proxy = { host: s['https.proxy.host'], port: s['https.proxy.port'], user: s['https.proxy.user'], password };
  }
  return { ok: true, value: t };
}

/** One destination, checked: https only (a report carries customer data, and TLS verification is never skipped). */
export function destination(label: DestinationLabel, raw: string): Made<Destination> {
  const bad = (reason: LocalizedText): Made<Destination> => ({
    ok: false,
    problem: problem('ER_2009', { label, url: raw, reason }, { field: `${label}.URL` }),
  });
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return bad(text('URL の形式ではありません', 'not a URL'));
  }
  if (url.protocol !== 'https:') return bad(text('https:// の URL だけ使用できます', 'only https:// URLs are used'));
  if (url.hostname === '') return bad(text('ホスト名がありません', 'it has no host'));
  if (url.username !== '' || url.password !== '') return bad(text('URL に利用者名やパスワードは含められません', 'it must not carry a user or password'));
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = url.port === '' ? 443 : Number(url.port);
  const authority = hostPort(host, port);
  return { ok: true, value: { label, url, authority, peer: text(`通報先 ${label}(${authority})`, `the center (${label}, ${authority})`) } };
}

/**
 * The destinations to try, in order. A test or activation notification names its target (the UI asks before trying the
 * secondary); anything else tries URL1, then URL2 when set.
 */
export function destinationsFor(config: Config, target?: 'primary' | 'secondary'): Made<Array<Made<Destination>>> {
  const adr = config.inf.adr;
  const url1 = adr?.url1 ?? '';
  const url2 = adr?.url2 ?? '';
  const none = (label: DestinationLabel) => ({ ok: false as const, problem: problem('ER_2010', { label }, { field: `${label}.URL` }) });
  if (target === 'secondary') return url2 === '' ? none('URL2') : { ok: true, value: [destination('URL2', url2)] };
  if (url1 === '') return none('URL1');
  const list = [destination('URL1', url1)];
  if (target !== 'primary' && url2 !== '') list.push(destination('URL2', url2));
  return { ok: true, value: list };
}
