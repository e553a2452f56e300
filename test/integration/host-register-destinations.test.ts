/**
 * 宛先登録 (HostApi registerDestinations, the manager's マネージャからのエクスプレス通報): a real signed key file, a real
 * config folder. Only the destinations change; the manager stays as activated (no re-activation), and a key file that
 * names no destination changes nothing.
 */
import { describe, it, expect } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHost } from '../../service/host-factory.js';
import { FIXTURE_DIR, loadIssued, samplePayload, signKeyFile } from '../fixtures/keyfile/generate.js';
import { type KeyFilePayload } from '../../shared/keyfile/model.js';
import { tempDirs } from '../helpers/tmp.js';

const tmp = tempDirs();
const env = { EXPRESS_REPORT_KEYFILE_CA: join(FIXTURE_DIR, 'test-ca.pem') };
const signer = loadIssued(FIXTURE_DIR, 'signer');
const center = loadIssued(FIXTURE_DIR, 'center');

async function setup() {
  const dir = await tmp();
  const config = join(dir, 'config');
  const host = await createHost({ configDir: config, stateDir: join(dir, 'state') }, env);
  // An activated manager (key code): its own registration must survive the registration of destinations.
  const activated = await host.activate({
    method: 'keycode',
    service: 'express',
    values: {
      'activation.keyCode': '01239',
      'activation.replyMail': 'reply@example.jp',
      'machine.serverName': 'MANAGER01',
      'machine.deviceCode': 'N8100-1234',
      'machine.serialNumber': '00000009',
      'machine.warrantyNumber': '99999999',
    },
    optionDevices: [],
  });
  expect(activated.ok).toBe(true);
  return { host, dir, config };
}

async function keyFile(dir: string, destinations: KeyFilePayload['destinations']): Promise<string> {
  const p = { ...samplePayload(center.certPem, '2098-12-31', '2026-11-25'), destinations };
  const path = join(dir, 'dest.key');
  await writeFile(path, signKeyFile(p, signer));
  return path;
}

describe('registerDestinations (宛先登録)', () => {
  it("takes the key file's destinations and the center's certificate, and nothing else", async () => {
    const { host, dir, config } = await setup();
    const before = await host.snapshot();
    const path = await keyFile(dir, {
      mail: 'relay-center@example.jp',
      url1: 'https://center.example/Scripts/trsRecvAlert.cgi',
      url2: 'https://center2.example/Scripts/trsRecvAlert.cgi',
      dialupPrimary: '03-1111-2222',
    });
    const r = await host.registerDestinations({ path });
    expect(r.ok).toBe(true);
    const after = await host.snapshot();
    expect(after.settings['mail.to']).toBe('relay-center@example.jp');
    expect(after.settings['dialup.primary.number']).toBe('03-1111-2222');
    expect(after.destinations).toEqual({ url1: 'https://center.example/Scripts/trsRecvAlert.cgi', url2: 'https://center2.example/Scripts/trsRecvAlert.cgi' });
    expect(await readFile(join(config, 'center-cert.pem'), 'utf8')).toBe(center.certPem);
    // Not activated again: the manager's own identity, method and state are as they were.
    for (const k of ['machine.serverName', 'machine.serialNumber', 'activation.method', 'activation.state', 'customer.name'] as const) {
      expect(after.settings[k], k).toEqual(before.settings[k]);
    }
    expect((await host.eventLog()).at(-1)?.text.ja).toContain('宛先を登録しました');
  });

  it('a key file without destinations is ER_3131 and changes nothing; a forged one is refused by the verifier', async () => {
    const { host, dir } = await setup();
    const before = await host.snapshot();
    const r = await host.registerDestinations({ path: await keyFile(dir, {}) });
    expect(r).toMatchObject({ ok: false, problems: [{ code: 'ER_3131' }] });
    expect((await host.snapshot()).settings).toEqual(before.settings);
    const forged = join(dir, 'forged.key');
    await writeFile(forged, Buffer.from('not a key file'));
    const refused = await host.registerDestinations({ path: forged });
    expect(refused.ok).toBe(false);
    expect((await host.snapshot()).settings).toEqual(before.settings);
  });
});
