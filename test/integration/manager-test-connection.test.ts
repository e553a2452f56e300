/**
 * test-connection through a manager (service/routes/manager/test-connection.ts): name resolution, TCP and a probe frame
 * per manager, against a fake manager on 127.0.0.1; and `express-report test-connection` choosing these checks when
 * the route goes through a manager.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatManagerCheck, testManagerConnection, type ManagerCheck } from '../../service/routes/manager/test-connection.js';
import { type Config } from '../../shared/config/model.js';
import { defaultSettings, type Settings } from '../../shared/settings/schema.js';
import { closedPort } from '../helpers/peers/https-receiver.js';
import { startFakeManager, type FakeManager } from '../helpers/peers/fake-manager.js';
import { cli } from '../helpers/cli.js';

const managers: FakeManager[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(managers.splice(0).map((m) => m.close()));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

const config = (changes: Partial<Settings>): Config => ({
  settings: { ...defaultSettings(), 'express.route': 'manager', ...changes },
  optionDevices: [],
  inf: {},
});

async function run(c: Config): Promise<ManagerCheck[]> {
  const out: ManagerCheck[] = [];
  for await (const x of testManagerConnection(c, { timeouts: { answerMs: 2_000 } })) out.push(x);
  return out;
}

describe('test-connection through a manager', () => {
  it('a manager that takes reports: name, TCP and probe succeed; the probe frame reached it', async () => {
    const m = await startFakeManager('ack');
    managers.push(m);
    const checks = await run(config({ 'manager.host': '127.0.0.1', 'manager.port': m.port }));
    expect(checks.map((c) => [c.check, c.ok])).toEqual([
      ['resolve', true],
      ['tcp', true],
      ['probe', true],
    ]);
    expect(m.received).toEqual([{ type: 'probe', id: expect.stringMatching(/^probe-[0-9a-f-]{36}$/) as string }]);
    expect(formatManagerCheck(checks[2]!, 'en')).toMatch(/^SUCCESS {2}manager takes reports \(probe\) {2}127\.0\.0\.1:\d+: ACK/);
  });

  it("a manager that would refuse: the probe fails with its coded reason; a refused secondary's TCP check fails", async () => {
    const m = await startFakeManager('nak-retry');
    managers.push(m);
    const refused = await closedPort();
    const checks = await run(
      config({ 'manager.host': '127.0.0.1', 'manager.port': m.port, 'manager.secondary.host': '127.0.0.1', 'manager.secondary.port': refused }),
    );
    expect(checks.map((c) => [c.check, c.ok, c.problem?.code])).toEqual([
      ['resolve', true, undefined],
      ['tcp', true, undefined],
      ['probe', false, 'ER_2253'],
      ['resolve', true, undefined],
      ['tcp', false, 'ER_2301'],
    ]);
    expect(formatManagerCheck(checks[4]!, 'ja')).toContain('予備のマネージャ');
  });

  it('a name that does not resolve, and no manager set', async () => {
    expect((await run(config({ 'manager.host': 'no-such-manager.invalid' }))).map((c) => [c.check, c.problem?.code])).toEqual([['resolve', 'ER_2300']]);
    expect((await run(config({}))).map((c) => [c.check, c.problem?.code])).toEqual([['config', 'ER_2311']]);
  });

  it('express-report test-connection runs these checks for HTTPS via a manager, and exits 1 on a failure', async () => {
    const m = await startFakeManager('ack');
    managers.push(m);
    const base = await mkdtemp(join(tmpdir(), 'express-report-mtc-'));
    dirs.push(base);
    const d = ['--config-dir', join(base, 'config'), '--state-dir', join(base, 'state')];
    expect((await cli([...d, 'init'])).code).toBe(0);
    const set = await cli([
      ...d,
      'config',
      'set',
      'express.route',
      'https',
      'https.via',
      'manager',
      'https.manager.host',
      '127.0.0.1',
      'https.manager.port',
      `${m.port}`,
    ]);
    expect(set.err).toEqual([]);
    const ok = await cli([...d, 'test-connection']);
    expect(ok.code).toBe(0);
    expect(ok.out.filter((l) => l.startsWith('SUCCESS'))).toHaveLength(3);
    await m.close();
    const down = await cli([...d, 'test-connection']);
    expect(down.code).toBe(1);
    expect(down.out.some((l) => /^FAILURE .*ER_2301/.test(l))).toBe(true);
  });
});
