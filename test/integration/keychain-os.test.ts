/**
 * Remembered passwords against the REAL OS keychain: gnome-keyring-daemon (Secret Service) on a private D-Bus session
 * (dbus-run-session), HOME and XDG_RUNTIME_DIR in a fresh temp folder, so the developer's own keychain is never touched.
 * The child (keychain-os-child.ts) drives our OsKeychain and two NodeHosts. Missing programs fail the test and name the
 * apt package (dbus-run-session is in dbus-daemon, gnome-keyring-daemon in gnome-keyring; .ci/run installs both);
 * they never skip it silently.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../helpers/tmp.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = fileURLToPath(new URL('./keychain-os-child.ts', import.meta.url));
const tmp = tempDirs();

function requireProgram(name: string, aptPackage: string): void {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
  if (!found)
    throw new Error(
      `${name} is not installed: this test needs the real OS keychain. Install the apt package "${aptPackage}" (apt-get install -y ${aptPackage}).`,
    );
}

/** Runs the child and returns its RESULT line (fails with its output otherwise). */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (!line) reject(new Error(`the keychain child exited ${code} without a result.\nstdout: ${out}\nstderr: ${err}`));
      else resolve(JSON.parse(line.slice('RESULT '.length)) as Record<string, unknown>);
    });
  });
}

async function isolatedEnv(): Promise<{ env: NodeJS.ProcessEnv; work: string }> {
  const dir = await tmp();
  const home = join(dir, 'home');
  const runtime = join(dir, 'run');
  await mkdir(home, { recursive: true });
  await mkdir(runtime, { recursive: true, mode: 0o700 });
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    XDG_RUNTIME_DIR: runtime,
    XDG_DATA_HOME: join(home, '.local', 'share'),
    LANG: 'C.UTF-8',
  };
  return { env, work: join(dir, 'work') };
}

describe('the OS keychain (gnome-keyring under dbus-run-session)', () => {
  it('set / get / list / delete through OsKeychain; remember on one server, (remembered) on another; no clear password in any file', async () => {
    requireProgram('dbus-run-session', 'dbus-daemon');
    requireProgram('gnome-keyring-daemon', 'gnome-keyring');
    const { env, work } = await isolatedEnv();
    // A fresh login keyring, created and unlocked with the password on stdin, serving only the Secret Service.
    const script =
      'echo -n test-login-pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 97; exec "$0" --import tsx "$1" keychain "$2"';
    const r = await run('dbus-run-session', ['--', 'sh', '-c', script, process.execPath, CHILD, work], env);

    expect(r.initial).toEqual([]);
    expect(r.afterSet).toEqual(['remote:dial@プロバイダ', 'smtp:mailer@smtp.example.jp:587']);
    expect(r.get).toEqual(['smtp-pw', 'second', null]);
    expect(r.deleted).toEqual([true, false]);
    expect(r.afterDelete).toEqual(['smtp:mailer@smtp.example.jp:587']);

    expect(r.firstSave).toEqual({ ok: true, warnings: [] });
    expect(r.secondSave).toEqual({ ok: true, warnings: [], shown: '(set)' });
    expect(r.sealedPrefix).toBe('sealed:v1:');
    expect(r.opensToPassword).toBe(true);
    expect(r.keychainHasIt).toBe(true);
    expect(r.remembered).toEqual({
      available: true,
      accounts: [
        { kind: 'proxy', user: 'ops@corp', host: 'proxy.example.jp', port: 8080 },
        { kind: 'smtp', user: 'mailer', host: 'smtp.example.jp', port: 587 },
      ],
    });
    expect(r.rememberedJsonHasPassword).toBe(false);
    expect(r.leaked).toEqual([]);
    expect(r.forgot).toEqual({ available: true, accounts: [{ kind: 'smtp', user: 'mailer', host: 'smtp.example.jp', port: 587 }] });
    expect(r.final).toEqual([]);
  });

  it('with no session bus: ER_1012 with the OS reason; a save with remember goes through with warning ER_6005', async () => {
    const { env, work } = await isolatedEnv();
    const r = await run(process.execPath, ['--import', 'tsx', CHILD, 'nobus', work], {
      ...env,
      DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(env.XDG_RUNTIME_DIR!, 'no-such-bus')}`,
    });
    expect(r.list).toMatch(/^ER_1012 The OS keychain of this computer cannot be used: list: .+/);
    expect(r.set).toMatch(/^ER_1012 /);
    expect(r.save).toEqual({ ok: true, warnings: ['ER_6005'], host: 'proxy.example.jp' });
    expect((r.remembered as { available: boolean }).available).toBe(false);
    expect(r.leaked).toBe(false);
  });
});
