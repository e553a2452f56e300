/** The host as every process builds it: folders, shipped resources, key-file trust (resources + EXPRESS_REPORT_KEYFILE_CA). */
import { keyVerifierFromEnv } from '../keyfile/host-verifier.js';
import { NodeHost } from './host.js';
import { runningServiceBridge, type ServiceBridge } from './service-bridge.js';
import { OsKeychain, type Keychain } from '../keychain.js';

export interface HostPlace {
  configDir: string;
  stateDir: string;
  resourcesDir: string;
  version: string;
}

/**
 * `service`: how テスト通報 / 開局通報, the status and 通報テスト reach the service (default: the running service).
 * `keychain`: the remembered passwords of the person at the desktop (default: the OS keychain, loaded on first use).
 */
export function createNodeHost(
  place: HostPlace,
  env: NodeJS.ProcessEnv = process.env,
  service: ServiceBridge = runningServiceBridge(place.stateDir),
  keychain: Keychain = new OsKeychain(),
): Promise<NodeHost> {
  return NodeHost.create({ ...place, verifier: keyVerifierFromEnv(place.resourcesDir, env), env, service, keychain });
}
