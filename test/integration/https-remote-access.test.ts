/**
 * Remote access around an HTTPS attempt, with a fake command runner (no modem here): which command, which arguments,
 * and that the password never reaches argv on Linux (it goes in a 0600 passwd-file that is removed afterwards).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpsRoute } from '../../service/routes/https/route.js';
import { dialUp, nmEscape, type CommandResult, type CommandRunner } from '../../service/routes/remote-access.js';
import { testConnection } from '../../service/routes/https/test-connection.js';
import { makeTestPki } from '../helpers/peers/test-ca.js';
import { startReceiver, type Receiver } from '../helpers/peers/https-receiver.js';
import { httpsConfig, openClear, routeContext, sampleReport } from '../helpers/peers/https-config.js';

interface Call {
  command: string;
  args: string[];
  timeoutMs: number;
  /** For nmcli: the passwd-file as it was while the command ran. */
  passwd?: { text: string; mode: number; path: string };
}

function fakeRunner(answer: (c: Call) => Partial<CommandResult> = () => ({})): { calls: Call[]; runner: CommandRunner } {
  const calls: Call[] = [];
  const runner: CommandRunner = async (command, args, { timeoutMs }) => {
    const call: Call = { command, args: [...args], timeoutMs };
    const i = args.indexOf('passwd-file');
    if (i >= 0) {
      const path = args[i + 1]!;
      call.passwd = { text: readFileSync(path, 'utf8'), mode: statSync(path).mode & 0o777, path };
    }
    calls.push(call);
    return { code: 0, stdout: '', stderr: '', timedOut: false, ...answer(call) };
  };
  return { calls, runner };
}

const PASSWORD = 'dial \\secret ';
let dir: string;
let caFile: string;
let center: Receiver;
const remote = { 'remote.use': true, 'remote.entry': 'Express ISP', 'remote.user': 'er-user', 'remote.password': PASSWORD } as const;

beforeAll(async () => {
  const pki = makeTestPki();
  dir = await mkdtemp(join(tmpdir(), 'express-report-remote-'));
  caFile = join(dir, 'ca.pem');
  await writeFile(caFile, pki.ca.certPem);
  center = await startReceiver(pki.server);
});
afterAll(async () => {
  await center?.close();
  await rm(dir, { recursive: true, force: true });
});

const config = () => httpsConfig({ url1: center.url }, { 'https.caFile': caFile, 'https.timeoutSeconds': 5, ...remote });

describe('remote access (fake runner)', () => {
  it('Linux: nmcli up with a 0600 passwd-file (no password in argv), send, then nmcli down; the file is gone', async () => {
    const { calls, runner } = fakeRunner();
    const report = sampleReport();
    const o = await new HttpsRoute({ remote: { runner, platform: 'linux', timeoutMs: 30_000 } }).send(report, routeContext(config()));
    expect(o.ok).toBe(true);
    expect(center.received.some((r) => r.reportId === report.id)).toBe(true);
    expect(calls.map((c) => [c.command, ...c.args.filter((a) => !a.includes('express-report-nm-'))])).toEqual([
      ['nmcli', '--wait', '30', 'connection', 'up', 'id', 'Express ISP', 'passwd-file'],
      ['nmcli', 'connection', 'down', 'id', 'Express ISP'],
    ]);
    for (const c of calls) expect(c.args.join(' ')).not.toContain('secret');
    const passwd = calls[0]!.passwd!;
    expect(passwd.mode).toBe(0o600);
    expect(passwd.text).toContain(`pppoe.password:${nmEscape(PASSWORD)}\n`);
    expect(passwd.text).toContain(`vpn.secrets.password:${nmEscape(PASSWORD)}\n`);
    expect(existsSync(passwd.path)).toBe(false);
  });

  it('Windows: rasdial entry user password, then rasdial entry /disconnect', async () => {
    const { calls, runner } = fakeRunner();
    const o = await new HttpsRoute({ remote: { runner, platform: 'win32' } }).send(sampleReport(), routeContext(config()));
    expect(o.ok).toBe(true);
    expect(calls.map((c) => [c.command, ...c.args])).toEqual([
      ['rasdial', 'Express ISP', 'er-user', PASSWORD],
      ['rasdial', 'Express ISP', '/disconnect'],
    ]);
  });

  it("a failed dial-up: a coded problem with the command's own output, retry, nothing sent, no password shown", async () => {
    const { calls, runner } = fakeRunner(() => ({
      code: 691,
      stdout: 'Remote Access error 691 - Access was denied because the username and/or password was invalid.',
    }));
    const report = sampleReport();
    const o = await new HttpsRoute({ remote: { runner, platform: 'win32' } }).send(report, routeContext(config()));
    expect(o.ok).toBe(false);
    if (o.ok) return;
    expect([o.problem.code, o.retry, o.problem.field]).toEqual(['ER_2013', true, 'remote.entry']);
    expect(o.problem.message.en).toBe(
      'Remote access could not connect Express ISP (rasdial Express ISP er-user ********: exit status 691: ' +
        'Remote Access error 691 - Access was denied because the username and/or password was invalid.).',
    );
    expect(JSON.stringify(o.problem)).not.toContain('secret');
    expect(calls).toHaveLength(1);
    expect(center.received.some((r) => r.reportId === report.id)).toBe(false);
  });

  it('a dial-up that hangs or a missing nmcli: told apart', async () => {
    const slow = fakeRunner(() => ({ code: null, timedOut: true }));
    const a = await dialUp(config().settings, openClear, { runner: slow.runner, platform: 'linux', timeoutMs: 2000 });
    expect(a.ok ? '' : a.problem.message.en).toContain('did not finish within 2 s');
    const missing = fakeRunner(() => ({ code: null, error: 'spawn nmcli ENOENT' }));
    const b = await dialUp(config().settings, openClear, { runner: missing.runner, platform: 'linux' });
    expect(b.ok ? '' : b.problem.message.en).toContain('spawn nmcli ENOENT');
  });

  it('the connection test dials first and hangs up last', async () => {
    const { calls, runner } = fakeRunner();
    const lines: string[] = [];
    for await (const c of testConnection(config(), openClear, { remote: { runner, platform: 'linux' } })) lines.push(`${c.check}:${String(c.ok)}`);
    expect(lines).toEqual(['remote:true', 'resolve:true', 'tls:true', 'http:true']);
    expect(calls.map((c) => c.args[c.args[0] === '--wait' ? 3 : 1])).toEqual(['up', 'down']);
  });

  it('nmEscape keeps backslashes, spaces at the ends and control characters intact for nmcli', () => {
    expect(nmEscape('a\\b')).toBe('a\\\\b');
    expect(nmEscape(' x y ')).toBe('\\040x y\\040');
    expect(nmEscape('a\tb')).toBe('a\\011b');
  });
});
