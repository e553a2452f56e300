/**
 * Log collection in the running service: a failure event runs AMHTPLOG.INF's command, and its report reaches a real
 * HTTPS receiver with the logs zipped into it; 開局通報 is followed by the configuration information report
 * (AMHTPHBI.INF) with its LogFile; status shows each report's progress. Real processes, real commands, real zips.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestPki } from '../helpers/peers/test-ca.js';
import { startReceiver, type Receiver } from '../helpers/peers/https-receiver.js';
import { activatedMachine, startService, until, type Machine, type ServiceProcess } from '../helpers/service-process.js';
import { installScript, unzipped } from '../helpers/collect.js';

let base: string;
let receiver: Receiver;
let service: ServiceProcess | undefined;
let cli: Machine['cli'];
type Progress = { id: string; kind: string; phase: string; logPaths: number };
const status = async () => JSON.parse((await cli(['status', '--json'])).out) as { reports: Progress[] };
const kindOf = (r: Receiver['received'][number]) => (r.report as { kind: string }).kind;
const log = () => service?.log() ?? '';

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'er-svc-collect-'));
  const pki = makeTestPki();
  receiver = await startReceiver(pki.server);
  await writeFile(join(base, 'ca.pem'), pki.ca.certPem);
  const m = await activatedMachine(base, { url: receiver.url, caFile: join(base, 'ca.pem'), settings: ['suppression.use', 'off'], state: 'tested' });
  cli = m.cli;
  const inf = join(m.configDir, 'WebReprt');

  await mkdir(join(base, 'tools'));
  await mkdir(join(base, 'work'));
  await mkdir(join(base, 'hbi'));
  const command = await installScript('write-log.sh', join(base, 'tools'));
  await writeFile(join(base, 'hbi', 'config.txt'), 'configuration of S1\n');
  await writeFile(
    join(inf, 'AMHTPLOG.INF'),
    [
      '[Configuration]',
      'TimeOut=60',
      'MaxSize=0',
      '[DefaultTools]',
      `Command="${command}"`,
      `LogFile="${join(base, 'work', 'out')}"`,
      `Directory="${join(base, 'work')}"`,
      '',
    ].join('\r\n'),
  );
  await writeFile(
    join(inf, 'AMHTPHBI.INF'),
    [
      '[Configuration]',
      'TimeOut=60',
      'MaxSize=0',
      '[Tools]',
      'Command=""',
      `LogFile="${join(base, 'hbi', 'config.txt')}"`,
      'Directory=""',
      '[Schedule]',
      'ScheduleType=every month',
      'ScheduleDay=1',
      'ScheduleTime=03:00',
      '',
    ].join('\r\n'),
  );
  expect((await cli(['validate'])).code).toBe(0);
  service = await startService(m, ['--no-os-events']);
}, 120_000);

afterAll(async () => {
  await service?.stop();
  await receiver?.close();
  await rm(base, { recursive: true, force: true });
});

describe('log collection in the running service', () => {
  it("after 開局通報, the configuration information report goes out with AMHTPHBI.INF's LogFile", async () => {
    const a = await cli(['activate-notify']);
    expect(a.code, a.err).toBe(0);
    await until(() => receiver.received.some((r) => kindOf(r) === 'heartbeat'), 20_000, 'the heartbeat report', log);
    const hb = receiver.received.find((r) => kindOf(r) === 'heartbeat')!;
    const zip = hb.parts.find((x) => x.filename?.endsWith('.zip'));
    expect(zip, 'a zip part').toBeDefined();
    const names = await unzipped(zip!.content, join(base, 'unzip-hb'));
    expect(names.some((n) => n.endsWith('hbi/config.txt'))).toBe(true);
    expect(
      await readFile(
        join(
          base,
          'unzip-hb',
          names.find((n) => n.endsWith('hbi/config.txt'))!,
        ),
        'utf8',
      ),
    ).toBe('configuration of S1\n');
    expect(receiver.received.filter((r) => kindOf(r) === 'heartbeat')).toHaveLength(1);
  });

  it('a failure event runs the command; its report carries the logs it wrote, and status shows it sent', async () => {
    const e = JSON.parse((await cli(['event', '--source', 'atapi', '--id', '0xc0040006'])).out.trim().split('\n').at(-1)!) as { reportId: string };
    await until(() => receiver.received.some((r) => r.reportId === e.reportId), 30_000, 'the failure report', log);
    const got = receiver.received.find((r) => r.reportId === e.reportId)!;
    const zip = got.parts.find((x) => x.filename?.endsWith('.zip'));
    expect(zip, 'a zip part').toBeDefined();
    const names = await unzipped(zip!.content, join(base, 'unzip-failure'));
    expect(names.some((n) => n.endsWith('out/collected.log'))).toBe(true);
    expect(names.some((n) => n.endsWith('out/sub/ログ.txt'))).toBe(true);
    expect(names.some((n) => n.endsWith('_collection.txt'))).toBe(true);
    const manifest = await readFile(
      join(
        base,
        'unzip-failure',
        names.find((n) => n.endsWith('_collection.txt'))!,
      ),
      'utf8',
    );
    expect(manifest).toContain('write-log.sh');
    const mine = (await status()).reports.find((r) => r.id === e.reportId);
    expect(mine).toMatchObject({ kind: 'failure', phase: 'sent', logPaths: 1 });
    expect(log()).toMatch(/ER_6312/);
  });
});
