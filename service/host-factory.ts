/** The host for the command line and `serve`, with this package's resources. */
import { createNodeHost } from '../shared/node/host/create.js';
import { type NodeHost } from '../shared/node/host/host.js';
import { RESOURCES_DIR, packageVersion } from './app-paths.js';

export function createHost(dirs: { configDir: string; stateDir: string }, env: NodeJS.ProcessEnv = process.env): Promise<NodeHost> {
  return createNodeHost({ ...dirs, resourcesDir: RESOURCES_DIR, version: packageVersion() }, env);
}
