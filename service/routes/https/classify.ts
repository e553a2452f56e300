/**
 * Node's socket, DNS and TLS errors as coded problems. Each keeps the peer's own words (Node's / OpenSSL's reason and
 * code), because "could not send" alone sends the operator guessing (docs/design.md section 8.6).
 */
import { problem, type Problem } from '../../../shared/messages/problem.js';
import { type LocalizedText } from '../../../shared/messages/text.js';

export type Stage = 'resolve' | 'connect' | 'proxy' | 'tls-verify' | 'tls' | 'timeout' | 'broken' | 'cancelled' | 'attachment';

export interface Classified {
  stage: Stage;
  problem: Problem;
}

export interface ErrorPeer {
  peer: LocalizedText;
  host: string;
  /** host:port */
  authority: string;
}

const RESOLVE = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);
const CONNECT = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'EADDRNOTAVAIL', 'EACCES', 'EPERM']);
/** OpenSSL's X509_V_ERR_* names as Node reports them, and Node's own host-name check. */
const VERIFY =
  /^(UNABLE_TO_|CERT_|CRL_|DEPTH_ZERO_SELF_SIGNED|SELF_SIGNED_CERT|INVALID_CA|PATH_LENGTH_EXCEEDED|INVALID_PURPOSE|HOSTNAME_MISMATCH|ERROR_IN_C|ERR_TLS_CERT_ALTNAME_INVALID)/;
const HANDSHAKE = /^(ERR_SSL_|ERR_TLS_|EPROTO$)/;

const codeOf = (e: Error): string => (e as NodeJS.ErrnoException).code ?? '';

export function isVerifyError(e: Error): boolean {
  return VERIFY.test(codeOf(e));
}

/** A failure while reaching `at` (before it answered). */
export function classifyError(e: Error, at: ErrorPeer): Classified {
  const code = codeOf(e);
  const reason = e.message || code;
  if (RESOLVE.has(code)) return { stage: 'resolve', problem: problem('ER_2001', { peer: at.peer, host: at.host, reason }) };
  if (CONNECT.has(code)) return { stage: 'connect', problem: problem('ER_2002', { peer: at.peer, reason }) };
  if (VERIFY.test(code)) return { stage: 'tls-verify', problem: problem('ER_2004', { peer: at.peer, reason, code }, { field: 'https.caFile' }) };
  if (HANDSHAKE.test(code)) return { stage: 'tls', problem: problem('ER_2005', { peer: at.peer, reason }) };
  return { stage: 'broken', problem: problem('ER_2011', { peer: at.peer, reason }) };
}

/**
 * The first characters of a reply body on one line: enough to recognise a server's error page, never a flood.
 * An HTML page is read as text (title and words, not its DOCTYPE), so the 200 characters say something.
 */
export function replySnippet(body: Buffer, contentType?: string, max = 200): string {
  let s = body.toString('utf8');
  if (/html|xml/i.test(contentType ?? '') || /^\s*<(!doctype|\?xml|html)/i.test(s)) {
    s = s
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  }
  return s.replace(/\s+/g, ' ').trim().slice(0, max);
}

/** `407 Proxy Authentication Required: <body>` */
export function statusReply(status: number, statusText: string, extra: string[] = []): string {
  const head = `${status} ${statusText}`.trim();
  const rest = extra.filter((x) => x !== '');
  return rest.length === 0 ? head : `${head}: ${rest.join('; ')}`;
}
