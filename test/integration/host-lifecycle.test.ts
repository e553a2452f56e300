/**
 * Issue 11 section 2, the host's side: サービスの終了 only once started and サービス有効期限の変更 only once ended (refused with
 * a coded message, not only greyed in the menu); key-code activation writes the center's destinations shipped in
 * resources/ (or the folder EXPRESS_REPORT_CENTER_DIR names), never a `.invalid` placeholder; ユーザシステムコード shown by
 * `express-report status`.
 */
import { describe, it, expect } from 'vitest';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHost } from '../../service/host-factory.js';
import { RESOURCES_DIR } from '../../service/app-paths.js';
import { type ActivationRequest } from '../../shared/host/api.js';
import { loadCenterDestinations } from '../../shared/node/host/center.js';
import { FIXTURE_DIR, loadIssued, samplePayload, signExtension, signKeyFile, SAMPLE_USER_SYSTEM_CODE } from '../fixtures/keyfile/generate.js';
import { cli } from '../helpers/cli.js';
import { tempDirs } from '../helpers/tmp.js';

const tmp = tempDirs();
const env = { EXPRESS_REPORT_KEYFILE_CA: join(FIXTURE_DIR, 'test-ca.pem') };
const signer = loadIssued(FIXTURE_DIR, 'signer');
const machine = {
  'machine.serverName': 'SERVER001',
  'machine.deviceCode': 'N8100-1234',
  'machine.serialNumber': '00000001',
  'machine.warrantyNumber': '99999999',
};
const keycode: ActivationRequest = {
  method: 'keycode',
  service: 'https',
  values: { 'activation.keyCode': '01239', 'activation.replyMail': 'reply@example.jp', ...machine },
  optionDevices: [],
};

async function setup(extraEnv: NodeJS.ProcessEnv = {}) {
  const dir = await tmp();
  const dirs = { configDir: join(dir, 'config'), stateDir: join(dir, 'state') };
  return { dir, dirs, host: await createHost(dirs, { ...env, ...extraEnv }) };
}

/** The state as the activation notification writes it (the real notifications are tested in host-notify and service tests). */
async function setState(configDir: string, state: string): Promise<void> {
  const ini = join(configDir, 'activation.ini');
  await writeFile(ini, (await readFile(ini, 'utf8')).replace(/^State=.*$/m, `State=${state}`));
}

describe('サービスの終了 / サービス有効期限の変更 in the host', () => {
  it('サービスの終了 is refused (ER_3080) until the service has started, and works once 運用中', async () => {
    const { host, dirs } = await setup();
    expect((await host.activate(keycode)).ok).toBe(true);
    for (const state of ['configured', 'tested']) {
      await setState(dirs.configDir, state);
      const r = await host.endService();
      expect(r).toMatchObject({ ok: false, problems: [{ code: 'ER_3080', field: 'activation.state' }] });
      expect((await host.snapshot()).settings['activation.state']).toBe(state);
    }
    await setState(dirs.configDir, 'active');
    const ended = await host.endService();
    expect(ended.ok && ended.snapshot.settings['activation.state']).toBe('ended');
  });

  it('サービス有効期限の変更 is refused (ER_3081) before the service has ended, even with a valid key', async () => {
    const { host, dirs, dir } = await setup();
    const key = join(dir, 'SERVER001.key');
    await writeFile(
      key,
      signKeyFile(
        { ...samplePayload(loadIssued(FIXTURE_DIR, 'center').certPem, '2098-12-31', '2026-11-25'), serverName: (await host.snapshot()).hostName },
        signer,
      ),
    );
    expect((await host.activate({ method: 'keyfile', service: 'https', keyFile: { path: key }, values: {}, optionDevices: [] })).ok).toBe(true);
    const later = signExtension(
      { format: 'express-report-extension/1', userSystemCode: SAMPLE_USER_SYSTEM_CODE, expiry: '2099-06-30', issuedAt: '2026-11-25' },
      signer,
    );
    await setState(dirs.configDir, 'active');
    const r = await host.extendExpiry({ key: later });
    expect(r).toMatchObject({ ok: false, problems: [{ code: 'ER_3081' }] });
    expect((await host.snapshot()).settings['activation.expiry']).toBe('2098-12-31');
    await setState(dirs.configDir, 'ended');
    const ok = await host.extendExpiry({ key: later });
    expect(ok.ok && [ok.snapshot.settings['activation.expiry'], ok.snapshot.settings['activation.state']]).toEqual(['2099-06-30', 'active']);
  });
});

