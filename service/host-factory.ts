/**
 * The host for the command line and `serve`, with this package's resources. テスト通報 / 開局通報 are sent in-process
 * (as `express-report test-notify` does, whether or not the service runs); the status and 通報テスト ask the running service.
 */
import { createNodeHost } from '../shared/node/host/create.js';
import { type NodeHost } from '../shared/node/host/host.js';
import { runningServiceBridge, type ServiceBridge } from '../shared/node/host/service-bridge.js';
import { notify } from './notify/notify.js';
import { RESOURCES_DIR, packageVersion } from './app-paths.js';

export function serviceBridge(dirs: { configDir: string; stateDir: string }): ServiceBridge {
  return { ...runningServiceBridge(dirs.stateDir), notify: (req) => notify(dirs, req) };
}

export function createHost(dirs: { configDir: string; stateDir: string }, env: NodeJS.ProcessEnv = process.env): Promise<NodeHost> {
  return createNodeHost({ ...dirs, resourcesDir: RESOURCES_DIR, version: packageVersion() }, env, serviceBridge(dirs));
}
