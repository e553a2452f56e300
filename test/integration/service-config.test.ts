/**
 * The running service and its folders: a valid config change applies within a second, an invalid one is refused and
 * the last good config kept (logged with file:line); the drop folder takes events; a report past its limit is expired
 * and visible in status. Real processes, real files, a real HTTPS receiver.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Receiver } from '../helpers/peers/https-receiver.js';
import { activatedMachine, startCenter, startService, until as untilLogged, type Machine, type ServiceProcess } from '../helpers/service-process.js';

let base: string;
let receiver: Receiver;
let answer = 200;
let service: ServiceProcess | undefined;
let cli: Machine['cli'];
const state = () => join(base, 'state');
const log = () => service?.log() ?? '';
const until = (check: () => boolean | Promise<boolean>, ms = 10_000, what = '') => untilLogged(check, ms, what, log);
const status = async () =>
  JSON.parse((await cli(['status', '--json'])).out) as { pending: number; expired: number; lastFailure?: { problem: { code: string } } };

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'er-svc-config-'));
  const center = await startCenter(base, () => ({ status: answer, body: answer === 200 ? 'ok' : 'center busy' }));
  receiver = center.receiver;
  const m = await activatedMachine(base, { url: receiver.url, caFile: center.caFile, settings: ['suppression.use', 'off'], state: 'active' });
  cli = m.cli;
  service = await startService(m);
}, 120_000);

afterAll(async () => {
  await service?.stop();
  await receiver?.close();
  await rm(base, { recursive: true, force: true });
});

describe('the running service and its folders', () => {
  it('keeps the last good config when a change is invalid, and logs where the mistake is', async () => {
    const path = join(base, 'config', 'schedule.ini');
    const good = await readFile(path, 'utf8');
    await writeFile(path, good.replace('IntervalMinutes=5', 'IntervalMinutes=0'));
    await until(() => log().includes('ER_1031'));
    expect(log()).toMatch(/schedule\.ini:\d+: ER_3012/);
    const before = receiver.received.length;
    const e = JSON.parse((await cli(['event', '--source', 'atapi', '--id', '0xc0040006'])).out.trim().split('\n').at(-1)!) as { result: string };
    expect(e.result).toBe('accepted');
    await until(() => receiver.received.length > before);
    // status shows the settings it runs on and the refused change (--json, and the line of `status`).
    const st = JSON.parse((await cli(['status', '--json'])).out) as {
      config?: { since?: string; hash?: string; lastReload?: { ok: boolean; count?: number } };
    };
    expect(st.config).toMatchObject({
      since: expect.any(String),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      lastReload: { ok: false, count: expect.any(Number) },
    });
    expect((await cli(['status'])).out).toMatch(/settings: the service runs on the settings of \S+; your last change has \d+ errors? and was not applied/);
    await writeFile(path, good);
  });

  it('applies a valid change within a second (a window closed all week: nothing is sent)', async () => {
    const path = join(base, 'config', 'schedule.ini');
    const good = await readFile(path, 'utf8');
    const closed = good.replace(/^(Sun|Mon|Tue|Wed|Thu|Fri|Sat)=.*$/gm, '$1=none');
    const t0 = Date.now();
    const mark = log().length;
    await writeFile(path, closed);
    await until(() => log().slice(mark).includes('ER_6012'), 5_000);
    expect(Date.now() - t0).toBeLessThan(1_000 + 500); // debounce 200 ms; the rest is load
    const before = receiver.received.length;
    await cli(['event', '--source', 'disk', '--id', '0xc0040007']);
    await until(async () => (await status()).pending + (await status()).expired > 0);
    expect(receiver.received.length).toBe(before);
    const restored = log().length;
    await writeFile(path, good);
    await until(() => log().slice(restored).includes('ER_6012'), 5_000, 'the window to open again');
  });

  it('takes events from the drop folder and removes each file once its report is spooled', async () => {
    const drop = join(state(), 'drop');
    await writeFile(join(drop, 'e1.tmp'), JSON.stringify({ source: 'ESMCommonService', id: '0xc0000451', message: 'fan' }));
    await rename(join(drop, 'e1.tmp'), join(drop, 'e1.json'));
    await writeFile(join(drop, 'bad.json'), '{"source": ""}');
    await until(async () => (await readdir(drop)).filter((n) => n.endsWith('.json')).length === 0, 10_000, 'the drop folder to empty');
    await until(() => receiver.received.some((r) => (r.report as { event?: { id: number } }).event?.id === 0xc0000451), 10_000, 'the fan report');
    expect(await readdir(join(drop, 'rejected'))).toEqual(['bad.json']);
    expect(log()).toMatch(/ER_1033/);
  });

  it('expires a report whose limit passes while the center refuses it, and shows it in status', async () => {
    answer = 400; // the center refuses the report itself: retrying cannot help
    await cli(['event', '--source', 'ESMMEMORY', '--id', '0xc0000903']);
    await until(async () => (await status()).expired > 0);
    const s = await status();
    expect(s.lastFailure?.problem.code).toBe('ER_2008');
    expect((await readdir(join(state(), 'expired'))).length).toBeGreaterThan(0);
    answer = 200;
  });
});
