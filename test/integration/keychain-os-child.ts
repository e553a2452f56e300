/**
 * Child of keychain-os.test.ts: runs against the REAL OS keychain of its environment and prints one JSON line.
 *   keychain <work>  under dbus-run-session with an unlocked gnome-keyring-daemon: OsKeychain set/get/list/delete, then
 *                    two servers' hosts (remember on one, `(remembered)` on the other), rememberedSecrets, forgetSecret.
 *   nobus <work>     with no session bus: what an unavailable keychain does to the same calls and to a save.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { OsKeychain } from '../../shared/node/keychain.js';
import { createNodeHost } from '../../shared/node/host/create.js';
import { ConfigStore } from '../../shared/node/config-store.js';
import { loadPrivateKey, openSealed } from '../../shared/node/secrets.js';
import { isCodedError } from '../../shared/node/coded-error.js';
import { type TypedValues } from '../../shared/host/api.js';
import { RESOURCES_DIR } from '../../service/app-paths.js';

const [mode, work] = process.argv.slice(2) as [string, string];
const PASSWORD = `Kc-${process.pid}-p@ss:word`;
const PROXY: TypedValues = {
  'express.route': 'https',
  'https.proxy.use': 'on',
  'https.proxy.host': 'proxy.example.jp',
  'https.proxy.port': '8080',
  'https.proxy.user': 'ops@corp',
};

async function allText(dir: string): Promise<string> {
  let s = '';
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) s += await readFile(join(e.parentPath, e.name), 'utf8');
  return s;
}

const place = (name: string) => ({ configDir: join(work, name, 'config'), stateDir: join(work, name, 'state'), resourcesDir: RESOURCES_DIR, version: 'test' });
const errorOf = async (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'no error',
    (e: unknown) => (isCodedError(e) ? `${e.code} ${e.problem.message.en}` : String(e)),
  );

async function keychain(): Promise<Record<string, unknown>> {
  const k = new OsKeychain();
  const out: Record<string, unknown> = {};
  out.initial = await k.list();
  await k.set('smtp:mailer@smtp.example.jp:587', 'smtp-pw');
  await k.set('remote:dial@プロバイダ', 'first');
  await k.set('remote:dial@プロバイダ', 'second');
  out.afterSet = await k.list();
  out.get = [await k.get('smtp:mailer@smtp.example.jp:587'), await k.get('remote:dial@プロバイダ'), (await k.get('pop:nobody@h:110')) ?? null];
  out.deleted = [await k.delete('remote:dial@プロバイダ'), await k.delete('remote:dial@プロバイダ')];
  out.afterDelete = await k.list();

  // Two servers set up from the same desktop: remember on the first, (remembered) on the second.
  const a = await createNodeHost(place('a'), {}, undefined, new OsKeychain());
  const ra = await a.saveSettings({ values: { ...PROXY, 'https.proxy.password': PASSWORD }, remember: ['https.proxy.password'] });
  out.firstSave = ra.ok ? { ok: true, warnings: ra.warnings ?? [] } : ra;
  const b = await createNodeHost(place('b'), {}, undefined, new OsKeychain());
  const rb = await b.saveSettings({ values: { ...PROXY, 'https.proxy.password': '(remembered)' } });
  out.secondSave = rb.ok ? { ok: true, warnings: rb.warnings ?? [], shown: rb.snapshot.settings['https.proxy.password'] } : rb;
  const sealed = (await ConfigStore.open(place('b').configDir)).config.settings['https.proxy.password'];
  out.sealedPrefix = sealed.slice(0, 10);
  out.opensToPassword = openSealed(sealed, await loadPrivateKey(place('b').stateDir)) === PASSWORD;
  out.keychainHasIt = (await k.get('proxy:ops%40corp@proxy.example.jp:8080')) === PASSWORD;
  out.remembered = await b.rememberedSecrets();
  out.leaked = [];
  for (const dir of [place('a').configDir, place('b').configDir, place('a').stateDir, place('b').stateDir]) {
    if ((await allText(dir)).includes(PASSWORD)) (out.leaked as string[]).push(dir);
  }
  out.rememberedJsonHasPassword = JSON.stringify(out.remembered).includes(PASSWORD);
  out.forgot = await b.forgetSecret({ kind: 'proxy', user: 'ops@corp', host: 'proxy.example.jp', port: 8080 });
  await k.delete('smtp:mailer@smtp.example.jp:587');
  out.final = await k.list();
  return out;
}

async function nobus(): Promise<Record<string, unknown>> {
  const k = new OsKeychain({ timeoutMs: 10_000 });
  const out: Record<string, unknown> = {};
  out.list = await errorOf(k.list());
  out.set = await errorOf(k.set('proxy:u@h:1', 'x'));
  const a = await createNodeHost(place('a'), {}, undefined, new OsKeychain({ timeoutMs: 10_000 }));
  const r = await a.saveSettings({ values: { ...PROXY, 'https.proxy.password': PASSWORD }, remember: ['https.proxy.password'] });
  out.save = r.ok ? { ok: true, warnings: (r.warnings ?? []).map((w) => w.code), host: r.snapshot.settings['https.proxy.host'] } : r;
  out.remembered = await a.rememberedSecrets();
  out.leaked = (await allText(place('a').configDir)).includes(PASSWORD);
  return out;
}

const result = mode === 'keychain' ? await keychain() : await nobus();
process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
