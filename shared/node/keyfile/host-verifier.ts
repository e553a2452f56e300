/** The host's KeyVerifier over verify.ts, trusting resources/keyfile-ca.pem plus EXPRESS_REPORT_KEYFILE_CA. */
import { type KeyVerifier } from '../host/verifier.js';
import { trustFromEnv, verifyExtensionKey, verifyKeyFile } from './verify.js';

export function keyVerifierFromEnv(resourcesDir: string, env: Readonly<Record<string, string | undefined>> = process.env): KeyVerifier {
  const trust = trustFromEnv(resourcesDir, env);
  return {
    keyFile: (bytes, name) => verifyKeyFile(bytes, trust, new Date(), name),
    extension: (text, current) => verifyExtensionKey(text, trust, current),
  };
}
