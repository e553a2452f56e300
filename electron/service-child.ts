/**
 * Which service the desktop app uses (issue 15, docs/desktop-app.md "Which service the window uses"): the one running
 * for its state folder (a system service, another window's child, one started by hand); else, only in a portable run
 * (no system service installed here: shared/node/service-presence.ts), the bundled service as its child, started with
 * Electron's own Node (ELECTRON_RUN_AS_NODE) and `--run-mode child`, stopped when the app quits. A system service
 * that is installed but stopped is not replaced: the state bar says 停止中 with the command that starts it (ER_8200).
 */
import { type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnChildService, useOrStartService } from '../shared/node/service-child.js';

export async function startServiceIfNone(appPath: string, dirs: { configDir: string; stateDir: string }): Promise<ChildProcess | undefined> {
  const bin = join(appPath, 'bin', 'express-report.mjs');
  const start = existsSync(bin)
    ? () => spawnChildService({ execPath: process.execPath, bin, dirs, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } })
    : undefined;
  // A failed look (an unreadable service.json) leaves the window without a child: its state bar says why.
  const use = await useOrStartService(dirs.stateDir, start).catch(() => undefined);
  return use?.kind === 'child' ? use.child : undefined;
}
