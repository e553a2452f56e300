/**
 * The service when its state disk is full (issue 10 items 2 and 3), on a real full disk: the state folder is a small
 * tmpfs (we run as root in CI; without the right to mount, the disk-full cases are skipped and say why), filled until
 * ENOSPC. A drop file that cannot be spooled leaves the service running, is logged once and is taken by the retry timer
 * when space returns (no fs event); a start that fails (disk full, or service.json not writable) exits non-zero by
 * itself, leaving no listener, no service.json and no lock.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, statfsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestPki } from '../helpers/peers/test-ca.js';
import { startReceiver, type Receiver } from '../helpers/peers/https-receiver.js';
import { cannotMount as whyNoTmpfs, fill as fillDisk, mountTmpfs, umount } from '../helpers/faults/mounts.js';
import { activatedMachine, startService, until as untilLogged, type Machine, type ServiceProcess } from '../helpers/service-process.js';

const cannotMount = whyNoTmpfs();
if (cannotMount) {
  console.warn(
    `service-disk-full: the disk-full cases are SKIPPED: a tmpfs cannot be mounted here (${cannotMount}). ` +
      'They need root (or CAP_SYS_ADMIN); a file-size limit (RLIMIT_FSIZE) cannot stand in, since it fails every large file, not a full disk.',
  );
}

let base: string;
let machine: Machine;
let receiver: Receiver;
let service: ServiceProcess | undefined;
let mounted = false;
const state = () => join(base, 'state');
const filler = () => join(state(), 'filler');
const log = () => service?.log() ?? '';
const until = (check: () => boolean | Promise<boolean>, ms = 20_000, what = '') => untilLogged(check, ms, what, log);
const count = (text: string, code: string) => text.split('\n').filter((l) => l.includes(code)).length;

/** Fills the state disk, then frees `leave` pages again (statfs says exactly how many are free). */
async function fill(leave = 0): Promise<void> {
  await fillDisk(state(), leave);
  expect(Number(statfsSync(state()).bfree)).toBe(leave);
}

/** `express-report service` until it exits by itself (a process still there after `ms` is killed: a hang). */
function runToExit(argv: string[], ms = 30_000): Promise<{ code: number | null; err: string }> {
  const child = spawn(process.execPath, [...argv, 'service', '--no-os-events'], { env: { ...process.env, LANG: 'C' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (c: Buffer) => {
    err += c.toString();
  });
  return new Promise((resolve) => {
    const hang = setTimeout(() => child.kill('SIGKILL'), ms);
    child.once('exit', (code) => {
      clearTimeout(hang);
      resolve({ code, err });
    });
  });
}

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'er-disk-full-'));
  mkdirSync(state());
  if (!cannotMount) {
    mountTmpfs(state(), '4m');
    mounted = true;
  }
  const pki = makeTestPki();
  receiver = await startReceiver(pki.server);
  await writeFile(join(base, 'ca.pem'), pki.ca.certPem);
  machine = await activatedMachine(base, { url: receiver.url, caFile: join(base, 'ca.pem'), settings: ['suppression.use', 'off'], state: 'active' });
}, 120_000);

afterAll(async () => {
  await service?.stop();
  await receiver?.close();
  if (mounted) umount(state());
  await rm(base, { recursive: true, force: true });
});

