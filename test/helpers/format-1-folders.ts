/**
 * The folders 0.1.0 left (test/fixtures/config-format-1, state-format-1), copied as that version had them on disk: git
 * keeps neither file modes nor empty folders, so both are put back here (modes as 0.1.0 wrote them: config 0700 with
 * the secrets' files 0600, state 0700 with every file 0600 but the public key).
 */
import { chmod, cp, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
const EMPTY_STATE_FOLDERS = ['relay/corrupt', 'relay/incoming', 'spool/corrupt'];
const CONFIG_SECRET_FILES = /^(activation\.ini|routes\.ini)(\.bak)?$/;

async function setModes(dir: string, fileMode: (rel: string) => number, rel = ''): Promise<void> {
  await chmod(join(dir, rel), 0o700);
  for (const e of await readdir(join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) await setModes(dir, fileMode, r);
    else await chmod(join(dir, r), fileMode(r));
  }
}

export async function copyFormat1Folders(dirs: { configDir: string; stateDir: string }): Promise<void> {
  await cp(join(FIXTURES, 'config-format-1'), dirs.configDir, { recursive: true });
  await cp(join(FIXTURES, 'state-format-1'), dirs.stateDir, { recursive: true });
  for (const f of EMPTY_STATE_FOLDERS) await mkdir(join(dirs.stateDir, f), { recursive: true });
  await setModes(dirs.configDir, (rel) => (CONFIG_SECRET_FILES.test(rel) ? 0o600 : 0o644));
  await setModes(dirs.stateDir, (rel) => (rel.endsWith('.pub.pem') ? 0o644 : 0o600));
}
