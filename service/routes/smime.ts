/**
 * S/MIME envelope (RFC 5751 application/pkcs7-mime; smime-type=enveloped-data) to the center's certificate from the key
 * file: the mail route wraps the whole MIME message, the modem route the frame's payload. AES-256-CBC with RSA key
 * transport, which `openssl smime -decrypt` and every mail client read.
 *
 * node-forge builds the CMS structure (addRecipient reads the certificate's issuer and serial), but the bulk AES and
 * the RSA step run in node:crypto: forge's JavaScript AES cost ~200 ms per MB on the service's only thread.
 */
import { createCipheriv, constants, publicEncrypt, randomBytes } from 'node:crypto';
import forge from 'node-forge';

const bytes = (b: Buffer): forge.util.ByteStringBuffer => forge.util.createBuffer(b.toString('binary'));

/** The DER bytes of the CMS EnvelopedData that only the holder of the certificate's key can open. */
export function envelopeDer(content: Buffer, certificatePem: string): Buffer {
  const p7 = forge.pkcs7.createEnvelopedData();
  p7.addRecipient(forge.pki.certificateFromPem(certificatePem));
  const key = randomBytes(32);
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', key, iv); // PKCS#7 padding, as CMS wants
  const encrypted = Buffer.concat([cipher.update(content), cipher.final()]);
  // The fields forge's own encrypt() would fill (typed loosely by @types/node-forge, hence the narrow casts).
  const recipient = (p7 as unknown as { recipients: Array<{ encryptedContent: { content?: string } }> }).recipients[0]!;
  recipient.encryptedContent.content = publicEncrypt({ key: certificatePem, padding: constants.RSA_PKCS1_PADDING }, key).toString('binary');
  (p7 as unknown as { encryptedContent: unknown }).encryptedContent = {
    algorithm: forge.pki.oids['aes256-CBC'],
    parameter: bytes(iv),
    content: bytes(encrypted),
  };
  return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
}

/** A complete MIME entity (headers + base64 body) holding the envelope; `headers` are put in front (From, To, ...). */
export function smimeEntity(content: Buffer, certificatePem: string, headers: ReadonlyArray<[string, string]> = []): Buffer {
  const body = envelopeDer(content, certificatePem)
    .toString('base64')
    .replace(/.{1,76}/g, '$&\r\n');
  const head = [
    ...headers.map(([k, v]) => `${k}: ${v}`),
    'MIME-Version: 1.0',
    'Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name="smime.p7m"',
    'Content-Transfer-Encoding: base64',
    'Content-Disposition: attachment; filename="smime.p7m"',
  ];
  return Buffer.from(`${head.join('\r\n')}\r\n\r\n${body}`, 'utf8');
}
