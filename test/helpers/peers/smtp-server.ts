/**
 * A mail server on loopback: the `smtp-server` package (nodemailer's sibling) with the authentication methods, the
 * account, STARTTLS or implicit TLS (a certificate from the test CA) the test asks for. It records every message as
 * received (raw bytes, envelope, who authenticated) and every authentication attempt, and answers RCPT TO, AUTH or the
 * connection itself as the test says (4xx/5xx replies, a POP-before-SMTP gate).
 */
import { spawnSync } from 'node:child_process';
import { type AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAuthentication, type SMTPServerOptions, type SMTPServerSession } from 'smtp-server';
import { type Config } from '../../../shared/config/model.js';
import { defaultSettings, type Settings } from '../../../shared/settings/schema.js';
import { type Issued } from '../../fixtures/keyfile/generate.js';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: Buffer;
  /** The account that authenticated, if any. */
  user?: string;
  /** TLS was on (STARTTLS or implicit). */
  secure: boolean;
  /** The X-Report-Id header of the (outer) message. */
  reportId?: string;
}

export interface AuthAttempt {
  method: string;
  user: string;
  ok: boolean;
}

/** A refusal: the reply code and text (smtp-server adds the enhanced status code). */
export interface Refusal {
  code: number;
  message: string;
}

export interface SmtpPeerOptions {
  /** The server's certificate (always given: smtp-server would otherwise fall back to its published test key). */
  cert: Issued;
  /** none: no STARTTLS offered; starttls: offered; tls: implicit TLS from the first byte. */
  security?: 'none' | 'starttls' | 'tls';
  /** Offered in EHLO; [] offers no AUTH at all. Default PLAIN and LOGIN. */
  authMethods?: string[];
  /** Accounts and passwords; with none, authentication is optional. */
  users?: Record<string, string>;
  /** Refuse an AUTH method before looking at the password (e.g. 504 for CRAM-MD5). */
  refuseMethod?: (method: string) => Refusal | undefined;
  rcpt?: (address: string) => Refusal | undefined;
  /** Refuse the connection at the greeting (e.g. POP before SMTP not done). */
  gate?: () => Promise<Refusal | undefined> | Refusal | undefined;
}

export interface SmtpPeer {
  port: number;
  received: ReceivedMail[];
  auths: AuthAttempt[];
  /** Connections seen, in order, each with what happened first (admitted or refused by the gate). */
  connections: Array<'admitted' | 'refused'>;
  close(): Promise<void>;
}

const refusal = (r: Refusal): Error & { responseCode: number } => Object.assign(new Error(r.message), { responseCode: r.code });

