import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { smimeEntity } from '../../../../service/routes/smime.js';
import { tempDirs } from '../../../helpers/tmp.js';

const fixtures = new URL('../../../fixtures/keyfile/', import.meta.url);
const centerPem = readFileSync(new URL('center.pem', fixtures), 'utf8');
const centerKey = new URL('center.key.pem', fixtures).pathname;

describe('S/MIME envelope', () => {
  const tmpDir = tempDirs();
  it('openssl smime -decrypt with the center key gives back the exact bytes', async () => {
    const dir = await tmpDir();
    const content = Buffer.concat([Buffer.from('Content-Type: text/plain\r\n\r\n報告 report\r\n'), Buffer.from([0, 255, 1, 254])]);
    const file = join(dir, 'm.eml');
    writeFileSync(file, smimeEntity(content, centerPem, [['Subject', 'x']]));
    const out = execFileSync('openssl', ['smime', '-decrypt', '-in', file, '-inkey', centerKey, '-binary']);
    expect(Buffer.compare(out, content)).toBe(0);
  });

  // OpenSSL 3 answers a wrong RSA key with a random content key (implicit rejection, against Bleichenbacher), so about
  // one try in 256 passes the CBC padding check and "decrypts" to noise: the property is that the text never comes out.
  it('cannot be opened with another key', async () => {
    const dir = await tmpDir();
    const other = new URL('signer.key.pem', fixtures).pathname;
    const secret = 'secret report text, long enough to be found';
    let refused = 0;
    for (let i = 0; i < 8; i++) {
      const file = join(dir, `m${i}.eml`);
      writeFileSync(file, smimeEntity(Buffer.from(secret), centerPem));
      try {
        const out = execFileSync('openssl', ['smime', '-decrypt', '-in', file, '-inkey', other, '-binary'], { stdio: 'pipe' });
        expect(out.toString('latin1')).not.toContain(secret.slice(0, 12));
      } catch (e) {
        expect(String((e as { stderr?: Buffer }).stderr)).toMatch(/decrypt/i);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(0);
  });
});
