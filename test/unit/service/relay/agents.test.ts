import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AgentRegistry } from '../../../../service/relay/agents.js';
import { type Problem } from '../../../../shared/messages/problem.js';

const dirs: string[] = [];
afterEach(async () => Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true }))));

async function registry(now: () => Date = () => new Date('2026-03-01T00:00:00Z')) {
  const d = await mkdtemp(join(tmpdir(), 'agents-'));
  dirs.push(d);
  const logged: Problem[] = [];
  const file = join(d, 'agents.json');
  return { file, logged, r: await AgentRegistry.load({ file, log: (p) => logged.push(p), now }) };
}
const machine = (n: number, serverName = `S${n}`) => ({ serverName, deviceCode: 'N8100', serialNumber: `SN${n}`, userSystemCode: 'U' });

describe('AgentRegistry', () => {
  it('knows an agent by identity across addresses, flags a second machine under one identity once', async () => {
    const { r, logged } = await registry();
    r.saw(machine(1), '10.0.0.1', { received: true });
    r.saw(machine(1), '10.0.0.2', { received: true });
    expect(r.list(new Map([['N8100:SN1', 1]]))).toMatchObject([
      { identity: 'N8100:SN1', addresses: ['10.0.0.2', '10.0.0.1'], received: 2, waiting: 1, conflict: false },
    ]);
    r.saw(machine(1, 'OTHER'), '10.0.0.3', { received: true });
    r.saw(machine(1, 'OTHER'), '10.0.0.3', { received: true });
    expect(r.list(new Map())[0]!.conflict).toBe(true);
    expect(logged.filter((p) => p.code === 'ER_2348')).toHaveLength(1);
    expect(r.flagged()).toBe(1);
  });

  it('flags an agent silent for over 35 days', async () => {
    let now = new Date('2026-03-01T00:00:00Z');
    const { r } = await registry(() => now);
    r.saw(machine(2), '10.0.0.9', { received: true });
    now = new Date('2026-04-06T00:00:00Z');
    expect(r.list(new Map())[0]!.silent).toBe(true);
  });

  it('warns once beyond 1,000 agents and refuses nobody', async () => {
    const { r, logged } = await registry();
    for (let i = 0; i < 1005; i++) r.saw(machine(i), '10.0.0.1', { received: true });
    expect(r.size).toBe(1005);
    expect(logged.filter((p) => p.code === 'ER_2347')).toHaveLength(1);
  });

  it('keeps the list in agents.json across a restart; an unreadable file is logged and the list starts again', async () => {
    const { r, file } = await registry();
    r.saw(machine(3), '10.0.0.3', { received: true });
    await r.flush();
    const again = await AgentRegistry.load({ file, log: () => undefined });
    expect(again.list(new Map())).toMatchObject([{ identity: 'N8100:SN3', received: 1 }]);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ version: 1 });
    await writeFile(file, '{not json');
    const logged: Problem[] = [];
    const fresh = await AgentRegistry.load({ file, log: (p) => logged.push(p) });
    expect(fresh.size).toBe(0);
    expect(logged.map((p) => p.code)).toEqual(['ER_2346']);
  });
});
