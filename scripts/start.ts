/**
 * `npm start`: builds, then opens the desktop app where an Electron runtime can run (its binary was downloaded and a
 * display exists); otherwise the same window in the browser through `express-report serve --open`.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants as osConstants } from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildAll } from './build.js';

const root = fileURLToPath(new URL('..', import.meta.url));

function electronBinary(): string | undefined {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

await buildAll();
const electron = electronBinary();
const display = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const args = process.argv.slice(2);
const child =
  electron && display
    ? spawn(electron, [`${root}/out/electron/main.mjs`, ...args], { stdio: 'inherit' })
    : (console.error(
        electron
          ? 'No display: opening the settings window in a browser instead (express-report serve).'
          : 'The Electron runtime is not installed (run `node node_modules/electron/install.js` where it can be downloaded): opening the settings window in a browser instead (express-report serve).',
      ),
      spawn(process.execPath, [`${root}/bin/express-report.mjs`, 'serve', '--open', ...args], { stdio: 'inherit' }));
// A stop sent to this process alone (`timeout`, a service manager, npm passing on a SIGTERM) would leave the window's
// server and its child service running: hand it on, and end when the child has.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (osConstants.signals[signal] ?? 0) : 0)));
