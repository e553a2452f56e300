import { describe, it, expect } from 'vitest';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { tempDirs } from '../helpers/tmp.js';
import { FIXTURE_DIR } from '../fixtures/keyfile/generate.js';
import { readZip, writeZip } from '../../shared/node/transfer/zip.js';

const tmp = tempDirs();
const env = { EXPRESS_REPORT_KEYFILE_CA: join(FIXTURE_DIR, 'test-ca.pem') };
const SECRET = 'Proxy-Secret-4711';

async function exported(): Promise<{ base: string; file: string; run: (a: string[]) => ReturnType<typeof cli> }> {
  const base = await tmp();
  const d = ['--config-dir', join(base, 'config'), '--state-dir', join(base, 'state')];
  const run = (a: string[]) => cli([...d, ...a], { env });
  const keyCode = ['activate', '--key-code', '01239', '--server-name', 'SERVER001', '--device-code', 'N8100-1234', '--serial', '00000001'];
  expect((await run([...keyCode, '--warranty', '99999999', '--reply-mail', 'reply@example.jp'])).code).toBe(0);
  expect((await run(['config', 'set', 'https.proxy.host', 'proxy.example.jp', 'https.proxy.password', SECRET])).code).toBe(0);
  const file = join(base, 'a.zip');
  expect((await run(['export', '--out', file])).code).toBe(0);
  return { base, file, run };
}

describe('express-report export html', () => {
  it("writes a 1.1 export's own summary.html (0600), byte for byte", async () => {
    const { base, file, run } = await exported();
    const out = join(base, 'a.html');
    const r = await run(['export', 'html', file, out]);
    expect(r.code).toBe(0);
    expect(r.out.join('\n')).toContain(out);
    const html = await readFile(out, 'utf8');
    expect(html).toBe((await readZip(await readFile(file), file)).get('summary.html')!.toString('utf8'));
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain(SECRET);
    expect(html).toContain('proxy.example.jp');
    expect((await stat(out)).mode & 0o777).toBe(0o600);
  });

  it('renders a 1.0 export (no summary.html) from its settings, the queue said to be unknown; without OUT it is refused', async () => {
    const { base, file, run } = await exported();
    const entries = await readZip(await readFile(file), file);
    entries.delete('summary.html');
    const m = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as { formatVersion: string; entries: Array<{ name: string }> };
    m.formatVersion = '1.0';
    m.entries = m.entries.filter((e) => e.name !== 'summary.html');
    entries.set('manifest.json', Buffer.from(JSON.stringify(m)));
    const old = join(base, 'old.zip');
    await writeFile(old, await writeZip([...entries].map(([name, data]) => ({ name, data }))));
    const out = join(base, 'old.html');
    expect((await run(['export', 'html', old, out])).code).toBe(0);
    const html = await readFile(out, 'utf8');
    expect(html).toContain('format 1.0');
    expect(html).toMatch(/<td class="key">https\.proxy\.password<\/td><td>\(set\)<\/td>/);
    expect(html).toMatch(/<tr class="changed"><td>\*<\/td><td>[^<]+<\/td><td class="key">https\.proxy\.host<\/td><td>proxy\.example\.jp<\/td><\/tr>/);
    expect(html).not.toContain(SECRET);
    expect((await run(['export', 'html', old])).code).not.toBe(0);
  });
});
