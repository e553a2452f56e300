/**
 * The desktop app starts the bundled service as its child when no service runs for its state folder (a system service,
 * or another window's child, already holds it). The child is the same `express-report service` the command line runs,
 * started with Electron's own Node (ELECTRON_RUN_AS_NODE), and is stopped when the app quits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ServiceClient } from '../shared/node/service-client.js';

export async function startServiceIfNone(appPath: string, dirs: { configDir: string; stateDir: string }): Promise<ChildProcess | undefined> {
  const running = await ServiceClient.connect(dirs.stateDir).then(
    () => true,
    () => false,
  );
  if (running) return undefined;
  const bin = join(appPath, 'bin', 'express-report.mjs');
  if (!existsSync(bin)) return undefined;
  const child = spawn(process.execPath, [bin, '--config-dir', dirs.configDir, '--state-dir', dirs.stateDir, 'service'], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: 'ignore',
  });
  child.on('error', () => undefined); // the window still works; its status dialog says the service is not running
  return child;
}