export async function startSmtpPeer(o: SmtpPeerOptions): Promise<SmtpPeer> {
  const received: ReceivedMail[] = [];
  const auths: AuthAttempt[] = [];
  const connections: SmtpPeer['connections'] = [];
  const security = o.security ?? 'none';
  const users = o.users ?? {};
  const options: SMTPServerOptions = {
    secure: security === 'tls',
    key: o.cert.keyPem,
    cert: o.cert.certPem,
    hideSTARTTLS: security === 'none',
    authMethods: o.authMethods ?? ['PLAIN', 'LOGIN'],
    authOptional: Object.keys(users).length === 0,
    allowInsecureAuth: true,
    // Replies as Postfix and Exchange give them: `535 5.7.8 ...` (smtp-server leaves enhanced codes off by default).
    hideENHANCEDSTATUSCODES: false,
    // 'none': STARTTLS neither offered nor understood (hiding it alone would still let a client that asks use it).
    disabledCommands: [...(security === 'none' ? ['STARTTLS'] : []), ...((o.authMethods ?? ['PLAIN', 'LOGIN']).length === 0 ? ['AUTH'] : [])],
    logger: false,
    // No reverse DNS of 127.0.0.1 before the greeting (it costs ~100 ms a session here, and says nothing).
    disableReverseLookup: true,
    onConnect(_session: SMTPServerSession, callback: (err?: Error | null) => void) {
      void Promise.resolve(o.gate?.()).then((no) => {
        connections.push(no ? 'refused' : 'admitted');
        callback(no ? refusal(no) : null);
      });
    },
    onAuth(auth: SMTPServerAuthentication, _session: SMTPServerSession, callback) {
      const user = auth.username ?? '';
      const no = o.refuseMethod?.(auth.method);
      if (no) {
        auths.push({ method: auth.method, user, ok: false });
        return callback(refusal(no));
      }
      const expected = users[user];
      const ok = expected !== undefined && (auth.method === 'CRAM-MD5' ? auth.validatePassword(expected) : auth.password === expected);
      auths.push({ method: auth.method, user, ok });
      if (!ok) return callback(new Error('Error: authentication failed'));
      callback(null, { user });
    },
    onRcptTo(address, _session, callback) {
      const no = o.rcpt?.(address.address);
      callback(no ? refusal(no) : null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const head = raw.subarray(0, Math.max(0, raw.indexOf('\r\n\r\n'))).toString('latin1');
        const id = /^X-Report-Id:\s*(\S+)/im.exec(head)?.[1];
        const from = session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address;
        received.push({
          from,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          secure: session.secure,
          ...(typeof session.user === 'string' ? { user: session.user } : {}),
          ...(id !== undefined ? { reportId: id } : {}),
        });
        callback();
      });
    },
  };
  const server = new SMTPServer(options);
  server.on('error', () => undefined); // a client that hangs up mid-session is not the server's failure
  const port = await new Promise<number>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port));
  });
  return {
    port,
    received,
    auths,
    connections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A received mail as Python's `email` package reads it: an independent MIME parser (and uudecoder) for the tests. */
export interface ParsedMail {
  headers: Record<string, string>;
  contentType: string;
  parts: Array<{ contentType: string; disposition: string | null; filename: string | null; text: string | null; data: Buffer }>;
  /** Every `begin <mode> <name>` ... `end` block found in a text part, decoded with binascii.a2b_uu. */
  uu: Array<{ mode: string; name: string; data: Buffer }>;
}

const PARSE = String.raw`
import sys, json, base64, binascii, email
from email import policy
m = email.message_from_binary_file(sys.stdin.buffer, policy=policy.default)
out = {'headers': {k: str(v) for k, v in m.items()}, 'contentType': m.get_content_type(), 'parts': [], 'uu': []}
for p in m.walk():
    if p.is_multipart():
        continue
    data = p.get_payload(decode=True) or b''
    text = data.decode(p.get_content_charset() or 'ascii') if p.get_content_maintype() == 'text' else None
    out['parts'].append({'contentType': p.get_content_type(), 'disposition': p.get_content_disposition(), 'filename': p.get_filename(), 'text': text, 'data': base64.b64encode(data).decode()})
    if text is None:
        continue
    block = None
    for line in text.splitlines():
        if block is None and line.startswith('begin '):
            _, mode, name = line.split(' ', 2)
            block = {'mode': mode, 'name': name, 'data': []}
        elif block is not None and line == 'end':
            block['data'] = base64.b64encode(b''.join(block['data'])).decode()
            out['uu'].append(block)
            block = None
        elif block is not None:
            block['data'].append(binascii.a2b_uu(line))
print(json.dumps(out))
`;

export function parseMail(raw: Buffer): ParsedMail {
  const r = spawnSync('python3', ['-c', PARSE], { input: raw, maxBuffer: 64 * 1024 * 1024 });
  if (r.error !== undefined || r.status !== 0) throw new Error(`python3 could not parse the mail: ${r.error?.message ?? r.stderr.toString()}`);
  const j = JSON.parse(r.stdout.toString()) as Omit<ParsedMail, 'parts' | 'uu'> & {
    parts: Array<ParsedMail['parts'][number] & { data: string }>;
    uu: Array<{ mode: string; name: string; data: string }>;
  };
  return {
    ...j,
    parts: j.parts.map((p) => ({ ...p, data: Buffer.from(p.data, 'base64') })),
    uu: j.uu.map((u) => ({ ...u, data: Buffer.from(u.data, 'base64') })),
  };
}

/** The header block and the body of a raw message. */
export function splitRaw(raw: Buffer): { head: string; body: Buffer } {
  const i = raw.indexOf('\r\n\r\n');
  return { head: raw.subarray(0, i).toString('latin1'), body: raw.subarray(i + 4) };
}

/** Config for the mail route straight (not validated), so a test may use a 1-second timeout. */
export function mailConfig(port: number, changes: Partial<Settings> = {}): Config {
  return {
    settings: {
      ...defaultSettings(),
      'express.route': 'mail',
      'mail.smtp.host': '127.0.0.1',
      'mail.smtp.port': port,
      'mail.sender': 'sousin@customer.example.jp',
      'mail.to': 'center@center.example.jp',
      'mail.smime': false,
      'mail.timeoutSeconds': 5,
      ...changes,
    },
    optionDevices: [],
    inf: {},
  };
}