describe.skipIf(cannotMount !== undefined)('the state disk full (a real tmpfs filled until ENOSPC)', () => {
  it('a drop file that cannot be spooled: the service keeps running and serving, logs it once, and takes it when space returns', async () => {
    service = await startService(machine, ['--no-os-events']);
    const drop = join(state(), 'drop');
    await writeFile(join(drop, 'fan.tmp'), JSON.stringify({ source: 'ESMCommonService', id: '0xc0000451', message: 'fan' }));
    await fill();
    const mark = log().length;
    await rename(join(drop, 'fan.tmp'), join(drop, 'fan.json'));
    await until(() => log().slice(mark).includes('ER_1035'), 20_000, 'the spool failure to be logged');
    expect(log().slice(mark)).toMatch(/ER_1035 .*fan\.json cannot be accepted now: .*ENOSPC/);

    // Everything else is still served: a malformed file is rejected (a rename needs no space), status answers.
    await writeFile(join(drop, 'bad.tmp'), '');
    await rename(join(drop, 'bad.tmp'), join(drop, 'bad.json'));
    await until(() => log().slice(mark).includes('ER_1033'), 20_000, 'the malformed file to be rejected');
    const status = await machine.cli(['status', '--json']);
    expect(status.code, status.err).toBe(0);
    // Scans (that one, and the retry timer's at 1 s and 2 s) met the same full disk: still one line.
    await new Promise((r) => setTimeout(r, 3_500));
    expect(count(log().slice(mark), 'ER_1035')).toBe(1);
    expect(service.child.exitCode).toBeNull();
    expect(await readdir(drop)).toContain('fan.json');

    // Space returns; nothing happens in the drop folder: the retry timer takes the file.
    await rm(filler());
    await until(() => receiver.received.some((r) => (r.report as { event?: { id: number } }).event?.id === 0xc0000451), 90_000, 'the fan report');
    await until(async () => !(await readdir(drop)).includes('fan.json'), 10_000, 'the drop file to be removed');
    expect(log().slice(mark)).toMatch(/ER_6060 .*fan\.json was accepted/);
    expect(log()).not.toMatch(/\n\s+at /); // no stack trace
  }, 180_000);

  it('a start with the disk full exits non-zero by itself, leaving no listener, no service.json and no lock', async () => {
    await service?.stop();
    service = undefined;
    await writeFile(join(state(), 'log', 'service.log'), ''); // its page has room for the start's few lines
    await fill(1); // room for the lock, none for service.json
    const r = await runToExit(machine.argv);
    expect(r.code, r.err).toBe(1);
    expect(r.err).toMatch(/ER_1002 .*service\.json.*ENOSPC/);
    expect(r.err).not.toMatch(/ER_1042/); // it ended because nothing was left open, not by the backstop timer
    expect(existsSync(join(state(), 'service.json'))).toBe(false);
    expect(existsSync(join(state(), 'service.lock'))).toBe(false);
    await rm(filler());
  }, 60_000);

  it('a start with no room even for the lock exits non-zero with a coded message naming the lock', async () => {
    await writeFile(join(state(), 'log', 'service.log'), '');
    await fill(0);
    const r = await runToExit(machine.argv);
    expect(r.code, r.err).toBe(1);
    expect(r.err).toMatch(/ER_1002 .*service\.lock.*ENOSPC/);
    expect(r.err).not.toMatch(/ER_1009|ER_1097/); // not "cannot understand" / an unexpected error
    expect(existsSync(join(state(), 'service.lock'))).toBe(false);
    await rm(filler());
  }, 60_000);
});

describe('a start that fails at its last step (service.json cannot be written)', () => {
  it('closes the listener and every part, and exits non-zero by itself', async () => {
    await service?.stop();
    service = undefined;
    await rm(filler(), { force: true });
    await rm(join(state(), 'service.json'), { recursive: true, force: true });
    await mkdir(join(state(), 'service.json')); // rename(temp, service.json) fails: EISDIR
    const r = await runToExit(machine.argv);
    await rm(join(state(), 'service.json'), { recursive: true });
    expect(r.code, r.err).toBe(1);
    expect(r.err).toMatch(/ER_1002 .*service\.json/);
    expect(r.err).not.toMatch(/ER_1042/);
    expect(existsSync(join(state(), 'service.lock'))).toBe(false);
    // The state folder is usable at once: a new start succeeds.
    service = await startService(machine, ['--no-os-events']);
    expect((await machine.cli(['status', '--json'])).code).toBe(0);
  }, 60_000);
});
