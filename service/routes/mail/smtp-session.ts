/**
 * One SMTP session over nodemailer's SMTPConnection (the protocol, STARTTLS, SASL and dot-stuffing are its job), with
 * promises, the abort signal, and what this route needs besides: the mechanisms the server offered in EHLO, and the
 * phase a failure happened in. Every failure rejects with a SmtpFailure (smtp-errors.ts makes it a coded problem).
 */
import { isIP } from 'node:net';
import SMTPConnection from 'nodemailer/lib/smtp-connection';

export type Security = 'none' | 'starttls' | 'tls';
export type SmtpPhase = 'connect' | 'greeting' | 'tls' | 'auth' | 'data';

export interface SmtpTarget {
  host: string;
  port: number;
  security: Security;
  /** Connection, greeting and inactivity timeout alike (mail.timeoutSeconds). */
  timeoutMs: number;
  /** Trusted CAs instead of Node's default store: for tests only (production: docs/mail.md, TLS). */
  ca?: string | string[];
  /** The EHLO name (nodemailer's default: this machine's host name). */
  clientName?: string;
}

/** The parts of nodemailer's error this route reads (NodemailerError in nodemailer's own types). */
export interface SmtpError extends Error {
  code?: string;
  /** The system error's code (ECONNREFUSED, ENOTFOUND, ...) kept under nodemailer's ESOCKET/EDNS. */
  originalCode?: string;
  /** The server's reply that caused it, e.g. `535 5.7.8 Error: authentication failed`. */
  response?: string;
  responseCode?: number;
  /** The command in flight: CONN, STARTTLS, AUTH PLAIN, MAIL FROM, RCPT TO, DATA. */
  command?: string;
  /** CONNECT_TIMEOUT, GREETING_TIMEOUT, UPGRADE_TIMEOUT or SOCKET_TIMEOUT. */
  timeoutType?: string;
}

export class SmtpFailure extends Error {
  constructor(
    readonly error: SmtpError,
    readonly phase: SmtpPhase,
    readonly aborted = false,
  ) {
    super(error.message);
  }
}

/** The SASL mechanisms of the EHLO reply's AUTH line(s) (`250-AUTH PLAIN LOGIN`, or the old `AUTH=LOGIN`), upper case. */
export function offeredMechanisms(ehlo: string): string[] {
  const found = new Set<string>();
  for (const line of ehlo.split(/\r?\n/)) {
    const m = /^\d{3}[ -]AUTH[ =](.*)$/i.exec(line.trim());
    if (m)
      m[1]!
        .split(/[\s=]+/)
        .filter(Boolean)
        .forEach((x) => found.add(x.toUpperCase()));
  }
  return [...found];
}

/** Client commands we watch (the verb only: an AUTH line may carry a credential). */
const VERBS = new Set(['EHLO', 'HELO', 'STARTTLS', 'AUTH', 'MAIL', 'RCPT', 'DATA', 'QUIT', 'RSET']);

export class SmtpSession {
  /** The commands sent and not answered yet, oldest first (several at once when nodemailer pipelines). */
  private readonly unanswered: string[] = [];
  private dataAccepted = false;
  /** Set when the server's replies are out of step with our commands: the session is given up. */
  private outOfStep: SmtpError | undefined;
  private ehlo = '';
  private phase: SmtpPhase = 'connect';
  private failure: SmtpError | undefined;
  private readonly conn: SMTPConnection;

  private constructor(
    t: SmtpTarget,
    private readonly signal: AbortSignal,
  ) {
    this.conn = new SMTPConnection({
      host: t.host,
      port: t.port,
      secure: t.security === 'tls',
      requireTLS: t.security === 'starttls',
      // 'none' means none: a server's STARTTLS offer is not taken up, so a broken one cannot fail the attempt.
      ignoreTLS: t.security === 'none',
      connectionTimeout: t.timeoutMs,
      greetingTimeout: t.timeoutMs,
      socketTimeout: t.timeoutMs,
      dnsTimeout: t.timeoutMs,
      // A rejected QUIT or a slow FIN must not hold the attempt.
      socketCloseTimeout: 1000,
      ...(t.clientName !== undefined ? { name: t.clientName } : {}),
      // SNI by name only: Node warns (DEP0123) on an IP address as the server name, and checks the IP without it.
      tls: { ...(t.ca !== undefined ? { ca: t.ca } : {}), ...(isIP(t.host) === 0 ? { servername: t.host } : {}) },
      // Only to learn the EHLO reply and the command in flight (transactionLog passes commands and replies, never the
      // message); nodemailer masks credentials in it, and we keep nothing but verbs and the EHLO reply.
      transactionLog: true,
      logger: { debug: (entry: { tnx?: string }, message: unknown) => this.watch(entry, message) },
    });
    // The failure is also given to the callback in flight (or, while connecting, only here): keep it for whichever.
    this.conn.on('error', (e: SmtpError) => (this.failure ??= e));
  }

  /** Connects, reads the greeting, says EHLO and, as the security setting says, takes up STARTTLS. */
  static async open(t: SmtpTarget, signal: AbortSignal): Promise<SmtpSession> {
    const s = new SmtpSession(t, signal);
    await s.op<void>('connect', (done) => s.conn.connect((e) => done(e ?? null)));
    return s;
  }

  /** What the server offers after EHLO (after STARTTLS, the second EHLO's). */
  offered(): string[] {
    return offeredMechanisms(this.ehlo);
  }