describe('the center destinations a key-code activation sets automatically', () => {
  it('are the ones shipped in resources/ (AMHTPADR.INF, center-mail.ini), not a .invalid placeholder; the log says where from', async () => {
    const shipped = await loadCenterDestinations(RESOURCES_DIR);
    expect(shipped.ok).toBe(true);
    if (!shipped.ok) return;
    expect(shipped.center.adr.url1).toMatch(/^https:\/\/[^/]+\/Scripts\/trsRecvAlert\.cgi$/);
    const { host, dirs } = await setup();
    const r = await host.activate(keycode);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.snapshot.destinations).toEqual(shipped.center.adr);
    expect(r.snapshot.settings['mail.to']).toBe(shipped.center.mailTo);
    expect(r.snapshot.problems).toEqual([]);
    const written = await readFile(join(dirs.configDir, 'WebReprt', 'AMHTPADR.INF'), 'utf8');
    expect(written).toContain(`URL= ${shipped.center.adr.url1}`);
    expect(written).not.toContain('.invalid');
    const line = (await host.eventLog()).find((e) => e.code === 'ER_6100');
    expect(line?.text.en).toContain(join(RESOURCES_DIR, 'AMHTPADR.INF'));
  });

  it('come from EXPRESS_REPORT_CENTER_DIR when it is set (file by file), and 宛先の読み込み replaces them afterwards', async () => {
    const center = join(await tmp(), 'center');
    await mkdir(center);
    await writeFile(
      join(center, 'AMHTPADR.INF'),
      '[URL1]\r\nURL= https://127.0.0.1:8443/Scripts/trsRecvAlert.cgi\r\n[URL2]\r\nURL= https://127.0.0.1:8444/cgi-bin/trsRecvAlert.cgi\r\n',
    );
    const { host } = await setup({ EXPRESS_REPORT_CENTER_DIR: center });
    const r = await host.activate({ ...keycode, service: 'express' });
    expect(r.ok && r.snapshot.destinations).toEqual({
      url1: 'https://127.0.0.1:8443/Scripts/trsRecvAlert.cgi',
      url2: 'https://127.0.0.1:8444/cgi-bin/trsRecvAlert.cgi',
    });
    // No center-mail.ini in that folder: the shipped one is used.
    const shipped = await loadCenterDestinations(RESOURCES_DIR);
    expect(r.ok && shipped.ok && r.snapshot.settings['mail.to']).toBe(shipped.ok ? shipped.center.mailTo : '');
    const read = await host.readDestinations({
      name: 'AMHTPADR.INF',
      contentBase64: Buffer.from('[URL1]\r\nURL= https://127.0.0.1:9443/x\r\n').toString('base64'),
    });
    const saved = await host.saveSettings({ values: {}, ...(read.ok ? { destinations: read.destinations } : {}) });
    expect(saved.ok && saved.snapshot.destinations).toEqual({ url1: 'https://127.0.0.1:9443/x' });
  });

  it('a broken center file refuses the activation with its file and line, writing nothing', async () => {
    const center = join(await tmp(), 'center');
    await mkdir(center);
    await writeFile(join(center, 'AMHTPADR.INF'), '[URL1]\r\nURL= ftp://nowhere\r\n');
    await writeFile(join(center, 'center-mail.ini'), '[Mail]\r\nTo=not an address\r\n');
    const { host } = await setup({ EXPRESS_REPORT_CENTER_DIR: center });
    const r = await host.activate(keycode);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.code, p.file, p.line])).toEqual([
      ['ER_4006', join(center, 'AMHTPADR.INF'), 2],
      ['ER_3082', join(center, 'center-mail.ini'), 2],
    ]);
    expect((await host.snapshot()).settings['activation.state']).toBe('not-activated');
  });
});

describe('ユーザシステムコード on the command line', () => {
  it('express-report status shows it (and the machine and route) even when the service does not run', async () => {
    const base = await tmp();
    const d = ['--config-dir', join(base, 'config'), '--state-dir', join(base, 'state')];
    const file = join(FIXTURE_DIR, 'sample-mismatch.key');
    expect((await cli([...d, 'activate', '--key-file', file, '--accept-host-name-mismatch'], { env })).code).toBe(0);
    const r = await cli([...d, 'status'], { env });
    expect(r.out).toContain(`user system code: ${SAMPLE_USER_SYSTEM_CODE}`);
    expect(r.out.find((l) => l.startsWith('machine: '))).toMatch(/device code N8100-1234, serial 00000001/);
    expect(r.out).toContain('route: HTTPS direct');
    expect(r.code).toBe(1); // the service part: not running
    expect(r.err.join('\n')).toMatch(/ER_1032/);

    const k = ['--config-dir', join(base, 'config2'), '--state-dir', join(base, 'state2')];
    expect(
      (
        await cli(
          [
            ...k,
            'activate',
            '--key-code',
            '01239',
            '--server-name',
            'S1',
            '--device-code',
            'N8100-1234',
            '--serial',
            '1',
            '--warranty',
            '1',
            '--reply-mail',
            'r@example.jp',
          ],
          { env },
        )
      ).code,
    ).toBe(0);
    expect((await cli([...k, 'status'], { env })).out.find((l) => l.startsWith('user system code: '))).toMatch(/OPFILELESS/);
  });
});
