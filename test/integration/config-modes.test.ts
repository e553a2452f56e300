/**
 * Issue 11: the files holding personal data or sealed secrets (activation.ini: the customer's name, address, phone,
 * e-mail; routes.ini: sealed passwords, accounts, addresses) are 0600, the config folder init creates is 0700, and a
 * file left 0644 by an older version is tightened by its next write. docs/config-folder.md, "File modes".
 */
import { describe, expect, it } from 'vitest';
import { chmod, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CONFIG_FILES } from '../../shared/config/files.js';
import { isPrivateConfigFile } from '../../shared/node/config-modes.js';
import { settingDefs } from '../../shared/settings/schema.js';
import { createHost } from '../../service/host-factory.js';
import { cli } from '../helpers/cli.js';
import { tempDirs } from '../helpers/tmp.js';

const tmp = tempDirs();
const modeOf = async (p: string): Promise<number> => (await stat(p)).mode & 0o777;
const PRIVATE = ['activation.ini', 'routes.ini'];

async function modes(config: string, rels: readonly string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const rel of rels) out[rel] = (await modeOf(join(config, rel))).toString(8);
  return out;
}

const expected = (rels: readonly string[]): Record<string, string> =>
  Object.fromEntries(rels.map((r) => [r, PRIVATE.includes(r.replace(/\.bak$/, '')) ? '600' : '644']));

async function initFolder(): Promise<{ config: string; state: string; args: string[] }> {
  const dir = await tmp();
  const config = join(dir, 'config');
  const state = join(dir, 'state');
  const args = ['--config-dir', config, '--state-dir', state];
  expect((await cli([...args, 'init'])).code).toBe(0);
  return { config, state, args };
}

describe('config folder file modes', () => {
  it('private files are exactly those holding a secret or personal contact data', () => {
    const personal = settingDefs.filter((d) => d.kind === 'secret' || ['email', 'phone', 'postal'].includes(String((d as { charClass?: string }).charClass)));
    for (const d of personal) expect([d.key, isPrivateConfigFile(d.file)]).toEqual([d.key, true]);
    expect(CONFIG_FILES.map((f) => f.rel).filter(isPrivateConfigFile)).toEqual(PRIVATE);
  });

  it('init creates the folder 0700 and the personal-data files 0600', async () => {
    const { config } = await initFolder();
    expect((await modeOf(config)).toString(8)).toBe('700');
    expect((await modeOf(join(config, 'WebReprt'))).toString(8)).toBe('700');
    const rels = CONFIG_FILES.map((f) => f.rel);
    expect(await modes(config, rels)).toEqual(expected(rels));
  });

  it('config set writes them 0600 and tightens a file an older version left 0644, with its backup', async () => {
    const { config, args } = await initFolder();
    for (const rel of PRIVATE) await chmod(join(config, rel), 0o644);
    await chmod(join(config, 'schedule.ini'), 0o640); // a file without personal data keeps the mode it was given
    const r = await cli([...args, 'config', 'set', 'machine.comment', 'rack 4', 'mail.smtp.host', 'smtp.example.jp', 'schedule.retry.limitHours', '48']);
    expect(r.code).toBe(0);
    const rels = [...PRIVATE, ...PRIVATE.map((p) => `${p}.bak`)];
    expect(await modes(config, rels)).toEqual(expected(rels));
    expect(await modes(config, ['schedule.ini', 'schedule.ini.bak'])).toEqual({ 'schedule.ini': '640', 'schedule.ini.bak': '640' });
  });

  it('a save through the settings window (the host) writes them 0600 and tightens a 0644 one', async () => {
    const dir = await tmp();
    const config = join(dir, 'config');
    const host = await createHost({ configDir: config, stateDir: join(dir, 'state') }); // creates the folder
    expect(await modes(config, PRIVATE)).toEqual(expected(PRIVATE));
    await chmod(join(config, 'routes.ini'), 0o644);
    const saved = await host.saveSettings({ values: { 'mail.smtp.host': 'smtp.example.jp' } });
    expect(saved.ok).toBe(true);
    expect(await modes(config, ['routes.ini', 'routes.ini.bak'])).toEqual(expected(['routes.ini', 'routes.ini.bak']));
    await chmod(join(config, 'activation.ini'), 0o644);
    const activated = await host.activate({
      method: 'keycode',
      service: 'https',
      optionDevices: [],
      values: {
        'activation.keyCode': '01239',
        'activation.replyMail': 'reply@example.jp',
        'machine.serverName': 'SERVER001',
        'machine.deviceCode': 'N8100-1234',
        'machine.serialNumber': '00000001',
        'machine.warrantyNumber': '99999999',
      },
    });
    expect(activated.ok).toBe(true);
    expect(await modes(config, ['activation.ini', 'activation.ini.bak'])).toEqual(expected(['activation.ini', 'activation.ini.bak']));
  });
});
