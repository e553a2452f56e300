/**
 * A mail server on loopback that answers from a script (the SMTP and POP3 reply fuzz targets, test/fuzz/targets/):
 * each client line is named as a step (`ehlo`, `mail`, `pass`, ...) and the script says what the server does there:
 * its usual reply, bytes of the test's choosing (sent whole or in pieces), closing the connection, or silence. After
 * an SMTP DATA the bytes up to `<CRLF>.<CRLF>` are the message (step `dot`); after a usual STARTTLS reply the
 * connection is taken up as TLS with a self-signed certificate for 127.0.0.1 (`certificate()`, trusted as its own CA).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { TLSSocket } from 'node:tls';

/** What the server does at a step. `pieces`: the bytes sent in that many writes, a moment apart. */
export type Act = { usual: true } | { bytes: Buffer; pieces?: number; thenClose?: boolean } | { close: true } | { silent: true };

export interface Script {
  protocol: 'smtp' | 'pop3';
  /** The act at a step (undefined: the usual reply). */
  at(step: string, line: string): Act | undefined;
  /** The usual reply at a step (the auth exchange's depends on the AUTH line, given as `line`). */
  usual(step: string, line: string): string;
}

/** What one connection saw: the steps in order, the messages received and the bytes the server's replies held. */
export interface Seen {
  steps: string[];
  messages: Buffer[];
  /** The server's reply to each step as sent ('' when it closed or stayed silent). */
  replies: Map<string, Buffer>;
}

export interface ScriptedServer {
  port: number;
  /** Runs `script` for the next connections (one at a time, as the route makes them) until the next call. */
  play(script: Script): Seen;
  close(): Promise<void>;
}

let cert: { key: string; cert: string } | undefined;

/** An EC key and a self-signed certificate for 127.0.0.1, made once per process by openssl (a few milliseconds). */
export function certificate(): { key: string; cert: string } {
  if (cert) return cert;
  const dir = mkdtempSync(join(tmpdir(), 'express-report-mail-cert-'));
  const r = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { encoding: 'utf8' },
  );
  try {
    if (r.status !== 0) throw new Error(`openssl could not make a certificate: ${r.stderr}`);
    cert = { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
    return cert;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const SMTP_VERBS: Record<string, string> = {
  EHLO: 'ehlo',
  HELO: 'helo',
  STARTTLS: 'starttls',
  AUTH: 'auth',
  MAIL: 'mail',
  RCPT: 'rcpt',
  DATA: 'data',
  QUIT: 'quit',
  RSET: 'rset',
};
const POP_VERBS: Record<string, string> = { USER: 'user', PASS: 'pass', QUIT: 'quit' };

const later = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

class Conversation {
  private buf = Buffer.alloc(0);
  private inData = false;
  private authLines = 0;
  private tls = false;
  private ended = false;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private socket: Socket,
    private readonly script: Script,
    private readonly seen: Seen,
  ) {
    this.listen(socket);
    this.answer('greeting', '');
  }

  private listen(s: Socket): void {
    s.on('data', (d: Buffer) => this.take(d));
    s.on('error', () => undefined);
  }

  private take(d: Buffer): void {
    this.buf = Buffer.concat([this.buf, d]);
    for (;;) {
      if (this.inData) {
        const end = this.buf.indexOf('\r\n.\r\n');
        if (end < 0) return;
        this.seen.messages.push(this.buf.subarray(0, end + 2));
        this.buf = this.buf.subarray(end + 5);
        this.inData = false;
        this.answer('dot', '');
        continue;
      }
      const eol = this.buf.indexOf('\r\n');
      if (eol < 0) return;
      const line = this.buf.subarray(0, eol).toString('latin1');
      this.buf = this.buf.subarray(eol + 2);
      this.answer(this.stepOf(line), line);
    }
  }

  private stepOf(line: string): string {
    const verb = line.split(' ', 1)[0]!.toUpperCase();
    if (this.script.protocol === 'pop3') return POP_VERBS[verb] ?? 'other';
    const step = SMTP_VERBS[verb];
    if (step === undefined) return this.authLines > 0 ? `auth${++this.authLines}` : 'other';
    this.authLines = step === 'auth' ? 1 : 0;
    if (step === 'ehlo' && this.tls) return 'ehlo-tls';
    return step;
  }

  /** Acts at a step; acts are queued so that pieces sent a moment apart keep their order. */
  private answer(step: string, line: string): void {
    if (this.ended) return;
    this.seen.steps.push(step);
    const act = this.script.at(step, line) ?? { usual: true };
    const usual = 'usual' in act;
    if ('silent' in act) return;
    if ('close' in act) {
      this.ended = true;
      this.seen.replies.set(step, Buffer.alloc(0));
      this.queue = this.queue.then(() => void this.socket.destroy());
      return;
    }
    const bytes = usual ? Buffer.from(this.script.usual(step, line), 'latin1') : act.bytes;
    const pieces = usual ? 1 : Math.max(1, act.pieces ?? 1);
    this.seen.replies.set(step, bytes);
    if (this.script.protocol === 'smtp' && step === 'data') this.inData = true;
    const closeAfter = (!usual && act.thenClose === true) || step === 'quit';
    if (closeAfter) this.ended = true;
    const upgrade = usual && step === 'starttls';
    this.queue = this.queue.then(async () => {
      const size = Math.ceil(bytes.length / pieces);
      for (let at = 0; at < bytes.length; at += size) {
        if (this.socket.destroyed) return;
        if (at > 0) await later(1);
        this.socket.write(bytes.subarray(at, at + size));
      }
      if (closeAfter) this.socket.end();
      if (upgrade) this.upgrade();
    });
  }

  private upgrade(): void {
    const plain = this.socket;
    plain.removeAllListeners('data');
    const { key, cert: c } = certificate();
    const secure = new TLSSocket(plain, { isServer: true, key, cert: c });
    this.tls = true;
    this.buf = Buffer.alloc(0);
    this.socket = secure;
    this.listen(secure);
  }
}

export async function startScriptedServer(): Promise<ScriptedServer> {
  let current: { script: Script; seen: Seen } | undefined;
  const sockets = new Set<Socket>();
  const tcp: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.setNoDelay(true);
    if (!current) return void socket.destroy();
    new Conversation(socket, current.script, current.seen);
  });
  await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
  return {
    port: (tcp.address() as AddressInfo).port,
    play(script) {
      for (const s of sockets) s.destroy();
      current = { script, seen: { steps: [], messages: [], replies: new Map() } };
      return current.seen;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        tcp.close(() => resolve());
      }),
  };
}
