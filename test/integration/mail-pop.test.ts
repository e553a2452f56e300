/**
 * POP before SMTP against Debian's dovecot (started here on loopback) and an SMTP server that, like the servers that
 * need it, admits a connection only after a POP login it has not yet used (read from dovecot's own log). A missing or
 * broken dovecot fails these tests (startDovecot throws); they never skip.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MailRoute } from '../../service/routes/mail/route.js';
import { type Outcome } from '../../service/routes/route.js';
import { type Settings } from '../../shared/settings/schema.js';
import { startDovecot, type Dovecot } from '../helpers/peers/dovecot-pop3.js';
import { closedPort } from '../helpers/peers/https-receiver.js';
import { routeContext, sampleReport } from '../helpers/peers/https-config.js';
import { mailConfig, startSmtpPeer, type SmtpPeer } from '../helpers/peers/smtp-server.js';
import { makeTestPki } from '../helpers/peers/test-ca.js';

const POP_USER = 'reporter';
const POP_PASSWORD = 'pop-S3cret';

let dovecot: Dovecot;
let smtp: SmtpPeer;
let admitted = 0;

beforeAll(async () => {
  dovecot = await startDovecot({ [POP_USER]: POP_PASSWORD });
  smtp = await startSmtpPeer({
    cert: makeTestPki().server,
    // Each SMTP session needs a fresh POP login, seen in dovecot's log before the session starts.
    gate: async () => {
      if ((await dovecot.logins(POP_USER)) > admitted) {
        admitted++;
        return undefined;
      }
      return { code: 554, message: 'POP before SMTP: log in to the POP server first' };
    },
  });
}, 30_000);
afterAll(async () => {
  await smtp?.close();
  await dovecot?.stop();
});

const failed = (o: Outcome) => {
  if (o.ok) throw new Error(`expected a failure, got: ${o.detail}`);
  return o;
};
const pop = (changes: Partial<Settings> = {}): Partial<Settings> => ({
  'mail.pop.use': true,
  'mail.pop.host': '127.0.0.1',
  'mail.pop.port': dovecot.port,
  'mail.pop.user': POP_USER,
  // dovecot logs through its log process: the wait (mail.pop.waitMs) is what lets a real server register the login too.
  'mail.pop.password': POP_PASSWORD,
  'mail.pop.waitMs': 500,
  ...changes,
});
const send = (changes: Partial<Settings>) => new MailRoute().send(sampleReport(), routeContext(mailConfig(smtp.port, changes)));

describe('POP before SMTP (dovecot)', () => {
  it('without the POP login, the SMTP server refuses (the gate works)', async () => {
    const before = smtp.connections.length;
    const o = failed(await send({}));
    expect(o.problem.code).toBe('ER_2202');
    expect(o.problem.message.en).toContain('refused the connection (greeting): 554 POP before SMTP: log in to the POP server first');
    expect(smtp.connections.slice(before)).toEqual(['refused']);
  });

  it('logs in to dovecot first, then the SMTP session is admitted and the report delivered', async () => {
    const logins = await dovecot.logins(POP_USER);
    const before = { connections: smtp.connections.length, received: smtp.received.length };
    const o = await send(pop());
    expect(o.ok, JSON.stringify(o)).toBe(true);
    expect(await dovecot.logins(POP_USER)).toBe(logins + 1);
    expect(smtp.connections.slice(before.connections)).toEqual(['admitted']);
    expect(smtp.received.length).toBe(before.received + 1);
    expect(await dovecot.log()).toMatch(/pop3\(reporter\).*Disconnected: Logged out/); // QUIT, not a dropped line
  });

  it("a wrong POP password: POP authentication failed with dovecot's -ERR line; SMTP is never contacted", async () => {
    const before = smtp.connections.length;
    const o = failed(await send(pop({ 'mail.pop.password': 'wrong' })));
    expect(o.problem.code).toBe('ER_2203');
    expect(o.problem.field).toBe('mail.pop.password');
    expect(o.problem.message.en).toBe(
      `The POP server 127.0.0.1:${dovecot.port} refused the login of ${POP_USER} (-ERR [AUTH] Authentication failed.). Check the POP account and password.`,
    );
    expect(o.problem.message.ja).toContain('-ERR [AUTH] Authentication failed.');
    expect(o.problem.message.en).not.toContain('wrong');
    expect(o.retry).toBe(true);
    expect(smtp.connections.length).toBe(before);
  });

  it('the POP server down: cannot connect to the POP server', async () => {
    const port = await closedPort();
    const o = failed(await send(pop({ 'mail.pop.port': port })));
    expect(o.problem.code).toBe('ER_2200');
    expect(o.problem.field).toBe('mail.pop.host');
    expect(o.problem.message.en).toContain(`Cannot connect to the POP server 127.0.0.1:${port}: connect ECONNREFUSED`);
  });
});
