import { describe, expect, it } from 'vitest';
import { smtpProblem, type SmtpAt } from '../../../../../service/routes/mail/smtp-errors.js';
import { SmtpFailure, type SmtpError, type SmtpPhase } from '../../../../../service/routes/mail/smtp-session.js';

const at: SmtpAt = { server: 'smtp.foo.co.jp:25', security: 'none', timeoutSeconds: 60 };
const fail = (e: Partial<SmtpError> & { message: string }, phase: SmtpPhase = 'data') =>
  smtpProblem(new SmtpFailure(Object.assign(new Error(e.message), e), phase), at);

describe('SMTP failures as coded problems', () => {
  it('a name that does not resolve: cannot connect, naming the host', () => {
    const f = fail({ message: 'getaddrinfo ENOTFOUND smtp.foo.co.jp', code: 'EDNS', originalCode: 'ENOTFOUND' }, 'connect');
    expect([f.problem.code, f.retry, f.problem.field]).toEqual(['ER_2200', true, 'mail.smtp.host']);
    expect(f.problem.message.en).toBe(
      'Cannot connect to the mail server (SMTP) smtp.foo.co.jp:25: getaddrinfo ENOTFOUND smtp.foo.co.jp. Check the host name and the port.',
    );
  });
  it('a timeout names its phase, in both languages', () => {
    const f = fail({ message: 'Timeout', code: 'ETIMEDOUT', timeoutType: 'SOCKET_TIMEOUT' }, 'data');
    expect(f.problem.message).toEqual({
      ja: 'メールサーバ(SMTP) smtp.foo.co.jp:25 から 60 秒以内に応答がありません(メールの送信)。',
      en: 'No answer from the mail server (SMTP) smtp.foo.co.jp:25 within 60 s (sending the message).',
    });
  });
  it('5xx to DATA is permanent; 4xx to DATA and 5xx to EHLO are not', () => {
    expect(fail({ message: 'x', code: 'EMESSAGE', response: '552 5.3.4 Message size exceeds fixed limit', responseCode: 552, command: 'DATA' }).retry).toBe(
      false,
    );
    expect(fail({ message: 'x', code: 'EMESSAGE', response: '451 4.3.0 Try again', responseCode: 451, command: 'DATA' }).retry).toBe(true);
    expect(fail({ message: 'x', code: 'EPROTOCOL', response: '554 5.7.1 Go away', responseCode: 554, command: 'EHLO' }).retry).toBe(true);
  });
  it('a multi-line reply is kept on one line', () => {
    const f = fail({
      message: 'x',
      code: 'EENVELOPE',
      response: '550-5.7.1 Relaying denied\n550 5.7.1 see https://example.jp',
      responseCode: 550,
      command: 'RCPT TO',
    });
    expect(f.problem.message.en).toBe('The mail server (SMTP) smtp.foo.co.jp:25 refused RCPT TO: 550-5.7.1 Relaying denied / 550 5.7.1 see https://example.jp');
  });
  it('the connection breaking off without a reply', () => {
    const f = fail({ message: 'Connection closed unexpectedly', code: 'ECONNECTION' });
    expect([f.problem.code, f.retry]).toEqual(['ER_2209', true]);
  });
  it('policy refusals (530, 5.7.x: authentication required, relay denied) wait for the settings to be fixed; 5.1.x does not', () => {
    expect(
      fail({ message: 'x', code: 'EENVELOPE', response: '554 5.7.1 <center@example.jp>: Relay access denied', responseCode: 554, command: 'RCPT TO' }).retry,
    ).toBe(true);
    expect(fail({ message: 'x', code: 'EENVELOPE', response: '530 5.7.0 Authentication required', responseCode: 530, command: 'MAIL FROM' }).retry).toBe(true);
    expect(
      fail({ message: 'x', code: 'EENVELOPE', response: '550 5.1.1 <center@example.jp>: Recipient address rejected', responseCode: 550, command: 'RCPT TO' })
        .retry,
    ).toBe(false);
  });
  it('a reset while connecting is "cannot connect"; a reset mid-session is a broken session', () => {
    expect(fail({ message: 'read ECONNRESET', code: 'ESOCKET', originalCode: 'ECONNRESET' }, 'connect').problem.code).toBe('ER_2200');
    expect(fail({ message: 'read ECONNRESET', code: 'ESOCKET', originalCode: 'ECONNRESET' }, 'data').problem.code).toBe('ER_2209');
  });
  it("a message over the server's advertised SIZE is refused for good, saying so", () => {
    const f = fail({ message: 'Message size larger than allowed 1048576', code: 'EMESSAGE' });
    expect([f.problem.code, f.retry]).toEqual(['ER_2202', false]);
    expect(f.problem.message.en).toContain('SIZE');
  });
});
