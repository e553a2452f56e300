/**
 * The mail route against a real SMTP server on loopback (smtp-server): the message as received (parsed by Python's
 * email package), SMTP authentication's choice of method, STARTTLS and implicit TLS with the test CA, and each kind
 * of failure with its code and the server's own reply.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { type CommandRunner } from '../../service/routes/remote-access.js';
import { MailRoute } from '../../service/routes/mail/route.js';
import { buildRoutes, budgetMs, LazyRoute } from '../../service/routes/registry.js';
import { type Outcome } from '../../service/routes/route.js';
import { type Report } from '../../shared/report/model.js';
import { type Settings } from '../../shared/settings/schema.js';
import { makeTestPki, type TestPki } from '../helpers/peers/test-ca.js';
import { closedPort, startSilentServer } from '../helpers/peers/https-receiver.js';
import { routeContext, sampleReport } from '../helpers/peers/https-config.js';
import { mailConfig, parseMail, startSmtpPeer, type SmtpPeer, type SmtpPeerOptions } from '../helpers/peers/smtp-server.js';

const USER = 'reporter';
const PASSWORD = 'S3cret pass/word';

let pki: TestPki;
const peers: SmtpPeer[] = [];
const peer = async (o: Omit<SmtpPeerOptions, 'cert'>): Promise<SmtpPeer> => {
  const p = await startSmtpPeer({ cert: pki.server, ...o });
  peers.push(p);
  return p;
};
let plain: SmtpPeer;

beforeAll(async () => {
  pki = makeTestPki();
  plain = await peer({});
});
afterAll(async () => {
  await Promise.all(peers.map((p) => p.close()));
});

const failed = (o: Outcome) => {
  if (o.ok) throw new Error(`expected a failure, got: ${o.detail}`);
  return o;
};
const auth = (methods: Settings['mail.auth.methods'] = ['CRAM-MD5', 'LOGIN', 'PLAIN'], password = PASSWORD): Partial<Settings> => ({
  'mail.auth.use': true,
  'mail.auth.user': USER,
  'mail.auth.password': password,
  'mail.auth.methods': methods,
});
const send = (route: MailRoute, port: number, changes: Partial<Settings> = {}, report: Report = sampleReport()) =>
  route.send(report, routeContext(mailConfig(port, changes)));
const zipOf = (bytes: Buffer) => () => Readable.from([bytes]);

describe('the message', () => {
  it('arrives with X-Report-Id, a Message-ID made of the report id, the subject and the Key: value body', async () => {
    const report = sampleReport({
      event: { source: 'atapi', id: 0xc0040006, time: '2025-01-02T03:04:00.000Z', message: 'ディスクエラー:\r\n\\Device\\Ide\\IdePort0' },
      count: 3,
    });
    const o = await send(new MailRoute(), plain.port, {}, report);
    expect(o).toEqual({
      ok: true,
      detail: expect.stringMatching(new RegExp(`^127\\.0\\.0\\.1:${plain.port} accepted the report for center@center\\.example\\.jp: 250 `)) as unknown,
    });
    const got = plain.received.find((m) => m.reportId === report.id)!;
    expect(got.from).toBe('sousin@customer.example.jp');
    expect(got.to).toEqual(['center@center.example.jp']);
    const mail = parseMail(got.raw);
    expect(mail.headers['X-Report-Id']).toBe(report.id);
    expect(mail.headers['Message-ID']).toBe(`<${report.id}@express-report>`);
    expect(mail.headers.Subject).toBe('Express Report failure: SERVER001');
    expect(mail.headers.From).toBe('sousin@customer.example.jp');
    expect(mail.headers.To).toBe('center@center.example.jp');
    expect(mail.parts.map((p) => p.contentType)).toEqual(['text/plain']);
    expect(mail.parts[0]!.text!.split('\r\n').join('\n')).toBe(
      [
        'Event: ディスクエラー:',
        ' \\Device\\Ide\\IdePort0',
        'Source: atapi',
        'EventID: 0xc0040006',
        'TimeStamp: 2025-01-02T03:04:00.000Z',
        'ServerName: SERVER001',
        'DeviceCode: N8100-1234',
        'SerialNumber: 00000001',
        'UserSystemCode: ER12345678',
        `ReportId: ${report.id}`,
        'Count: 3',
        'Kind: failure',
        '',
      ].join('\n'),
    );
  });

  it('a test notification carries Target and where the result goes', async () => {
    const report = sampleReport({ kind: 'test', target: 'secondary', resultMail: 'kekka@customer.example.jp' });
    delete report.event;
    expect((await send(new MailRoute(), plain.port, {}, report)).ok).toBe(true);
    const text = parseMail(plain.received.find((m) => m.reportId === report.id)!.raw).parts[0]!.text!.replace(/\r\n/g, '\n');
    expect(text).toContain('Kind: test\nTarget: secondary\nResultVia: mail\nResultMail: kekka@customer.example.jp\n');
    expect(text).not.toContain('Event:');
    expect(text).toContain('TimeStamp: 2025-01-02T03:04:05.000Z'); // no event: the report's own time
  });

  it('uuencode (the default): the zip as a begin 644 <id>.zip block in a text/plain part, decoded back exactly', async () => {
    const zip = randomBytes(10_000);
    const report = sampleReport();
    expect((await send(new MailRoute({ attachmentFor: () => zipOf(zip) }), plain.port, {}, report)).ok).toBe(true);
    const mail = parseMail(plain.received.find((m) => m.reportId === report.id)!.raw);
    expect(mail.parts.map((p) => [p.contentType, p.disposition])).toEqual([
      ['text/plain', null],
      ['text/plain', 'inline'],
    ]);
    expect(mail.uu).toHaveLength(1);
    expect(mail.uu[0]!.mode).toBe('644');
    expect(mail.uu[0]!.name).toBe(`${report.id}.zip`);
    expect(mail.uu[0]!.data.equals(zip)).toBe(true);
  });

  it('Base64: a normal application/zip attachment named <id>.zip', async () => {
    const zip = randomBytes(10_000);
    const report = sampleReport();
    expect((await send(new MailRoute({ attachmentFor: () => zipOf(zip) }), plain.port, { 'mail.encoding': 'base64' }, report)).ok).toBe(true);
    const mail = parseMail(plain.received.find((m) => m.reportId === report.id)!.raw);
    const att = mail.parts.find((p) => p.contentType === 'application/zip')!;
    expect([att.disposition, att.filename]).toEqual(['attachment', `${report.id}.zip`]);
    expect(att.data.equals(zip)).toBe(true);
    expect(mail.uu).toEqual([]);
  });

  it('an attachment that cannot be read stops the attempt before connecting (retry)', async () => {
    const broken = () =>
      new Readable({
        read() {
          this.destroy(new Error('EIO: disk read error'));
        },
      });
    const before = plain.received.length;
    const o = failed(await send(new MailRoute({ attachmentFor: () => broken }), plain.port));
    expect([o.problem.code, o.retry]).toEqual(['ER_2015', true]);
    expect(o.problem.message.en).toContain('EIO: disk read error');
    expect(plain.received.length).toBe(before);
  });
});

describe('SMTP authentication', () => {
  it('prefers CRAM-MD5 when the server offers it (and LOGIN, PLAIN)', async () => {
    const p = await peer({ authMethods: ['PLAIN', 'LOGIN', 'CRAM-MD5'], users: { [USER]: PASSWORD } });
    const o = await send(new MailRoute(), p.port, auth());
    expect(o).toEqual({ ok: true, detail: expect.stringContaining(`127.0.0.1:${p.port} (CRAM-MD5) accepted the report`) as unknown });
    expect(p.auths).toEqual([{ method: 'CRAM-MD5', user: USER, ok: true }]);
    expect(p.received[0]!.user).toBe(USER);
  });

  it('uses LOGIN when CRAM-MD5 is not offered', async () => {
    const p = await peer({ authMethods: ['PLAIN', 'LOGIN'], users: { [USER]: PASSWORD } });
    expect((await send(new MailRoute(), p.port, auth())).ok).toBe(true);
    expect(p.auths).toEqual([{ method: 'LOGIN', user: USER, ok: true }]);
  });

  it('uses PLAIN when only PLAIN is both checked and offered', async () => {
    const p = await peer({ authMethods: ['PLAIN', 'CRAM-MD5'], users: { [USER]: PASSWORD } });
    expect((await send(new MailRoute(), p.port, auth(['LOGIN', 'PLAIN']))).ok).toBe(true);
    expect(p.auths).toEqual([{ method: 'PLAIN', user: USER, ok: true }]);
  });

  it('none of the checked methods offered: coded, listing what the server offers, nothing tried or sent', async () => {
    const p = await peer({ authMethods: ['PLAIN'], users: { [USER]: PASSWORD } });
    const o = failed(await send(new MailRoute(), p.port, auth(['CRAM-MD5', 'LOGIN'])));
    expect(o.problem.code).toBe('ER_2205');
    expect(o.problem.field).toBe('mail.auth.methods');
    expect(o.problem.message.en).toBe(
      `The mail server (SMTP) 127.0.0.1:${p.port} offers none of the checked authentication methods (CRAM-MD5, LOGIN). It offers: PLAIN.`,
    );
    expect([p.auths, p.received]).toEqual([[], []]);
  });

  it('no AUTH in EHLO at all: the same message, saying so', async () => {
    const p = await peer({ authMethods: [] });
    const o = failed(await send(new MailRoute(), p.port, auth()));
    expect(o.problem.code).toBe('ER_2205');
    expect(o.problem.message.en).toContain('It offers: none (no AUTH in the EHLO reply).');
    expect(o.problem.message.ja).toContain('サーバが提供する方式: なし(EHLO に AUTH がありません)');
  });

  it('a wrong password: SMTP authentication failed with the 535 reply; no weaker method is tried after it', async () => {
    const p = await peer({ authMethods: ['CRAM-MD5', 'LOGIN', 'PLAIN'], users: { [USER]: PASSWORD } });
    const o = failed(await send(new MailRoute(), p.port, auth(undefined, 'wrong')));
    expect(o.problem.code).toBe('ER_2204');
    expect(o.problem.field).toBe('mail.auth.password');
    expect(o.problem.message.en).toBe(
      `The mail server (SMTP) 127.0.0.1:${p.port} refused SMTP authentication of ${USER} by CRAM-MD5 (535 5.7.8 Error: authentication failed). Check the SMTP account and password.`,
    );
    expect(o.problem.message.en).not.toContain('wrong');
    expect(o.retry).toBe(true);
    expect(p.auths).toEqual([{ method: 'CRAM-MD5', user: USER, ok: false }]);
    expect(p.received).toEqual([]);
  });

  it('a method the server refuses as such (504) falls to the next checked one', async () => {
    const p = await peer({
      authMethods: ['CRAM-MD5', 'LOGIN'],
      users: { [USER]: PASSWORD },
      refuseMethod: (m) => (m === 'CRAM-MD5' ? { code: 504, message: 'CRAM-MD5 is not available for this account' } : undefined),
    });
    expect((await send(new MailRoute(), p.port, auth())).ok).toBe(true);
    expect(p.auths).toEqual([
      { method: 'CRAM-MD5', user: USER, ok: false },
      { method: 'LOGIN', user: USER, ok: true },
    ]);
  });

  it('a temporary refusal (454) is the same coded failure, and retried', async () => {
    const p = await peer({
      authMethods: ['LOGIN'],
      users: { [USER]: PASSWORD },
      refuseMethod: () => ({ code: 454, message: 'Temporary authentication failure' }),
    });
    const o = failed(await send(new MailRoute(), p.port, auth()));
    expect([o.problem.code, o.retry]).toEqual(['ER_2204', true]);
    expect(o.problem.message.en).toContain('by LOGIN (454 4.7.0 Temporary authentication failure).');
  });
});

describe('encryption', () => {
  it('STARTTLS, the server certificate verified against the test CA', async () => {
    const p = await peer({ security: 'starttls', authMethods: ['PLAIN'], users: { [USER]: PASSWORD } });
    const o = await send(new MailRoute({ ca: pki.ca.certPem }), p.port, { 'mail.smtp.security': 'starttls', ...auth() });
    expect(o.ok).toBe(true);
    expect(p.received[0]!.secure).toBe(true);
  });

  it('SSL/TLS (implicit TLS from the first byte)', async () => {
    const p = await peer({ security: 'tls' });
    expect((await send(new MailRoute({ ca: pki.ca.certPem }), p.port, { 'mail.smtp.security': 'tls' })).ok).toBe(true);
    expect(p.received[0]!.secure).toBe(true);
  });

  it('STARTTLS without the CA trusted: the certificate cannot be verified, and nothing is sent', async () => {
    const p = await peer({ security: 'starttls' });
    const o = failed(await send(new MailRoute(), p.port, { 'mail.smtp.security': 'starttls' }));
    expect(o.problem.code).toBe('ER_2207');
    expect(o.problem.message.en).toMatch(/unable to verify the first certificate/);
    expect(o.problem.message.en).toContain('NODE_EXTRA_CA_CERTS');
    expect(p.received).toEqual([]);
  });

  it("SSL/TLS without the CA trusted: the same, with OpenSSL's code", async () => {
    const p = await peer({ security: 'tls' });
    const o = failed(await send(new MailRoute(), p.port, { 'mail.smtp.security': 'tls' }));
    expect(o.problem.code).toBe('ER_2207');
    expect(o.problem.message.en).toContain('(UNABLE_TO_VERIFY_LEAF_SIGNATURE)');
  });

  it('STARTTLS asked, but the server does not offer it: encryption not supported, with its reply', async () => {
    const o = failed(await send(new MailRoute({ ca: pki.ca.certPem }), plain.port, { 'mail.smtp.security': 'starttls' }));
    expect(o.problem.code).toBe('ER_2206');
    expect(o.problem.field).toBe('mail.smtp.security');
    expect(o.problem.message.en).toMatch(
      new RegExp(`^The mail server \\(SMTP\\) 127\\.0\\.0\\.1:${plain.port} cannot be reached with encryption \\(STARTTLS\\): STARTTLS: 5\\d\\d `),
    );
  });

  it('SSL/TLS asked of a plain server: the handshake fails, coded as encryption not supported', async () => {
    const o = failed(await send(new MailRoute({ ca: pki.ca.certPem }), plain.port, { 'mail.smtp.security': 'tls' }));
    expect(o.problem.code).toBe('ER_2206');
    expect(o.problem.message.en).toContain('(SSL/TLS)');
  });
});

describe('failures', () => {
  it("connection refused: cannot connect, with the system's reason; retried", async () => {
    const port = await closedPort();
    const o = failed(await send(new MailRoute(), port));
    expect(o.problem.code).toBe('ER_2200');
    expect(o.problem.field).toBe('mail.smtp.host');
    expect(o.problem.message.en).toContain(`Cannot connect to the mail server (SMTP) 127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}`);
    expect(o.retry).toBe(true);
  });

  it('a server that never greets: a timeout in the greeting phase', async () => {
    const silent = await startSilentServer();
    try {
      const o = failed(await send(new MailRoute(), silent.port, { 'mail.timeoutSeconds': 1 }));
      expect(o.problem.code).toBe('ER_2201');
      expect(o.problem.message.en).toBe(`No answer from the mail server (SMTP) 127.0.0.1:${silent.port} within 1 s (waiting for the greeting).`);
      expect(o.problem.message.ja).toContain('グリーティング');
      expect(o.retry).toBe(true);
    } finally {
      await silent.close();
    }
  });

  it('4xx to RCPT TO: a server error with its reply, retried', async () => {
    const p = await peer({ rcpt: () => ({ code: 450, message: 'Mailbox busy, try later' }) });
    const o = failed(await send(new MailRoute(), p.port));
    expect(o.problem.code).toBe('ER_2202');
    expect(o.problem.message.en).toBe(`The mail server (SMTP) 127.0.0.1:${p.port} refused RCPT TO: 450 4.2.1 Mailbox busy, try later`);
    expect(o.retry).toBe(true);
  });

  it('5xx to RCPT TO: the same, not retried (a permanent refusal of this message)', async () => {
    const p = await peer({ rcpt: () => ({ code: 550, message: 'No such user here' }) });
    const o = failed(await send(new MailRoute(), p.port));
    expect(o.problem.code).toBe('ER_2202');
    expect(o.problem.message.en).toContain('refused RCPT TO: 550 5.1.1 No such user here');
    expect(o.retry).toBe(false);
  });

  it('a 5xx greeting (e.g. relay not allowed from here) is retried: it is not about this message', async () => {
    const p = await peer({ gate: () => ({ code: 554, message: 'Access denied' }) });
    const o = failed(await send(new MailRoute(), p.port));
    expect(o.problem.code).toBe('ER_2202');
    expect(o.problem.message.en).toContain('refused the connection (greeting): 554');
    expect(o.retry).toBe(true);
  });

  it('the service stopping (abort) closes the connection and says so', async () => {
    const controller = new AbortController();
    const sockets: Socket[] = [];
    const server: Server = createServer((s) => {
      sockets.push(s);
      controller.abort();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const closed = new Promise<void>((resolve) => server.once('connection', (s: Socket) => s.once('close', () => resolve())));
      const o = failed(await new MailRoute().send(sampleReport(), routeContext(mailConfig(port), controller.signal)));
      expect(o.problem.code).toBe('ER_2014');
      expect(o.problem.message.en).toBe('Sending to the mail server (SMTP) was cancelled (the service is stopping).');
      await closed; // the route hung up: the server side sees the close
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('S/MIME on without a center certificate: coded, not retried, nothing sent', async () => {
    const before = plain.received.length;
    const o = failed(await send(new MailRoute({ centerCertificate: async () => undefined }), plain.port, { 'mail.smime': true }));
    expect([o.problem.code, o.retry, o.problem.field]).toEqual(['ER_2208', false, 'mail.smime']);
    expect(plain.received.length).toBe(before);
  });

  it('no destination address (mail.to): coded, not retried', async () => {
    const o = failed(await send(new MailRoute(), plain.port, { 'mail.to': '' }));
    expect([o.problem.code, o.retry]).toEqual(['ER_2211', false]);
  });
});

describe('registry', () => {
  it('makes the mail route, with a budget covering POP before SMTP when it is on', async () => {
    expect(await (buildRoutes({}).mail as LazyRoute).route()).toBeInstanceOf(MailRoute);
    const c = mailConfig(25, { 'mail.timeoutSeconds': 60 });
    const withPop = mailConfig(25, { 'mail.timeoutSeconds': 60, 'mail.pop.use': true, 'mail.pop.waitMs': 5000 });
    expect(budgetMs(c)).toBe(130_000);
    expect(budgetMs(withPop)).toBe(200_000);
  });
});

describe('remote access around the mail attempt (a fake command runner: no modem here)', () => {
  const remote = { 'remote.use': true, 'remote.entry': 'Express ISP', 'remote.user': 'er-user', 'remote.password': 'dial pw' } as const;
  const runner = (fail = false) => {
    const calls: Array<{ command: string; args: string[]; at: number }> = [];
    const run: CommandRunner = async (command, args) => {
      calls.push({ command, args: [...args], at: plain.received.length });
      return { code: fail && args.includes('up') ? 4 : 0, stdout: '', stderr: fail ? 'Error: Connection activation failed.' : '', timedOut: false };
    };
    return { calls, run };
  };

  it('connects before the SMTP session and hangs up after it (nmcli on Linux)', async () => {
    const { calls, run } = runner();
    const before = plain.received.length;
    const o = await send(new MailRoute({ remote: { runner: run, platform: 'linux' } }), plain.port, remote);
    expect(o.ok).toBe(true);
    expect(calls.map((c) => [c.command, c.args.find((a) => a === 'up' || a === 'down'), c.at])).toEqual([
      ['nmcli', 'up', before], // before the mail arrived
      ['nmcli', 'down', before + 1], // after it
    ]);
    expect(calls.flatMap((c) => c.args).join(' ')).not.toContain('dial pw'); // the password goes in a passwd-file
  });

  it('a failed connection is a coded, retryable failure and no SMTP session is opened', async () => {
    const { run } = runner(true);
    const before = plain.received.length;
    const o = failed(await send(new MailRoute({ remote: { runner: run, platform: 'linux' } }), plain.port, remote));
    expect([o.problem.code, o.retry]).toEqual(['ER_2013', true]);
    expect(o.problem.message.en).toContain('Express ISP');
    expect(plain.received.length).toBe(before);
  });
});
