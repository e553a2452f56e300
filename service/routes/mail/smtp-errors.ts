/**
 * A failed SMTP step as a coded problem (docs/design.md section 8.6: timeout, server error, cannot connect, SMTP auth failed,
 * encryption not supported are told apart), with the server's own reply, and whether retrying can help. The rules are
 * in docs/mail.md ("Failures").
 */
import { problem, type Problem } from '../../../shared/messages/problem.js';
import { text, type LocalizedText } from '../../../shared/messages/text.js';
import { isVerifyError } from '../https/classify.js';
import { type Security, type SmtpError, type SmtpFailure, type SmtpPhase } from './smtp-session.js';

export type Failed = { problem: Problem; retry: boolean };

export const SMTP_PEER = text('メールサーバ(SMTP)', 'the mail server (SMTP)');
export const POP_PEER = text('POP サーバ', 'the POP server');

const PHASES: Record<SmtpPhase | 'login', LocalizedText> = {
  connect: text('接続', 'connecting'),
  greeting: text('サーバの応答(グリーティング)待ち', 'waiting for the greeting'),
  tls: text('TLS ハンドシェイク', 'the TLS handshake'),
  auth: text('認証', 'authentication'),
  data: text('メールの送信', 'sending the message'),
  login: text('ログイン', 'login'),
};

export const timeoutProblem = (peer: LocalizedText, server: string, seconds: number, phase: SmtpPhase | 'login'): Problem =>
  problem('ER_2201', { peer, server, seconds, phase: PHASES[phase] });

/** The connection broke off (closed, reset, a reply too large) at a step, named as a timeout names it. */
export const brokenProblem = (peer: LocalizedText, server: string, reason: string, phase: SmtpPhase | 'login'): Problem =>
  problem('ER_2209', { peer, server, reason, phase: PHASES[phase] });

const RESOLVE = /^(ENOTFOUND|EAI_AGAIN|EAI_FAIL|EAI_NONAME|EAI_NODATA)$/;
const CONNECT = /^(ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|EHOSTDOWN|ENETDOWN|EADDRNOTAVAIL|EACCES|EPERM)$/;
/** nodemailer reports a failed STARTTLS upgrade by message only ("Error initiating TLS - <OpenSSL's reason>"). */
const VERIFY_TEXT = /certificate|self[- ]signed|unable to verify|altname|Hostname\/IP does not match/i;
const HANDSHAKE = /^(ERR_SSL_|ERR_TLS_|EPROTO$)/;

/** The reply on one line (a multi-line reply is joined), as the server wrote it. */
export const oneLine = (reply: string): string =>
  reply
    .replace(/\s*\r?\n\s*/g, ' / ')
    .trim()
    .slice(0, 300);

const SECURITY: Record<Security, string> = { none: 'none', starttls: 'STARTTLS', tls: 'SSL/TLS' };

/** What the refused command was: the envelope's command, or the greeting / EHLO. */
function commandOf(e: SmtpError): LocalizedText | string {
  if (!e.command || e.command === 'CONN') return text('接続(グリーティング)', 'the connection (greeting)');
  return e.command;
}

export interface SmtpAt {
  /** host:port */
  server: string;
  security: Security;
  timeoutSeconds: number;
}

export function smtpProblem(f: SmtpFailure, at: SmtpAt): Failed {
  const e = f.error;
  const { server } = at;
  const sys = e.originalCode ?? '';
  const reason = e.message;
  if (f.aborted) return { problem: problem('ER_2014', { peer: SMTP_PEER }), retry: true };
  if (e.code === 'ETIMEDOUT') return { problem: timeoutProblem(SMTP_PEER, server, at.timeoutSeconds, f.phase), retry: true };
  // A reset while connecting cannot reach the server; a reset later is a broken session (ER_2209 below).
  if (e.code === 'EDNS' || RESOLVE.test(sys) || CONNECT.test(sys) || (sys === 'ECONNRESET' && f.phase === 'connect')) {
    return { problem: problem('ER_2200', { peer: SMTP_PEER, server, reason }, { field: 'mail.smtp.host' }), retry: true };
  }
  if (isVerifyError(Object.assign(new Error(reason), { code: sys })) || (e.code === 'ETLS' && !e.response && VERIFY_TEXT.test(reason))) {
    return { problem: problem('ER_2207', { server, reason, code: sys || 'TLS' }, { field: 'mail.smtp.security' }), retry: true };
  }
  if (e.code === 'ETLS' || HANDSHAKE.test(sys)) {
    // STARTTLS refused (its reply, e.g. "502 5.5.1 Unrecognized command"), or the handshake itself failed.
    const why = e.response ? `STARTTLS: ${oneLine(e.response)}` : reason;
    return { problem: problem('ER_2206', { server, security: SECURITY[at.security], reason: why }, { field: 'mail.smtp.security' }), retry: true };
  }
  if (e.code === 'EAUTH') return { problem: problem('ER_2204', { server, method: '-', user: '-', reply: oneLine(e.response ?? reason) }), retry: true };
  if (e.message === 'Message size larger than allowed' || (e.code === 'EMESSAGE' && !e.response && /size/i.test(reason))) {
    // nodemailer refused before sending: the server's SIZE limit is below our part size; retrying cannot change that.
    return { problem: problem('ER_2202', { server, command: 'SIZE', reply: reason }), retry: false };
  }
  if (e.response && e.responseCode) {
    // A 5xx to MAIL FROM, RCPT TO or DATA refuses this message for good (RFC 5321 4.2.1); anything else may pass later.
    // Except policy refusals (530, enhanced status 5.7.x: authentication required, relay denied): they follow from the
    // settings here (SMTP auth off, POP before SMTP's wait too short), which the user can fix while the report waits.
    const policy = e.responseCode === 530 || /\b5\.7\.\d{1,3}\b/.test(e.response);
    const permanent = e.responseCode >= 500 && !policy && /^(MAIL FROM|RCPT TO|DATA)$/.test(e.command ?? '');
    return { problem: problem('ER_2202', { server, command: commandOf(e), reply: oneLine(e.response) }), retry: !permanent };
  }
  return { problem: brokenProblem(SMTP_PEER, server, reason, f.phase), retry: true };
}
