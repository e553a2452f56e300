/**
 * The maintainer scripts (resources/debian/) are POSIX sh and print their coded messages themselves: each text must be
 * the catalogue's (shared/messages/catalogue/package.ts), in both languages, with shell variables where the catalogue
 * has placeholders; and each script must parse as sh.
 */
import { readFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../shared/messages/catalogue.js';
import { ROOT } from './installed.js';

const SCRIPTS = ['preinst', 'postinst', 'prerm', 'postrm'];
const SAY = /\bsay (ER_\d{4}) "([^"]*)"\s*\\?\s*"([^"]*)"/g;
/** Placeholders and shell variables both become `{}`, so the texts compare whatever the names. */
const shape = (text: string, vars: RegExp): string => text.replace(vars, '{}');

describe('the maintainer scripts', () => {
  it('print the catalogue texts (ja and en) of the codes they use', async () => {
    const seen: string[] = [];
    for (const s of SCRIPTS) {
      const text = await readFile(join(ROOT, 'resources', 'debian', s), 'utf8');
      for (const [, code, ja, en] of text.matchAll(SAY)) {
        const def = catalogue[code as keyof typeof catalogue];
        expect(def, `${s}: ${code}`).toBeDefined();
        expect(shape(ja!, /\$\{?\w+\}?/g), `${s}: ${code} (ja)`).toBe(shape(def.ja, /\{\w+\}/g));
        expect(shape(en!, /\$\{?\w+\}?/g), `${s}: ${code} (en)`).toBe(shape(def.en, /\{\w+\}/g));
        seen.push(code!);
      }
    }
    expect([...new Set(seen)].sort()).toEqual(['ER_8020', 'ER_8021', 'ER_8022', 'ER_8023', 'ER_8024']);
  });

  it.each(SCRIPTS)('%s parses as POSIX sh', (s) => {
    const r = spawnSync('sh', ['-n', join(ROOT, 'resources', 'debian', s)], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('the check bites: a text that drifted from the catalogue is told apart', () => {
    const def = catalogue.ER_8022;
    const drifted = '$count reports wait in $STATE/spool. Config and state are kept (dpkg --purge express-report deletes them)';
    expect(shape(drifted, /\$\{?\w+\}?/g)).not.toBe(shape(def.en, /\{\w+\}/g));
  });
});
