/**
 * Which service `serve` uses (issue 15): the one running for its folders; else, in a portable run (no system service
 * installed here), a child of its own (`service --run-mode child`), stopped when serve stops; a system service that
 * is installed but stopped is named with its start command (ER_8200; ER_8205 when serve uses other folders than it),
 * never replaced by a child. Each case is one
 * coded line on stderr (stdout's first line stays the session URL).
 */
import { type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { problem, type Problem } from '../../../shared/messages/problem.js';
import { RUN_MODE_LABEL, systemServiceProblem } from '../../../shared/host/run-mode.js';
import { spawnChildService, useOrStartService } from '../../../shared/node/service-child.js';
import { serviceLogDir } from '../../common/service-log.js';
import { PACKAGE_ROOT } from '../../app-paths.js';
import { printProblems, type CliIo } from '../io.js';

export interface ServeServiceContext {
  configDir: string;
  stateDir: string;
  env: NodeJS.ProcessEnv;
  io: CliIo;
}

/** The child serve started, if it did; `startChild: false` is `--no-service`. */
export async function serviceForServe(ctx: ServeServiceContext, startChild: boolean): Promise<ChildProcess | undefined> {
  const start = (): ChildProcess =>
    spawnChildService({ execPath: process.execPath, bin: join(PACKAGE_ROOT, 'bin', 'express-report.mjs'), dirs: ctx, env: ctx.env });
  const use = await useOrStartService(ctx.stateDir, startChild ? start : undefined, { env: ctx.env });
  const say = (p: Problem): void => printProblems(ctx.io, [p]);
  switch (use.kind) {
    case 'running':
      say(problem('ER_8201', { pid: use.pid ?? '?', mode: use.runMode ? RUN_MODE_LABEL[use.runMode] : '?' }));
      return undefined;
    case 'system-stopped':
      say(systemServiceProblem(use.system));
      return undefined;
    case 'none':
      say(problem('ER_8204'));
      return undefined;
    case 'child': {
      const child = use.child;
      say(problem('ER_8202', { pid: child.pid ?? '?' }));
      child.once('exit', (code, signal) => {
        // A clean stop (serve's SIGTERM, or the terminal's Ctrl-C reaching it too) is the normal end; else said once.
        if (code === 0 || signal === 'SIGTERM' || signal === 'SIGINT') return;
        say(problem('ER_8203', { reason: signal ? `signal ${signal}` : `exit status ${code}`, path: serviceLogDir(ctx.stateDir) }));
      });
      return child;
    }
  }
}
