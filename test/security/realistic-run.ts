/**
 * A realistic run for the security checks (realistic-run.test.ts): every secret the product knows is set through the
 * command line (--stdin, never argv), the machine is activated through tinyproxy with Basic auth (the proxy password in
 * use), the service runs and sends failure reports with customer data, the operator runs status / config list /
 * config export / the settings exports (support, transfer with a passphrase), their diff, an import's dry run with the
 * passphrase / backup, and `serve` answers the
 * window's API. Everything written and printed is kept for the scans: the folders, each command's stdout and stderr,
 * the service's log, serve's answers, and what the center received.
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ServiceClient } from '../../shared/node/service-client.js';
import { activateArgs, pointDestinations } from '../helpers/activation.js';
import { stopChild } from '../helpers/peers/child.js';
import { startTinyproxy } from '../helpers/peers/tinyproxy.js';
import { startSmtpPeer } from '../helpers/peers/smtp-server.js';
import { startDovecot } from '../helpers/peers/dovecot-pop3.js';
import { makeTestPki } from '../helpers/peers/test-ca.js';
import { BIN } from '../helpers/process-cli.js';
import { startCenter, startService, until } from '../helpers/service-process.js';

/** Distinct enough never to occur by chance; the proxy's is limited to tinyproxy's [-a-z0-9._]. */
export const SECRETS = {
  'https.proxy.password': 'px-pass.7f3k9qw2zr8m',
  'mail.auth.password': 'Smtp-Pw!9x4Lq2#Vb7',
  'mail.pop.password': 'Pop-Pw$3k8Zt1@Nc5',
  'remote.password': 'Rem0te-Pw%6Hs2^Jd9',
  exportPassphrase: 'transfer passphrase 4Tq9 wZ81',
} as const;

/** Customer data a report carries (the machine's identity is in every report, the message in a failure report). */
export const CUSTOMER_MESSAGE = 'disk 3 failed at customer Kanda Trading';

export interface Output {
  what: string;
  text: string;
}

export interface RunResult {
  base: string;
  configDir: string;
  stateDir: string;
  exportsDir: string;
  /** stdout / stderr of every command, the service's log, serve's answers, the center's received bodies. */
  outputs: Output[];
  /** The service's local API token (service.json holds it, by design) and serve's session token (its first line). */
  apiToken: string;
  serveToken: string;
}

export async function realisticRun(base: string): Promise<RunResult> {
  const configDir = join(base, 'config');
  const stateDir = join(base, 'state');
  const exportsDir = join(base, 'exports');
  const inputDir = join(base, 'input'); // the test's own inputs (the passphrase file): not scanned
  await mkdir(exportsDir);
  await mkdir(inputDir);
  const outputs: Output[] = [];
  const argv = [BIN, '--config-dir', configDir, '--state-dir', stateDir];

  const cli = (args: string[], stdin?: string): Promise<{ code: number | null; out: string }> =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [...argv, ...args], { env: { ...process.env, LANG: 'C' }, stdio: ['pipe', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      child.stdin.end(stdin ?? '');
      const t0 = Date.now();
      child.on('close', (code) => {
        if (process.env.ER_SEC_TIMING) console.log(`${Date.now() - t0} ms: ${args.join(' ')}`);
        outputs.push({ what: `express-report ${args.join(' ')}: stdout`, text: out }, { what: `express-report ${args.join(' ')}: stderr`, text: err });
        resolve({ code, out });
      });
    });
  const ok = async (args: string[], stdin?: string) => {
    const r = await cli(args, stdin);
    if (r.code !== 0) throw new Error(`express-report ${args.join(' ')} failed: ${outputs.at(-1)!.text}`);
    return r.out;
  };

  const center = await startCenter(base);
  const proxy = await startTinyproxy('reporter', SECRETS['https.proxy.password']);
  try {
    await ok(['init']);
    await ok(activateArgs('S1', []));
    await pointDestinations(configDir, center.receiver.url);
    await ok([
      'config',
      'set',
      'https.caFile',
      center.caFile,
      'suppression.use',
      'off',
      'https.proxy.use',
      'on',
      'https.proxy.host',
      '127.0.0.1',
      'https.proxy.port',
      String(proxy.port),
      'https.proxy.user',
      'reporter',
      'mail.auth.user',
      'smtp-user',
      'mail.pop.user',
      'pop-user',
      'remote.user',
      'remote-user',
    ]);
    for (const key of ['https.proxy.password', 'mail.auth.password', 'mail.pop.password', 'remote.password'] as const) {
      await ok(['config', 'set', key, '--stdin'], `${SECRETS[key]}\n`);
    }
    // Through the proxy with its Basic auth: the proxy password is opened and used.
    await ok(['test-notify', '--result-mail', 'r@example.jp']);
    await ok(['activate-notify']);

    const svc = await startService({ argv, stateDir }, ['--no-os-events']);
    try {
      const apiToken = (JSON.parse(await readFile(join(stateDir, 'service.json'), 'utf8')) as { token: string }).token;
      const client = await ServiceClient.connect(stateDir);
      for (const id of ['0xc0040006', '0xc0040007']) await client.event({ source: id === '0xc0040006' ? 'atapi' : 'disk', id, message: CUSTOMER_MESSAGE });
      await until(() => center.receiver.received.filter((r) => r.report !== undefined).length >= 4, 60_000, 'the failure reports', svc.log);

      await ok(['status']);
      await ok(['config', 'list']);
      await ok(['config', 'export']);
      await writeFile(join(inputDir, 'passphrase'), `${SECRETS.exportPassphrase}\n`, { mode: 0o600 });
      await ok(['export', '--out', join(exportsDir, 'support.zip')]);
      await ok(['export', '--out', join(exportsDir, 'transfer.zip'), '--scope', 'transfer', '--passphrase-file', join(inputDir, 'passphrase')]);
      const diff = await cli(['export', 'diff', join(exportsDir, 'support.zip'), join(exportsDir, 'transfer.zip')]);
      if (diff.code !== 0 && diff.code !== 1) throw new Error(`export diff failed: ${outputs.at(-1)!.text}`); // 1: they differ
      // The transfer export opened with its passphrase: what an import would change is shown, never a secret's value.
      await ok(['import', join(exportsDir, 'transfer.zip'), '--dry-run', '--passphrase-file', join(inputDir, 'passphrase')]);
      await ok(['backup', '--reason', 'security check']);

      const serveToken = await serveAnswers(argv, outputs);
      await svc.stop();
      outputs.push({ what: 'the service log (stderr)', text: svc.log() });
      await mailRun(cli, ok, outputs);
      for (const r of center.receiver.received) {
        outputs.push({
          what: `the center received ${r.reportId ?? r.path}`,
          text: JSON.stringify({ headers: r.headers, parts: r.parts.map((p) => p.content.toString('latin1')) }),
        });
      }
      return { base, configDir, stateDir, exportsDir, outputs, apiToken, serveToken };
    } finally {
      await svc.stop();
    }
  } finally {
    await proxy.stop();
    await center.receiver.close();
  }
}

