/**
 * The running service as tests meet it: a machine activated by the command line (key code) with its HTTPS destination
 * pointed at a test receiver, and `express-report service` as its own process, ready once `<state>/service.json`
 * exists (written last at start) and stopped with SIGTERM, as an operator would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { access, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { processCli } from './process-cli.js';
import { activateArgs, pointDestinations } from './activation.js';
import { stopChild } from './peers/child.js';
import { makeTestPki } from './peers/test-ca.js';
import { startReceiver, type Answer, type Receiver, type Received } from './peers/https-receiver.js';

/** Polls `check` until it holds; the error names what was awaited and, when given, what the service logged. */
export async function until(check: () => boolean | Promise<boolean>, ms: number, what: string, log: () => string = () => ''): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${log() ? `; service log:\n${log()}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface Center {
  receiver: Receiver;
  /** The test CA's certificate, for https.caFile. */
  caFile: string;
}

/**
 * The center a test's machine reports to: an HTTPS receiver on loopback with a certificate from a fresh test CA,
 * answering `answer` (the receiver's default when not given), and that CA's certificate written to `<dir>/ca.pem`.
 */
export async function startCenter(dir: string, answer?: (r: Received) => Answer): Promise<Center> {
  const pki = makeTestPki();
  const receiver = await startReceiver(pki.server, answer);
  const caFile = join(dir, 'ca.pem');
  await writeFile(caFile, pki.ca.certPem);
  return { receiver, caFile };
}

export interface Machine {
  configDir: string;
  stateDir: string;
  argv: string[];
  cli: ReturnType<typeof processCli>['run'];
}

/**
 * init → activate (key code) → AMHTPADR.INF's URL1 = `url` → the test CA as https.caFile, then `settings` (e.g.
 * suppression). `caFile` must exist. `state` is reached the honest way, as an operator does (docs/activation.md): a real
 * テスト通報 to `url` for 'tested', and the 開局通報 after it for 'active', so the receiver must answer 2xx then and
 * records both. No setting can change the state (`config set activation.state` is refused, ER_3090). For 'active', the
 * marker that queues the configuration information after 開局通報 is removed: that report is service-collect's
 * subject, and these tests count what reaches the receiver. `madeByServe`: `express-report serve` runs on `base` and
 * may have made the config folder already, so init's refusal is ignored.
 */
export async function activatedMachine(
  base: string,
  o: {
    url: string;
    caFile: string;
    settings?: string[];
    state?: 'tested' | 'active';
    madeByServe?: boolean;
    /** The machine's identity (S1, N8100-2810, 1 when not given): several machines of one test tell apart by it. */
    identity?: { serverName: string; deviceCode: string; serial: string };
  },
): Promise<Machine> {
  if (o.settings?.includes('activation.state')) throw new Error("the state is reached by state: 'tested' | 'active', not by a setting");
  const configDir = join(base, 'config');
  const stateDir = join(base, 'state');
  const { argv, run: cli } = processCli(configDir, stateDir);
  const ok = async (args: string[]) => {
    const r = await cli(args);
    if (r.code !== 0) throw new Error(`express-report ${args.join(' ')} failed: ${r.err}`);
  };
  await (o.madeByServe ? cli(['init']) : ok(['init']));
  await ok(activateArgs('S1', [], o.identity));
  await pointDestinations(configDir, o.url);
  await ok(['config', 'set', 'https.caFile', o.caFile, ...(o.settings ?? [])]);
  if (o.state) await ok(['test-notify', '--result-mail', 'r@example.jp']);
  if (o.state === 'active') {
    await ok(['activate-notify']);
    await rm(join(stateDir, 'activation-notified'), { force: true });
  }
  return { configDir, stateDir, argv, cli };
}

/**
 * TEST ONLY: writes State= in activation.ini as a hand edit (or an older version) would, bypassing every operation that
 * may change the state (docs/activation.md, "A hand edit of State="). The service trusts activation.ini as written, so a
 * test can use it to make a visible change of the config; atomic (temp + rename), as an editor saving the file does.
 */
export async function handEditState(configDir: string, state: string): Promise<void> {
  const ini = join(configDir, 'activation.ini');
  const temp = `${ini}.hand-edit.tmp`;
  await writeFile(temp, (await readFile(ini, 'utf8')).replace(/^State=.*$/m, `State=${state}`));
  await rename(temp, ini);
}

export interface ServiceProcess {
  child: ChildProcess;
  /** Everything it wrote to stderr (its log lines) so far. */
  log(): string;
  stop(): Promise<void>;
}

/** Starts `express-report service` on the machine's folders and resolves once it is ready. */
export async function startService(m: Pick<Machine, 'argv' | 'stateDir'>, args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<ServiceProcess> {
  await rm(join(m.stateDir, 'service.json'), { force: true }); // left by a killed run, it would say "ready" too soon
  const child = spawn(process.execPath, [...m.argv, 'service', ...args], { env: { ...process.env, LANG: 'C', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  return serviceReady(child, m.stateDir);
}

/** Collects a started service's log and resolves once it wrote service.json (stops it if it never does). */
export async function serviceReady(child: ChildProcess, stateDir: string): Promise<ServiceProcess> {
  let log = '';
  child.stderr!.on('data', (c: Buffer) => {
    log += c.toString();
  });
  const stop = () => stopChild(child);
  try {
    await until(
      () =>
        access(join(stateDir, 'service.json')).then(
          () => true,
          () => false,
        ),
      30_000,
      'the service to start',
      () => log,
    );
  } catch (e) {
    await stop();
    throw e;
  }
  return { child, log: () => log, stop };
}
