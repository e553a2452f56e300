/**
 * A real POP3 server on loopback: Debian's dovecot (package `dovecot-pop3d`) in the foreground with its own config in
 * a temp folder (base_dir, state, log, maildir all inside), accounts in a passwd-file, no TLS. Started per test file,
 * stopped after. When dovecot is missing or does not start, start throws: a POP test must fail, never skip silently.
 *
 * As root (here and in CI) dovecot drops privileges to its own users `dovecot` and `dovenull` (created by the Debian
 * package); the temp folder is opened for them. As another user, that user serves for all.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { closedPort } from './https-receiver.js';
import { stopChild, waitForPort } from './child.js';

export const DOVECOT = '/usr/sbin/dovecot';

export interface Dovecot {
  port: number;
  /** dovecot's own log (its log_path). */
  log(): Promise<string>;
  /** Successful POP logins of `user` so far, from dovecot's log. */
  logins(user: string): Promise<number>;
  stop(): Promise<void>;
}

export async function startDovecot(accounts: Record<string, string>): Promise<Dovecot> {
  if (spawnSync(DOVECOT, ['--version']).error !== undefined) throw new Error(`dovecot is not installed (${DOVECOT}): apt-get install -y dovecot-pop3d`);
  const dir = await mkdtemp(join(tmpdir(), 'express-report-dovecot-'));
  // dovecot's unprivileged processes must reach the sockets and the maildir below this folder.
  await chmod(dir, 0o755);
  await mkdir(join(dir, 'mail'), { mode: 0o777 });
  await chmod(join(dir, 'mail'), 0o777);
  const port = await closedPort();
  const root = process.getuid?.() === 0;
  const internal = root ? 'dovecot' : userInfo().username;
  const login = root ? 'dovenull' : userInfo().username;
  const passwd = join(dir, 'passwd');
  const logPath = join(dir, 'dovecot.log');
  await writeFile(
    passwd,
    Object.entries(accounts)
      .map(([u, p]) => `${u}:{PLAIN}${p}\n`)
      .join(''),
  );
  const conf = join(dir, 'dovecot.conf');
  await writeFile(
    conf,
    `
instance_name = express-report-test-${port}
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${logPath}
protocols = pop3
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain
auth_failure_delay = 0
default_internal_user = ${internal}
default_login_user = ${login}
first_valid_uid = 1
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${passwd}
}
userdb {
  driver = static
  args = uid=${internal} gid=${internal} home=${dir}/mail/%u
}
service pop3-login {
  inet_listener pop3 {
    address = 127.0.0.1
    port = ${port}
  }
}
# No growing delay after a wrong password (anvil's auth penalty): the tests try one on purpose.
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
`,
  );
  const child = spawn(DOVECOT, ['-F', '-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const log = (): Promise<string> => readFile(logPath, 'utf8').catch(() => '');
  try {
    await waitForPort('dovecot', port, child, 10_000);
  } catch (e) {
    child.kill('SIGKILL');
    const text = `${(e as Error).message}\n${out}\n${await log()}`;
    await rm(dir, { recursive: true, force: true });
    throw new Error(text);
  }
  return {
    port,
    log,
    logins: async (user) => (await log()).split('\n').filter((l) => l.includes('pop3-login: Info: Login:') && l.includes(`user=<${user}>`)).length,
    stop: async () => {
      await stopChild(child);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
