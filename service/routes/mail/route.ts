/**
 * インターネットメール経由 (docs/design.md section 8.2): the report as one mail to the center's address (mail.to, set by activation),
 * through the customer's SMTP server. One attempt: remote access if set, POP before SMTP if set, then one SMTP session
 * (authentication if set) carrying the message, or its message/partial parts. Format and failures: docs/mail.md.
 */
import { type Readable } from 'node:stream';
import { problem } from '../../../shared/messages/problem.js';
import { type Report } from '../../../shared/report/model.js';
import { type Settings } from '../../../shared/settings/schema.js';
import { dialUp, type RemoteAccessOptions } from '../remote-access.js';
import { type Outcome, type Route, type RouteContext, type RouteDeps } from '../route.js';
import { smimeEntity } from '../smime.js';
import { authenticate } from './auth.js';
import { composeReport, headerFields } from './compose.js';
import { popBeforeSmtp } from './pop.js';
import { oneLine, smtpProblem, type Failed, type SmtpAt } from './smtp-errors.js';
import { SmtpFailure, SmtpSession, type SmtpTarget } from './smtp-session.js';
import { splitMessage } from './split.js';

export interface MailRouteOptions extends RouteDeps {
  /** Remote access: the command runner (a fake in tests), platform and dial timeout. */
  remote?: RemoteAccessOptions;
  /** Trusted CAs for the SMTP server's certificate, replacing Node's default store: tests only. */
  ca?: string | string[];
  /** The EHLO name; this machine's host name by default. */
  clientName?: string;
}

const failed = (f: Failed): Outcome => ({ ok: false, ...f });

/** Both at once, so the outer headers and each part repeat what a mail reader lists. */
const OUTER = ['From', 'To', 'Subject', 'Date', 'Message-ID', 'X-Report-Id'];

async function readAll(make: () => Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of make()) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string));
  return Buffer.concat(chunks);
}

const pause = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (ms <= 0 || signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });

export class MailRoute implements Route {
  readonly name = 'mail';

  constructor(private readonly opts: MailRouteOptions = {}) {}

  async send(report: Report, ctx: RouteContext): Promise<Outcome> {
    const s = ctx.config.settings;
    // Configuration mistakes stay until someone fixes them: the delivery loop shows them at once (retry: false).
    if (s['mail.to'].trim() === '') return failed({ problem: problem('ER_2211', {}, { field: 'mail.to' }), retry: false });
    const secrets = this.secrets(s, ctx);
    if (!secrets.ok) return failed(secrets);
    const built = await this.build(report, s);
    if (!built.ok) return failed(built);

    let hangUp: (() => Promise<void>) | undefined;
    if (s['remote.use']) {
      const line = await dialUp(s, ctx.openSecret, this.opts.remote, ctx.signal);
      // A password that cannot be opened (ER_1006) stays so until someone sets it again: not retried.
      if (!line.ok) return failed({ problem: line.problem, retry: line.problem.code !== 'ER_1006' });
      hangUp = line.hangUp;
    }
    try {
      const timeoutMs = s['mail.timeoutSeconds'] * 1000;
      if (s['mail.pop.use']) {
        const pop = await popBeforeSmtp(
          { host: s['mail.pop.host'], port: s['mail.pop.port'], user: s['mail.pop.user'], password: secrets.pop, timeoutMs },
          ctx.signal,
        );
        if (pop) return failed(pop);
        await pause(s['mail.pop.waitMs'], ctx.signal);
      }
      return await this.smtp(built.parts, s, secrets.smtp, ctx.signal);
    } finally {
      await hangUp?.();
    }
  }

  private secrets(s: Settings, ctx: RouteContext): { ok: true; smtp: string; pop: string } | ({ ok: false } & Failed) {
    const open = (key: 'mail.auth.password' | 'mail.pop.password', use: boolean): string => (use ? ctx.openSecret(s[key]) : '');
    let key: 'mail.auth.password' | 'mail.pop.password' = 'mail.auth.password';
    try {
      const smtp = open(key, s['mail.auth.use']);
      key = 'mail.pop.password';
      return { ok: true, smtp, pop: open(key, s['mail.pop.use']) };
    } catch (e) {
      return { ok: false, retry: false, problem: problem('ER_1006', { reason: (e as Error).message }, { field: key }) };
    }
  }

  /** The message, S/MIME-enveloped when on, as the parts to send (one unless it is large). */
  private async build(report: Report, s: Settings): Promise<{ ok: true; parts: Buffer[] } | ({ ok: false } & Failed)> {
    let certificate: string | undefined;
    if (s['mail.smime']) {
      certificate = await this.opts.centerCertificate?.();
      if (certificate === undefined) return { ok: false, retry: false, problem: problem('ER_2208', {}, { field: 'mail.smime' }) };
    }
    let attachment: Buffer | undefined;
    const make = this.opts.attachmentFor?.(report);
    if (make) {
      try {
        attachment = await readAll(make);
      } catch (e) {
        return { ok: false, retry: true, problem: problem('ER_2015', { reason: (e as Error).message }) };
      }
    }
    let message = await composeReport(report, {
      from: s['mail.sender'],
      to: s['mail.to'],
      encoding: s['mail.encoding'],
      ...(attachment ? { attachment } : {}),
    });
    if (certificate !== undefined) {
      try {
        message = smimeEntity(message, certificate, headerFields(message, OUTER));
      } catch (e) {
        return { ok: false, retry: false, problem: problem('ER_2210', { reason: (e as Error).message }, { field: 'mail.smime' }) };
      }
    }
    return {
      ok: true,
      parts: splitMessage(
        report,
        message,
        headerFields(
          message,
          OUTER.filter((h) => h !== 'Message-ID'),
        ),
      ),
    };
  }

  private async smtp(parts: Buffer[], s: Settings, password: string, signal: AbortSignal): Promise<Outcome> {
    const target: SmtpTarget = {
      host: s['mail.smtp.host'],
      port: s['mail.smtp.port'],
      security: s['mail.smtp.security'],
      timeoutMs: s['mail.timeoutSeconds'] * 1000,
      ...(this.opts.ca !== undefined ? { ca: this.opts.ca } : {}),
      ...(this.opts.clientName !== undefined ? { clientName: this.opts.clientName } : {}),
    };
    const at: SmtpAt = { server: `${target.host}:${target.port}`, security: target.security, timeoutSeconds: s['mail.timeoutSeconds'] };
    let session: SmtpSession | undefined;
    try {
      session = await SmtpSession.open(target, signal);
      let method = '';
      if (s['mail.auth.use']) {
        const a = await authenticate(session, { user: s['mail.auth.user'], pass: password, checked: s['mail.auth.methods'] }, at);
        if (!a.ok) return failed(a);
        method = ` (${a.method})`;
      }
      let reply = '';
      // Each part is its own transaction; a failed part fails the attempt, and a retry sends every part again.
      for (const part of parts) reply = await session.send(s['mail.sender'], s['mail.to'], part);
      await session.quit();
      const count = parts.length > 1 ? `${parts.length} parts` : 'the report';
      return { ok: true, detail: `${at.server}${method} accepted ${count} for ${s['mail.to']}: ${oneLine(reply)}` };
    } catch (e) {
      if (e instanceof SmtpFailure) return failed(smtpProblem(e, at));
      throw e;
    } finally {
      session?.close();
    }
  }
}
