/**
 * A test CA and a server certificate for the loopback receivers (127.0.0.1, ::1 and localhost), made with node-forge
 * like the key-file fixtures (test/fixtures/keyfile/generate.ts).
 */
import forge from 'node-forge';
import { makeCa, type Issued } from '../../fixtures/keyfile/generate.js';

export interface TestPki {
  ca: Issued;
  server: Issued;
}

const now = Date.now();
const validity = { notBefore: new Date(now - 86_400_000), notAfter: new Date(now + 30 * 86_400_000) };

/** A server certificate issued by `ca` for `names` (IP addresses and DNS names). */
export function makeServerCert(ca: Issued, names: string[] = ['127.0.0.1', '::1', 'localhost']): Issued {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = `01${forge.util.bytesToHex(forge.random.getBytesSync(15))}`;
  cert.validity.notBefore = validity.notBefore;
  cert.validity.notAfter = validity.notAfter;
  cert.setSubject([
    { name: 'organizationName', value: 'Express Report Test' },
    { name: 'commonName', value: names[0] ?? 'localhost' },
  ]);
  cert.setIssuer(ca.cert.subject.attributes);
  const altNames = names.map((n) => (/^[\d.]+$|:/.test(n) ? { type: 7, ip: n } : { type: 2, value: n }));
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames },
  ]);
  cert.sign(ca.key, forge.md.sha256.create());
  return { cert, key: keys.privateKey, certPem: forge.pki.certificateToPem(cert), keyPem: forge.pki.privateKeyToPem(keys.privateKey) };
}

export function makeTestPki(): TestPki {
  const ca = makeCa('Express Report Test Center CA');
  return { ca, server: makeServerCert(ca) };
}
