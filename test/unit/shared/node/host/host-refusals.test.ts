/**
 * What OK refuses at once, in words a customer can act on (issue 11 section 4), instead of a test notification failing
 * later: a CA file that does not exist or is not PEM (checked by the host when the window saves it), a half-width-only
 * field given other characters, full-width digits in a number, a value over its limit (refused with the limit named).
 * Each problem names the field's label, carries the field, and keeps the system's text (ENOENT, ...) as its detail.
 */
import { describe, expect, it } from 'vitest';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createNodeHost } from '../../../../../shared/node/host/create.js';
import { ConfigStore } from '../../../../../shared/node/config-store.js';
import { parseValue } from '../../../../../shared/settings/values.js';
import { validateSetting, viewOf } from '../../../../../shared/settings/validate.js';
import { validateOptionDevices } from '../../../../../shared/settings/options.js';
import { defaultSettings, settingDef } from '../../../../../shared/settings/schema.js';
import { RESOURCES_DIR } from '../../../../../service/app-paths.js';
import { tempDirs } from '../../../../helpers/tmp.js';

const tmp = tempDirs();
const CA_PEM = join(import.meta.dirname, '..', '..', '..', '..', 'fixtures', 'keyfile', 'test-ca.pem');

async function server() {
  const dir = await tmp();
  const configDir = join(dir, 'config');
  const host = await createNodeHost({ configDir, stateDir: join(dir, 'state'), resourcesDir: RESOURCES_DIR, version: 'test' }, {});
  return { host, dir, configDir };
}
const saved = async (configDir: string) => (await ConfigStore.open(configDir)).config.settings['https.caFile'];
const def = (key: string) => settingDef(key)!;
const one = (key: string, value: string) => validateSetting(def(key), value, viewOf(defaultSettings()));

describe('追加の CA 証明書ファイル is checked when OK saves it', () => {
  it('a file that does not exist: ER_3071 on the field, named by its label; ENOENT only in the detail; nothing saved', async () => {
    const s = await server();
    const path = join(s.dir, 'no-such-ca.pem');
    for (const r of [await s.host.check({ values: { 'https.caFile': path } }), await s.host.saveSettings({ values: { 'https.caFile': path } })]) {
      const ps = Array.isArray(r) ? r : r.ok ? [] : r.problems;
      expect(ps).toMatchObject([{ code: 'ER_3071', field: 'https.caFile', detail: expect.stringMatching(/^ENOENT: no such file or directory/) }]);
      expect(ps[0]!.plain).toEqual({
        ja: `追加の CA 証明書ファイルに指定したファイル ${path} がありません。`,
        en: `The file ${path} given in Extra CA bundle does not exist.`,
      });
      expect(ps[0]!.message.ja).toContain('ENOENT');
    }
    expect(await saved(s.configDir)).toBe('');
  });

  it('a file that is not PEM (ER_3073), a PEM block that is not a certificate (ER_3074), a folder (ER_1090): refused on the field', async () => {
    const s = await server();
    const text = join(s.dir, 'notes.txt');
    await writeFile(text, 'this is not a certificate\n');
    const broken = join(s.dir, 'broken.pem');
    await writeFile(broken, `${await readFile(CA_PEM, 'utf8')}\n-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n`);
    const folder = join(s.dir, 'folder.pem');
    await mkdir(folder);
    const refused = async (path: string) => {
      const r = await s.host.saveSettings({ values: { 'https.caFile': path } });
      return r.ok ? [] : r.problems;
    };
    expect(await refused(text)).toMatchObject([
      { code: 'ER_3073', field: 'https.caFile', message: { ja: expect.stringContaining('PEM 形式の CA 証明書ではありません') } },
    ]);
    expect(await refused(broken)).toMatchObject([
      { code: 'ER_3074', field: 'https.caFile', message: { ja: expect.stringContaining('2 番目の証明書を読み取れません') } },
    ]);
    expect(await refused(folder)).toMatchObject([{ code: 'ER_1090', field: 'https.caFile' }]);
    expect(await saved(s.configDir)).toBe('');
  });

  it('a readable PEM CA is saved; a save that does not change the field does not read the file again', async () => {
    const s = await server();
    const r = await s.host.saveSettings({ values: { 'https.caFile': CA_PEM } });
    expect(r.ok).toBe(true);
    expect(await saved(s.configDir)).toBe(CA_PEM);
    expect((await s.host.saveSettings({ values: { 'machine.comment': 'x' } })).ok).toBe(true);
  });
});

describe('values refused with what to type instead', () => {
  it('full-width digits in a number say 半角 / half-width (ER_3070), ports included', () => {
    for (const key of ['https.timeoutSeconds', 'https.proxy.port', 'schedule.retry.intervalMinutes']) {
      const r = parseValue(def(key), '１２０');
      expect(r.ok, key).toBe(false);
      if (r.ok) continue;
      expect(r.problem).toMatchObject({ code: 'ER_3070', field: key });
      expect(r.problem.message.ja).toBe(`${def(key).label.ja}は半角数字で入力してください(全角の数字は使用できません: 「１２０」)。`);
      expect(r.problem.message.en).toContain('half-width digits');
    }
    expect(parseValue(def('https.timeoutSeconds'), '120')).toEqual({ ok: true, value: 120 });
  });

  it('製造番号 and 保証書番号 take half-width characters only; the character is named, before any length', async () => {
    for (const key of ['machine.serialNumber', 'machine.warrantyNumber']) {
      const label = def(key).label.ja;
      for (const [value, char] of [
        ['ABC１２３', '１'],
        ['ｱｲｳ123', 'ｱ'],
        ['1234 5678', ' '],
        ['製造番号', '製'],
      ] as const) {
        expect(one(key, value), `${key} ${value}`).toMatchObject([
          { code: 'ER_3015', field: key, message: { ja: `${label}は半角英数字と記号で入力してください(使用できない文字: 「${char}」)。` } },
        ]);
      }
      // 17 full-width characters: the character is what to fix (it used to be told only its length).
      expect(one(key, 'Ａ'.repeat(17))).toMatchObject([{ code: 'ER_3015' }]);
      expect(one(key, 'A1-23/45')).toEqual([]);
    }
    const host = (await server()).host;
    expect(await host.check({ values: { 'machine.serialNumber': 'ＳＮ１' } })).toMatchObject([{ code: 'ER_3015', field: 'machine.serialNumber' }]);
    // An option device's serial number likewise.
    expect(validateOptionDevices([{ name: 'RAID', deviceCode: 'N8103-1', serialNumber: 'Ｘ'.repeat(20) }])).toMatchObject([
      { code: 'ER_3015', field: 'options.1.serialNumber' },
    ]);
  });

  it('a value over its limit is refused with the limit named, never cut', async () => {
    expect(one('machine.comment', 'あ'.repeat(61))).toMatchObject([
      {
        code: 'ER_3002',
        message: { ja: 'コメントは 60 文字以内で入力してください(現在 61 文字)。', en: 'Comment must be at most 60 characters (it has 61).' },
      },
    ]);
    expect(one('machine.serialNumber', '1'.repeat(17))).toMatchObject([{ code: 'ER_3002', message: { ja: expect.stringContaining('16 文字以内') } }]);
    const s = await server();
    const r = await s.host.saveSettings({ values: { 'machine.comment': 'x'.repeat(61) } });
    expect(r).toMatchObject({ ok: false, problems: [{ code: 'ER_3002', field: 'machine.comment' }] });
    expect((await ConfigStore.open(s.configDir)).config.settings['machine.comment']).toBe('');
  });
});