type Cli = (args: string[], stdin?: string) => Promise<{ code: number | null; out: string }>;

/**
 * The mail route with POP before SMTP: both passwords opened and used (dovecot and the SMTP server accept them), then
 * SMTP AUTH refused by a server that expects another password: a failure path is where a password could be printed.
 */
async function mailRun(cli: Cli, ok: (args: string[]) => Promise<string>, outputs: Output[]): Promise<void> {
  const cert = makeTestPki().server;
  const smtp = await startSmtpPeer({ cert, users: { 'smtp-user': SECRETS['mail.auth.password'] } });
  const other = await startSmtpPeer({ cert, users: { 'smtp-user': 'another-password' } });
  const pop = await startDovecot({ 'pop-user': SECRETS['mail.pop.password'] });
  try {
    const mail = ['express.route', 'mail', 'mail.smtp.host', '127.0.0.1', 'mail.sender', 'sousin@customer.example.jp', 'mail.to', 'center@center.example.jp'];
    const popOn = ['mail.pop.use', 'on', 'mail.pop.host', '127.0.0.1', 'mail.pop.port', String(pop.port), 'mail.pop.waitMs', '100'];
    await ok(['config', 'set', ...mail, 'mail.smtp.port', String(smtp.port), 'mail.smime', 'off', 'mail.auth.use', 'on', ...popOn]);
    await ok(['test-notify', '--result-mail', 'r@example.jp']);
    if (!smtp.auths.some((a) => a.ok) || (await pop.logins('pop-user')) === 0) throw new Error('SMTP AUTH or the POP login was not used');
    await ok(['config', 'set', 'mail.smtp.port', String(other.port)]);
    if ((await cli(['test-notify', '--result-mail', 'r@example.jp'])).code === 0) throw new Error('the wrong SMTP password was accepted');
    outputs.push({ what: 'mail received by the SMTP server', text: JSON.stringify(smtp.received) });
  } finally {
    await pop.stop();
    await other.close();
    await smtp.close();
  }
}

/** `serve` beside the running service: the window's API answers (snapshot and the rest a window reads). */
async function serveAnswers(argv: string[], outputs: Output[]): Promise<string> {
  const child = spawn(process.execPath, [...argv, 'serve'], { env: { ...process.env, LANG: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  try {
    const lines = createInterface({ input: child.stdout });
    const url = new URL(await new Promise<string>((resolve) => lines.once('line', resolve)));
    const token = url.searchParams.get('token')!;
    let rest = '';
    lines.on('line', (l) => (rest += `${l}\n`));
    const call = (method: string): Promise<string> =>
      new Promise((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: url.port,
            method: 'POST',
            path: `/api/${method}`,
            headers: { host: url.host, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          },
          (res) => {
            let body = '';
            res.on('data', (c: Buffer) => (body += c.toString()));
            res.on('end', () => resolve(body));
          },
        );
        req.on('error', reject);
        req.end('null');
      });
    for (const m of ['windowLoad', 'snapshot', 'resources', 'eventLog', 'serviceStatus', 'systemService', 'rememberedSecrets', 'deviceInfo']) {
      outputs.push({ what: `serve's answer to ${m}`, text: await call(m) });
    }
    outputs.push({ what: "serve's stdout after its URL line", text: rest });
    return token;
  } finally {
    await stopChild(child);
    outputs.push({ what: "serve's stderr", text: err });
  }
}
