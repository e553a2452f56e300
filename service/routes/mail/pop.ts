/**
 * POP before SMTP (docs/design.md section 8.2): log in to the POP server (USER/PASS) and QUIT, so the SMTP server (which trusts the
 * address that just logged in) relays the report. The POP3 protocol is node-pop3's; timeouts and the abort signal are
 * ours, because node-pop3 leaves a command waiting for ever when its socket times out after the greeting.
 */
import Pop3Command from 'node-pop3';
import { problem, type Problem } from '../../../shared/messages/problem.js';
import { brokenProblem, oneLine, POP_PEER, timeoutProblem, type Failed } from './smtp-errors.js';

export interface PopTarget {
  host: string;
  port: number;
  user: string;
  password: string;
  timeoutMs: number;
}

/** node-pop3's errors: a `-ERR` line (its text after "-ERR "), a socket error, or the connection ending. */
interface PopError extends Error {
  eventName?: string;
  command?: string;
  code?: string;
}

class Stop extends Error {
  constructor(readonly why: 'timeout' | 'aborted') {
    super(why);
  }
}

type Step = 'connect' | 'greeting' | 'login';

/** Logs in and out; undefined when that worked. */
export async function popBeforeSmtp(t: PopTarget, signal: AbortSignal): Promise<Failed | undefined> {
  const server = `${t.host}:${t.port}`;
  const pop = new Pop3Command({ host: t.host, port: t.port, user: t.user, password: t.password });
  let step: Step = 'connect';
  let refuseGreeting: ((e: PopError) => void) | undefined;
  let failStep: ((e: PopError) => void) | undefined;
  // node-pop3 emits a -ERR as 'error' (a command also gets it); a -ERR greeting reaches only this listener, and without
  // one, an 'error' between commands would throw.
  pop.on('error', (e: PopError) => refuseGreeting?.(e));
  const guard = <T>(p: Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      refuseGreeting = step === 'login' ? undefined : reject;
      failStep = reject;
      const timer = setTimeout(() => reject(new Stop('timeout')), t.timeoutMs);
      const onAbort = (): void => reject(new Stop('aborted'));
      if (signal.aborted) onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      p.then(resolve, reject).finally(() => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
      });
    });
  const fail = (p: Problem, retry = true): Failed => ({ problem: p, retry });
  try {
    const connected = guard(pop.connect());
    // connect() resolves on the greeting: until the socket is up we are connecting, then waiting for the greeting.
    pop._socket?.once('connect', () => (step = step === 'connect' ? 'greeting' : step));
    // After the greeting node-pop3 drops a closed socket silently and the command waits for ever: fail the step now.
    pop._socket?.once('close', () => failStep?.(Object.assign(new Error('the server closed the connection'), { eventName: 'close' })));
    await connected;
    step = 'login';
    await guard(pop.command('USER', t.user));
    await guard(pop.command('PASS', t.password));
    await guard(pop.command('QUIT')).catch(() => undefined);
    return undefined;
  } catch (e) {
    if (e instanceof Stop) {
      if (e.why === 'aborted') return fail(problem('ER_2014', { peer: POP_PEER }));
      return fail(timeoutProblem(POP_PEER, server, t.timeoutMs / 1000, step));
    }
    const err = e as PopError;
    if (err.eventName === 'error' && err.command !== undefined) {
      // A -ERR line. To USER or PASS: the account or password is wrong (retried like SMTP authentication, docs/mail.md).
      const reply = oneLine(`-ERR ${err.message}`);
      if (step === 'login' && /^(USER|PASS)\b/.test(err.command))
        return fail(problem('ER_2203', { server, user: t.user, reply }, { field: 'mail.pop.password' }));
      return fail(problem('ER_2212', { server, reply }));
    }
    if (err.code !== undefined) return fail(problem('ER_2200', { peer: POP_PEER, server, reason: err.message }, { field: 'mail.pop.host' }));
    if (err.eventName === 'bad-server-response') return fail(problem('ER_2212', { server, reply: err.message }));
    return fail(brokenProblem(POP_PEER, server, err.message, step));
  } finally {
    pop._socket?.destroy();
  }
}
