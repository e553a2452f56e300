import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { tempDirs } from '../helpers/tmp.js';
import { FIXTURE_DIR } from '../fixtures/keyfile/generate.js';

const tmp = tempDirs();
const env = { EXPRESS_REPORT_KEYFILE_CA: join(FIXTURE_DIR, 'test-ca.pem') };

async function dirs() {
  const base = await tmp();
  return ['--config-dir', join(base, 'config'), '--state-dir', join(base, 'state')];
}
const keyCode = [
  'activate',
  '--key-code',
  '01239',
  '--server-name',
  'SERVER001',
  '--device-code',
  'N8100-1234',
  '--serial',
  '00000001',
  '--warranty',
  '99999999',
  '--reply-mail',
  'reply@example.jp',
];

describe('express-report activate (headless)', () => {
  it('activates with a key code; the folder then validates and shows the state', async () => {
    const d = await dirs();
    const r = await cli([...d, ...keyCode], { env });
    expect(r).toMatchObject({ code: 0, err: [] });
    expect(r.out[0]).toMatch(/^Activated \(server name SERVER001, state configured\)/);
    expect((await cli([...d, 'validate'], { env })).code).toBe(0);
    expect((await cli([...d, 'config', 'get', 'activation.state'], { env })).out).toEqual(['configured']);
  });

  it('refuses a six-digit key code with the same coded message as the window', async () => {
    const d = await dirs();
    const r = await cli([...d, ...keyCode.map((a) => (a === '01239' ? '012345' : a))], { env });
    expect(r.code).toBe(1);
    expect(r.err).toEqual([expect.stringMatching(/^activation\.ini:\d+: ER_3003 /)]);
  });

  it('asks for --reactivate before erasing an activation', async () => {
    const d = await dirs();
    await cli([...d, ...keyCode], { env });
    const r = await cli([...d, ...keyCode], { env });
    expect(r.code).toBe(1);
    expect(r.err[0]).toMatch(/ER_5001/);
    expect((await cli([...d, ...keyCode, '--reactivate'], { env })).code).toBe(0);
  });

  it('with a key file: refuses a server-name mismatch unless told to continue, and refuses an untrusted file', async () => {
    const d = await dirs();
    const file = join(FIXTURE_DIR, 'sample-mismatch.key');
    const refused = await cli([...d, 'activate', '--key-file', file], { env });
    expect(refused.code).toBe(1);
    expect(refused.err[0]).toMatch(/^machine\.serverName: ER_3050 /);
    expect((await cli([...d, 'activate', '--key-file', file, '--accept-host-name-mismatch'], { env })).code).toBe(0);
    const d2 = await dirs();
    const untrusted = await cli([...d2, 'activate', '--key-file', file, '--accept-host-name-mismatch'], { env: {} });
    expect(untrusted.code).toBe(1);
    expect(untrusted.err[0]).toMatch(/ER_3037/);
  });
});
