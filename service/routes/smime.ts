/**
 * S/MIME envelope (RFC 5751 application/pkcs7-mime; smime-type=enveloped-data) to the center's certificate from the key
 * file, with node-forge: the mail route wraps the whole MIME message, the modem route the frame's payload. AES-256-CBC
 * with RSA key transport, which `openssl smime -decrypt` and every mail client read.
 */
import forge from 'node-forge';

/** The DER bytes of the CMS EnvelopedData that only the holder of the certificate's key can open. */
export function envelopeDer(content: Buffer, certificatePem: string): Buffer {
  const p7 = forge.pkcs7.createEnvelopedData();
  p7.addRecipient(forge.pki.certificateFromPem(certificatePem));
  p7.content = forge.util.createBuffer(content.toString('binary'));
  p7.encrypt(undefined, forge.pki.oids['aes256-CBC']);
  return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
}

/** A complete MIME entity (headers + base64 body) holding the envelope; `headers` are put in front (From, To, ...). */
export function smimeEntity(content: Buffer, certificatePem: string, headers: ReadonlyArray<[string, string]> = []): Buffer {
  const body = envelopeDer(content, certificatePem).toString('base64').replace(/.{1,76}/g, '$&\r\n');
  const head = [
    ...headers.map(([k, v]) => `${k}: ${v}`),
    'MIME-Version: 1.0',
    'Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name="smime.p7m"',
    'Content-Transfer-Encoding: base64',
    'Content-Disposition: attachment; filename="smime.p7m"',
  ];
  return Buffer.from(`${head.join('\r\n')}\r\n\r\n${body}`, 'utf8');
}
