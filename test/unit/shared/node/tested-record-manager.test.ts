/** 変更後未テスト through a manager (shared/node/tested-record.ts): the manager's address is what the test proved. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordTested, untestedChanges } from '../../../../shared/node/tested-record.js';
import { type Config } from '../../../../shared/config/model.js';
import { defaultSettings, type Settings } from '../../../../shared/settings/schema.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tested-manager-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const config = (changes: Partial<Settings>): Config => ({
  settings: { ...defaultSettings(), 'activation.state': 'tested', ...changes },
  optionDevices: [],
  inf: { adr: { url1: 'https://center.example.jp/a' } },
});

describe('tested record through a manager', () => {
  it("HTTPS via a manager: the manager's address counts, the center's URLs do not", async () => {
    const dirs = { configDir: dir, stateDir: dir };
    const tested = config({ 'express.route': 'https', 'https.via': 'manager', 'https.manager.host': 'hm.example.jp' });
    await recordTested(dirs, tested);
    expect(await untestedChanges(dirs, { ...tested, inf: { adr: { url1: 'https://other.example.jp/' } } })).toBeUndefined();
    expect((await untestedChanges(dirs, config({ ...tested.settings, 'https.manager.host': 'hm2.example.jp' })))?.areas).toEqual(['destinations']);
    expect((await untestedChanges(dirs, config({ ...tested.settings, 'https.via': 'direct' })))?.areas).toContain('destinations');
  });

  it('Express via a manager: a secondary manager added is a change; none set is what it was before the key existed', async () => {
    const dirs = { configDir: dir, stateDir: dir };
    const tested = config({ 'express.route': 'manager', 'manager.host': 'm.example.jp' });
    await recordTested(dirs, tested);
    expect(await untestedChanges(dirs, tested)).toBeUndefined();
    expect((await untestedChanges(dirs, config({ ...tested.settings, 'manager.secondary.host': 'm2.example.jp' })))?.areas).toEqual(['destinations']);
  });
});
