/**
 * S/MIME and large reports, end to end through a real SMTP server: what arrives is opened with `openssl smime
 * -decrypt` and the center's key, parsed by Python's email package, and the attachment decoded back (binascii's
 * uudecode, or Base64) to the original bytes; a 5 MB report arrives as message/partial parts that join back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { MailRoute } from '../../service/routes/mail/route.js';
import { PART_BYTES } from '../../service/routes/mail/split.js';
import { type Settings } from '../../shared/settings/schema.js';
import { makeTestPki } from '../helpers/peers/test-ca.js';
import { routeContext, sampleReport } from '../helpers/peers/https-config.js';
import { mailConfig, parseMail, splitRaw, startSmtpPeer, type ReceivedMail, type SmtpPeer } from '../helpers/peers/smtp-server.js';
import { tempDirs } from '../helpers/tmp.js';

const fixtures = new URL('../fixtures/keyfile/', import.meta.url);
const centerPem = readFileSync(new URL('center.pem', fixtures), 'utf8');
const centerKey = fileURLToPath(new URL('center.key.pem', fixtures));

let server: SmtpPeer;
beforeAll(async () => {
  server = await startSmtpPeer({ cert: makeTestPki().server });
});
afterAll(async () => {
  await server?.close();
});
const tmpDir = tempDirs();

const route = (zip: Buffer) => new MailRoute({ attachmentFor: () => () => Readable.from([zip]), centerCertificate: async () => centerPem });
const sendWith = async (zip: Buffer, changes: Partial<Settings>) => {
  const report = sampleReport();
  const o = await route(zip).send(report, routeContext(mailConfig(server.port, changes)));
  expect(o.ok, JSON.stringify(o)).toBe(true);
  return { report, got: server.received.filter((m) => m.reportId === report.id) };
};

async function decrypt(raw: Buffer): Promise<Buffer> {
  const file = join(await tmpDir(), 'received.eml');
  writeFileSync(file, raw);
  return execFileSync('openssl', ['smime', '-decrypt', '-in', file, '-inkey', centerKey, '-binary'], { maxBuffer: 64 * 1024 * 1024 });
}

/** RFC 2046 5.2.2: the bodies of message/partial parts in `number` order make the original message. */
function join2046(parts: ReceivedMail[]): Buffer {
  const numbered = parts.map((p) => {
    const { head, body } = splitRaw(p.raw);
    return { n: Number(/number=(\d+)/.exec(head)![1]), body };
  });
  return Buffer.concat(numbered.sort((a, b) => a.n - b.n).map((x) => x.body));
}

describe('S/MIME (on by default, to the center certificate of the key file)', () => {
  it('uuencode: only the center key opens it; inside, the whole report mail with its zip decoding to the original bytes', async () => {
    const zip = randomBytes(300 * 1024);
    const { report, got } = await sendWith(zip, { 'mail.smime': true });
    expect(got).toHaveLength(1);
    const outer = parseMail(got[0]!.raw);
    expect(outer.contentType).toBe('application/pkcs7-mime');
    expect(outer.headers['X-Report-Id']).toBe(report.id);
    expect(outer.headers['Message-ID']).toBe(`<${report.id}@express-report>`);
    expect(outer.headers.Subject).toBe('Express Report failure: SERVER001');
    expect(got[0]!.raw.includes('Device\\Ide')).toBe(false); // nothing of the report in clear

    const inner = parseMail(await decrypt(got[0]!.raw));
    expect(inner.headers['X-Report-Id']).toBe(report.id);
    expect(inner.parts[0]!.text).toContain(`ReportId: ${report.id}`);
    expect(inner.uu).toHaveLength(1);
    expect(inner.uu[0]!.name).toBe(`${report.id}.zip`);
    expect(inner.uu[0]!.data.equals(zip)).toBe(true);
  });

  it('Base64: the same, the zip as an application/zip attachment', async () => {
    const zip = randomBytes(300 * 1024);
    const { got } = await sendWith(zip, { 'mail.smime': true, 'mail.encoding': 'base64' });
    const inner = parseMail(await decrypt(got[0]!.raw));
    expect(inner.parts.find((p) => p.contentType === 'application/zip')!.data.equals(zip)).toBe(true);
  });
});

describe('a large report (message/partial)', () => {
  it('5 MB arrives as N parts of at most 2 MiB (+ headers), each its own transaction, that join back to the original', async () => {
    const zip = randomBytes(5 * 1024 * 1024);
    const { report, got } = await sendWith(zip, { 'mail.encoding': 'base64' });
    const total = got.length;
    expect(total).toBe(4); // 5 MiB as Base64 is ~6.8 MiB: four pieces
    got.forEach((p, i) => {
      const { head, body } = splitRaw(p.raw);
      expect(body.length).toBeLessThanOrEqual(PART_BYTES);
      expect(head).toContain(`X-Report-Id: ${report.id}\r\n`);
      expect(head).toContain(`X-Report-Part: ${i + 1}/${total}\r\n`);
      expect(head).toContain(`Content-Type: message/partial; id="${report.id}@express-report"; number=${i + 1}; total=${total}`);
    });
    const whole = parseMail(join2046(got));
    expect(whole.headers['Message-ID']).toBe(`<${report.id}@express-report>`);
    expect(whole.parts.find((p) => p.contentType === 'application/zip')!.data.equals(zip)).toBe(true);
  });

  it('with S/MIME: the envelope is split (no part holds clear text); joined and decrypted, the uuencoded zip is intact', async () => {
    const zip = randomBytes(3 * 1024 * 1024);
    const { got } = await sendWith(zip, { 'mail.smime': true });
    expect(got.length).toBeGreaterThan(1);
    const joined = join2046(got);
    expect(parseMail(joined).contentType).toBe('application/pkcs7-mime');
    const inner = parseMail(await decrypt(joined));
    expect(inner.uu[0]!.data.equals(zip)).toBe(true);
  });
});
