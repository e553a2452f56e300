import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createHost } from '../../service/host-factory.js';
import { type NodeHost } from '../../shared/node/host/host.js';
import { dispatch } from '../../shared/node/host/dispatch.js';
import { type ActivationRequest, type AppSnapshot, type Exported, type HostApi, type ViewOpened } from '../../shared/host/api.js';
import { HOST_METHODS } from '../../shared/host/schemas.js';
import { readZip } from '../../shared/node/transfer/zip.js';
import { FIXTURE_DIR } from '../fixtures/keyfile/generate.js';
import { tempDirs } from '../helpers/tmp.js';
import { mkdir, writeFile } from 'node:fs/promises';
import { serve } from '../../service/serve/server.js';
import { hostApiOver, httpBridge } from '../../renderer/host-client.js';
import { preloadInvoke } from '../../electron/preload-invoke.js';
import { answerHostCall } from '../../electron/host-reply.js';
import { APP_ORIGIN } from '../../electron/channel.js';
import { HostCallError } from '../../shared/host/errors.js';
import { type HostMethod } from '../../shared/host/api.js';

const tmp = tempDirs();
const env = { EXPRESS_REPORT_KEYFILE_CA: join(FIXTURE_DIR, 'test-ca.pem') };
const SECRET = 'Proxy-Secret-4711';
const PASSPHRASE = 'correct horse battery staple';
const CUSTOMER = '山田太郎';

async function fresh(): Promise<{ host: NodeHost; config: string }> {
  const dir = await tmp();
  const config = join(dir, 'config');
  return { host: await createHost({ configDir: config, stateDir: join(dir, 'state') }, env), config };
}

const keycode: ActivationRequest = {
  method: 'keycode',
  service: 'https',
  values: {
    'activation.keyCode': '01239',
    'activation.replyMail': 'reply@example.jp',
    'machine.serverName': 'SERVER001',
    'machine.deviceCode': 'N8100-1234',
    'machine.serialNumber': '00000001',
    'machine.warrantyNumber': '99999999',
  },
  optionDevices: [],
};

async function activated(): Promise<{ host: NodeHost; config: string }> {
  const m = await fresh();
  expect((await m.host.activate(keycode)).ok).toBe(true);
  const saved = await m.host.saveSettings({ values: { 'customer.name': CUSTOMER, 'https.proxy.host': 'proxy.example.jp', 'https.proxy.password': SECRET } });
  expect(saved.ok ? [] : saved.problems).toEqual([]);
  return m;
}

/** Calls the host as the window does: through the dispatcher, whose reply both transports carry. */
async function call<T>(api: HostApi, method: string, arg: unknown): Promise<T> {
  const r = await dispatch(api, method, arg);
  if (!r.ok) throw new Error(JSON.stringify(r.problems.map((p) => p.code)));
  return r.result as T;
}

async function digests(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile())
      out[join(e.parentPath, e.name)] = createHash('sha256')
        .update(await readFile(join(e.parentPath, e.name)))
        .digest('hex');
  }
  return out;
}

const asFile = (x: Exported) => {
  if (!x.ok || !x.contentBase64) throw new Error('no download');
  return { name: x.name, contentBase64: x.contentBase64 };
};