  async login(method: string, user: string, pass: string): Promise<void> {
    await this.op<boolean | undefined>('auth', (done) => this.conn.login({ method, user, pass }, (e, ok) => done(e, ok)));
  }

  /** One SMTP transaction (MAIL FROM, RCPT TO, DATA); the server's final reply, e.g. `250 OK: queued as ...`. */
  async send(from: string, to: string, message: Buffer): Promise<string> {
    const info = await this.op<SMTPConnection.SentMessageInfo>('data', (done) =>
      this.conn.send({ from, to: [to], size: message.length }, message, (e, i) => done(e, i)),
    );
    return info.response;
  }

  /** QUIT, waiting a moment for the server to close (the report is delivered by then: nothing depends on the reply). */
  async quit(): Promise<void> {
    if (this.conn.destroyed) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 1000);
      this.conn.once('end', () => {
        clearTimeout(timer);
        resolve();
      });
      this.conn.quit();
    });
  }

  close(): void {
    this.conn.close();
  }

  private watch(entry: { tnx?: string }, message: unknown): void {
    if (typeof message !== 'string') return;
    if (entry.tnx === 'client') {
      const verb = message.split(' ', 1)[0]!.toUpperCase();
      this.unanswered.push(VERBS.has(verb) ? verb : 'LINE');
      if (verb === 'STARTTLS') this.phase = 'tls';
    } else if (entry.tnx === 'server') {
      // Logged before nodemailer hands the reply to the command waiting for it: this is the reply that command gets.
      const answers = this.unanswered.shift() ?? (this.dataAccepted ? 'MESSAGE' : 'GREETING');
      if (answers === 'EHLO' || answers === 'HELO') this.ehlo = message;
      if (answers === 'DATA') this.dataAccepted = /^354/.test(message);
      if (this.outOfStep || answers === 'MESSAGE' || answers === 'QUIT') return;
      // A server out of step with our commands (one reply too many) has each later reply taken as the answer of the
      // command after: the message could be sent on the RCPT reply, and the server's 250 for it be read as the answer
      // of nothing, so a message it took would be reported failed and sent again. Stop before the message is sent.
      const shown = `"${message.replace(/\s*\r?\n\s*/g, ' / ').slice(0, 200)}"`;
      // RFC 5321 4.3.2: DATA is answered 354 (or refused); nodemailer also takes a 2xx, which here is an earlier answer.
      if (answers === 'DATA' && /^[23]/.test(message) && !this.dataAccepted) this.giveUp(`the server answered DATA with ${shown}, not 354`);
      // Without pipelining one reply answers one command: a line queued behind it (same chunk) was asked by no one.
      else if (this.unanswered.length === 0 && this.queuedReplies() > 0) this.giveUp(`the server sent more than its answer to ${answers} (${shown})`);
    }
  }

  /** Complete or partial replies nodemailer has received and not yet handed out (empty lines it skips are not counted). */
  private queuedReplies(): number {
    // nodemailer's own queue (not in its types); if a version renames it, this check is off, and the regression test fails.
    const queue = (this.conn as unknown as { _responseQueue?: unknown[] })._responseQueue ?? [];
    return queue.filter((r) => String(r).trim() !== '').length;
  }

  private giveUp(why: string): void {
    this.outOfStep = Object.assign(new Error(`${why}: its replies are out of step with the commands, so the message was not sent`), {
      code: 'EPROTOCOL',
    });
    this.conn.close();
  }

  /** Where a timeout struck: nodemailer names the connect/greeting/TLS timers; an idle socket is in our phase. */
  private phaseOf(e: SmtpError, phase: SmtpPhase): SmtpPhase {
    if (e.timeoutType === 'CONNECT_TIMEOUT') return 'connect';
    if (e.timeoutType === 'GREETING_TIMEOUT') return 'greeting';
    if (e.timeoutType === 'UPGRADE_TIMEOUT' || e.command === 'STARTTLS') return 'tls';
    // Connected (the connect timer is over): waiting for the greeting or the EHLO reply.
    return phase === 'connect' ? 'greeting' : phase;
  }

  /** Runs one step; settles on its callback, on a connection error or close, or on the abort signal. */
  private op<T>(phase: SmtpPhase, start: (done: (e: SmtpError | null | undefined, v?: T) => void) => void): Promise<T> {
    this.phase = phase;
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const finish = (e: SmtpError | null | undefined, v?: T, aborted = false): void => {
        if (settled) return;
        settled = true;
        this.conn.removeListener('error', onError);
        this.conn.removeListener('end', onEnd);
        this.signal.removeEventListener('abort', onAbort);
        if (this.outOfStep && !aborted) reject(new SmtpFailure(this.outOfStep, this.phase === 'connect' ? 'greeting' : this.phase));
        else if (e) reject(new SmtpFailure(e, aborted ? this.phase : this.phaseOf(e, this.phase), aborted));
        else resolve(v as T);
      };
      const onError = (e: SmtpError): void => finish(e);
      const onEnd = (): void => finish(this.failure ?? Object.assign(new Error('Connection closed'), { code: 'ECONNECTION' }));
      const onAbort = (): void => {
        finish(Object.assign(new Error('aborted'), { code: 'EABORT' }), undefined, true);
        this.conn.close();
      };
      if (this.signal.aborted) return onAbort();
      this.conn.on('error', onError);
      this.conn.once('end', onEnd);
      this.signal.addEventListener('abort', onAbort, { once: true });
      start((e, v) => finish(e, v));
    });
  }
}
