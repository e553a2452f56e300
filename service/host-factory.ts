/** The host as every process of ours builds it: the folders, the shipped resources and the key-file trust anchors. */
import { NodeHost } from '../shared/node/host/host.js';
import { keyVerifierFromEnv } from '../shared/node/keyfile/host-verifier.js';
import { RESOURCES_DIR, packageVersion } from './app-paths.js';

export function createHost(dirs: { configDir: string; stateDir: string }, env: NodeJS.ProcessEnv = process.env): Promise<NodeHost> {
  return NodeHost.create({ ...dirs, resourcesDir: RESOURCES_DIR, version: packageVersion(), verifier: keyVerifierFromEnv(RESOURCES_DIR, env), env });
}
