/**
 * SMTP authentication (docs/design.md section 8.2): of the checked methods, try CRAM-MD5, then LOGIN, then PLAIN, skipping the ones
 * the server does not offer in EHLO.
 *
 * A refusal falls to the next checked method only when the server refused the *method* (504 not supported, 534 too
 * weak, 538 needs encryption): a 535 says the account or password is wrong, and the same password over LOGIN or
 * PLAIN would be refused again, only sent in a weaker form and counted once more towards an account lockout.
 */
import { problem } from '../../../shared/messages/problem.js';
import { text } from '../../../shared/messages/text.js';
import { oneLine, smtpProblem, type Failed, type SmtpAt } from './smtp-errors.js';
import { SmtpFailure, type SmtpSession } from './smtp-session.js';

export const PREFERENCE = ['CRAM-MD5', 'LOGIN', 'PLAIN'] as const;

/** The checked methods the server offers, in the order of preference. */
export function authPlan(checked: readonly string[], offered: readonly string[]): string[] {
  const on = new Set(checked.map((m) => m.toUpperCase()));
  const there = new Set(offered.map((m) => m.toUpperCase()));
  return PREFERENCE.filter((m) => on.has(m) && there.has(m));
}

/** RFC 4954: 504 unrecognised mechanism, 534 mechanism too weak, 538 encryption required for it. */
const METHOD_REFUSED = new Set([504, 534, 538]);

export interface Credentials {
  user: string;
  pass: string;
  checked: readonly string[];
}

/** The method that worked, or why none did. */
export async function authenticate(s: SmtpSession, c: Credentials, at: SmtpAt): Promise<{ ok: true; method: string } | ({ ok: false } & Failed)> {
  const offered = s.offered();
  const plan = authPlan(c.checked, offered);
  if (plan.length === 0) {
    const none = text('なし(EHLO に AUTH がありません)', 'none (no AUTH in the EHLO reply)');
    return {
      ok: false,
      retry: true,
      problem: problem(
        'ER_2205',
        { server: at.server, checked: c.checked.join(', ') || '-', offered: offered.length > 0 ? offered.join(' ') : none },
        { field: 'mail.auth.methods' },
      ),
    };
  }
  for (const [i, method] of plan.entries()) {
    try {
      await s.login(method, c.user, c.pass);
      return { ok: true, method };
    } catch (e) {
      if (!(e instanceof SmtpFailure)) throw e;
      const err = e.error;
      if (e.aborted || err.code !== 'EAUTH') return { ok: false, ...smtpProblem(e, at) };
      if (METHOD_REFUSED.has(err.responseCode ?? 0) && i < plan.length - 1) continue;
      // Retried: the password may be fixed meanwhile (every pass reads the settings again), and a 454 is temporary.
      return {
        ok: false,
        retry: true,
        problem: problem('ER_2204', { server: at.server, method, user: c.user, reply: oneLine(err.response ?? err.message) }, { field: 'mail.auth.password' }),
      };
    }
  }
  throw new Error('unreachable: the plan is not empty');
}