describe('HostApi: the ファイル menu (export, import, the read-only view)', () => {
  it('round trip through the host: a transfer export as a download, previewed on a fresh machine (nothing written), then applied as one save', async () => {
    const a = await activated();
    const exported = await call<Exported>(a.host, 'exportSettings', { scope: 'transfer', personal: 'include', passphrase: PASSPHRASE });
    expect(exported.ok && exported.name).toBe(`express-report-SERVER001-${new Date().toISOString().slice(0, 10).replaceAll('-', '')}.zip`);
    const file = asFile(exported);
    const bytes = Buffer.from(file.contentBase64, 'base64');
    expect(bytes.toString('latin1')).not.toContain(SECRET);
    expect((await a.host.eventLog()).some((e) => e.code === 'ER_6800')).toBe(true);

    const b = await fresh();
    const before = await digests(b.config);
    const preview = await call<Awaited<ReturnType<HostApi['previewImport']>>>(b.host, 'previewImport', { file, passphrase: PASSPHRASE });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    const row = (k: string) => preview.rows.find((r) => r.key === k);
    expect(row('customer.name')).toMatchObject({ status: 'added', to: CUSTOMER, label: { ja: expect.any(String) as string } });
    expect(row('https.proxy.password')).toMatchObject({ status: 'added', to: '(set)' });
    expect(row('activation.state')).toMatchObject({ status: 'changed', to: 'configured' });
    expect(preview.activates).toBe(true);
    expect(await digests(b.config)).toEqual(before);

    const wrong = await call<Awaited<ReturnType<HostApi['previewImport']>>>(b.host, 'previewImport', { file, passphrase: 'not the passphrase' });
    expect(wrong.ok ? [] : wrong.problems.map((p) => p.code)).toEqual(['ER_3518']);

    const applied = await call<Awaited<ReturnType<HostApi['applyImport']>>>(b.host, 'applyImport', { file, passphrase: PASSPHRASE });
    expect(applied.ok).toBe(true);
    if (!applied.ok) return;
    expect(applied.count).toBe(preview.count);
    expect(applied.snapshot.settings['customer.name']).toBe(CUSTOMER);
    expect(applied.snapshot.settings['https.proxy.password']).toBe('(set)');
    expect(applied.snapshot.settings['activation.state']).toBe('configured');
    expect(applied.warnings.map((w) => w.code)).toContain('ER_6808');
    expect((await b.host.eventLog()).some((e) => e.code === 'ER_6801')).toBe(true);

    // Again, routes only: nothing left to change but the secret (a sealed secret cannot be compared, so it shows changed).
    const again = await call<Awaited<ReturnType<HostApi['previewImport']>>>(b.host, 'previewImport', { file, passphrase: PASSPHRASE, only: ['routes'] });
    expect(again.ok && again.rows.filter((r) => r.status === 'changed' || r.status === 'added').map((r) => r.key)).toEqual(['https.proxy.password']);
    expect(again.ok && again.rows.every((r) => r.group === 'routes')).toBe(true);
  });

  it('refuses a transfer export without a passphrase of 8 characters, by field; writes an export to a path 0600', async () => {
    const a = await activated();
    const short = await call<Exported>(a.host, 'exportSettings', { scope: 'transfer', personal: 'include', passphrase: 'short' });
    expect(short.ok ? [] : short.problems.map((p) => [p.code, p.field])).toEqual([['ER_3528', 'passphrase']]);
    const out = join(await tmp(), 'out.zip');
    const written = await call<Exported>(a.host, 'exportSettings', { scope: 'support', personal: 'omit', path: out });
    expect(written).toMatchObject({ ok: true, path: out, name: 'out.zip' });
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    const entries = await readZip(await readFile(out), out);
    expect([...entries.keys()]).toContain('summary.html');
    expect(JSON.parse(entries.get('manifest.json')!.toString('utf8'))).toMatchObject({ formatVersion: '1.1' });
  });

  it('summary.html in the export: no script, no secret in clear, both languages, non-defaults marked', async () => {
    const a = await activated();
    const file = asFile(await call<Exported>(a.host, 'exportSettings', { scope: 'support', personal: 'include' }));
    const html = (await readZip(Buffer.from(file.contentBase64, 'base64'), 'x')).get('summary.html')!.toString('utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(CUSTOMER);
    expect(html).not.toContain(SECRET);
    expect(html).toContain('<section lang="ja">');
    expect(html).toContain('<section lang="en">');
    expect(html).toMatch(/<tr class="changed"><td>\*<\/td><td>[^<]+<\/td><td class="key">https\.proxy\.host<\/td><td>proxy\.example\.jp<\/td><\/tr>/);
    expect(html).toContain(`default-src 'none'`);
  });

  it('the read-only view: reads answer from the export; every other method is refused by the host (ER_3526); nothing written', async () => {
    const a = await activated();
    const file = asFile(await call<Exported>(a.host, 'exportSettings', { scope: 'support', personal: 'omit' }));
    const b = await fresh();
    const before = await digests(b.config);
    const opened = await call<ViewOpened>(b.host, 'openView', { file });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.banner).toMatchObject({ file: file.name, serverName: 'SERVER001', scope: 'support' });
    const snap = await call<AppSnapshot>(b.host, `view.${opened.view}.snapshot`, null);
    expect(snap.view).toEqual(opened.banner);
    expect(snap.settings['https.proxy.host']).toBe('proxy.example.jp');
    expect(snap.settings['https.proxy.password']).toBe('(set)');
    expect(snap.settings['customer.name']).toBe(''); // personal data a support export leaves out

    const save = await dispatch(b.host, `view.${opened.view}.saveSettings`, { values: { 'https.proxy.host': 'x.example.jp' } });
    expect(save.ok ? [] : save.problems.map((p) => p.code)).toEqual(['ER_3526']);
    const unknown = await dispatch(b.host, `view.${'A'.repeat(24)}.snapshot`, null);
    expect(unknown.ok ? [] : unknown.problems.map((p) => p.code)).toEqual(['ER_3527']);
    const nested = await dispatch(b.host, `view.${opened.view}.view.${opened.view}.snapshot`, null);
    expect(nested.ok).toBe(false);

    // Directly on the view's HostApi: only these read; each other method refuses, whatever its argument.
    const view = b.host.viewHost(opened.view)!;
    const reads = [
      'windowLoad',
      'snapshot',
      'resources',
      'check',
      'deviceInfo',
      'eventLog',
      'serviceStatus',
      'systemService',
      'relayAgents',
      'rememberedSecrets',
    ];
    for (const m of HOST_METHODS.filter((x) => !reads.includes(x))) {
      await expect((view[m] as (a: unknown) => Promise<unknown>)({}), m).rejects.toMatchObject({ code: 'ER_3526' });
    }
    expect(await digests(b.config)).toEqual(before);
    expect((await b.host.snapshot()).settings['https.proxy.host']).toBe('');
  });

  it("the window's client reaches a view over serve's HTTP and over the desktop bridge: reads answer, a save is refused (ER_3526)", async () => {
    const a = await activated();
    const file = asFile(await call<Exported>(a.host, 'exportSettings', { scope: 'support', personal: 'omit' }));
    const b = await fresh();
    const opened = await call<ViewOpened>(b.host, 'openView', { file });
    if (!opened.ok) throw new Error('not opened');
    const renderer = join(await tmp(), 'renderer');
    await mkdir(renderer);
    await writeFile(join(renderer, 'index.html'), '<!doctype html><title>t</title>');
    const served = await serve(b.host, { rendererDir: renderer });
    try {
      const send = async (method: HostMethod, arg: unknown) => structuredClone(await answerHostCall(b.host, `${APP_ORIGIN}/index.html`, method, arg));
      const clients = {
        http: hostApiOver(httpBridge(served.token, `http://127.0.0.1:${served.port}`), opened.view),
        ipc: hostApiOver({ invoke: preloadInvoke(HOST_METHODS, send) }, opened.view),
      };
      for (const [how, view] of Object.entries(clients)) {
        expect((await view.snapshot()).view, how).toEqual(opened.banner);
        const refused = await view.saveSettings({ values: { 'https.proxy.host': 'x.example.jp' } }).catch((e: unknown) => e);
        expect(refused, how).toBeInstanceOf(HostCallError);
        expect(
          (refused as HostCallError).problems.map((p) => p.code),
          how,
        ).toEqual(['ER_3526']);
      }
      // The preload still refuses what is not a HostApi method, with or without the prefix.
      const invoke = preloadInvoke(HOST_METHODS, () => Promise.reject(new Error('must not be sent')));
      expect(await invoke(`view.${opened.view}.deleteEverything` as HostMethod, null)).toMatchObject({ ok: false, problems: [{ code: 'ER_1021' }] });
    } finally {
      await served.close();
    }
    expect((await b.host.snapshot()).settings['https.proxy.host']).toBe('');
  });
});
