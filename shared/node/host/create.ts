/** The host as every process builds it: folders, shipped resources, key-file trust (resources + EXPRESS_REPORT_KEYFILE_CA). */
import { keyVerifierFromEnv } from '../keyfile/host-verifier.js';
import { NodeHost } from './host.js';

export interface HostPlace {
  configDir: string;
  stateDir: string;
  resourcesDir: string;
  version: string;
}

export function createNodeHost(place: HostPlace, env: NodeJS.ProcessEnv = process.env): Promise<NodeHost> {
  return NodeHost.create({ ...place, verifier: keyVerifierFromEnv(place.resourcesDir, env), env });
}
