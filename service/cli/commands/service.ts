import { problem } from '../../../shared/messages/problem.js';
import { reasonOf } from '../../../shared/node/coded-error.js';
import { ReportingService } from '../../daemon/service.js';
import { ServiceLog, serviceLogDir } from '../../common/service-log.js';
import { RESOURCES_DIR } from '../../app-paths.js';
import { type CliContext } from '../context.js';
import { type RunMode } from '../../../shared/host/service-types.js';
import { stayWhenOutputCloses } from '../io.js';
import { printProblems } from '../io.js';

export interface ServiceCommandOptions {
  /** commander's `--no-os-events`. */
  osEvents?: boolean;
  syslogFile?: string[];
  journalctl?: string;
  /** `--run-mode`: how it was started, said in status (default manual). */
  runMode?: RunMode;
}

/** After a failed start everything is closed; if anything still held the process this long, it ends anyway. */
const FAILED_START_GRACE_MS = 5_000;
/** After an uncaught exception the parts get this long to stop before the process ends. */
const FATAL_STOP_MS = 5_000;

/**
 * `service`: the background service in the foreground; a clean stop on SIGINT / SIGTERM. The process never dies with a
 * raw stack trace: a promise rejection nobody handled is logged as ER_1040 and the service keeps running (the part
 * that failed has already given up its work); an uncaught exception is logged as ER_1041 and the process exits 1
 * after stopping what it can. A start that fails closes everything it had opened and exits non-zero (docs/delivery.md).
 */
export async function serviceCommand(ctx: CliContext, o: ServiceCommandOptions = {}): Promise<number> {
  stayWhenOutputCloses(); // a supervisor's closed log pipe must not stop the service (its log file has every line)
  const log = new ServiceLog(serviceLogDir(ctx.stateDir), (l) => ctx.io.err(l));
  let s: ReportingService | undefined;
  const onRejection = (e: unknown): void => log.problem(problem('ER_1040', { reason: reasonOf(e) }));
  let fatal = false;
  const onException = (e: unknown): void => {
    log.problem(problem('ER_1041', { reason: reasonOf(e) }));
    if (fatal) return; // already stopping
    fatal = true;
    const end = (): void => process.exit(1);
    setTimeout(end, FATAL_STOP_MS).unref();
    void (s?.stop() ?? Promise.resolve()).then(() => log.flush()).finally(end);
  };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  const unguard = (): void => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
  try {
    s = await ReportingService.start({
      configDir: ctx.configDir,
      stateDir: ctx.stateDir,
      resourcesDir: RESOURCES_DIR,
      log,
      runMode: o.runMode ?? 'manual',
      osEvents:
        o.osEvents === false ? false : { ...(o.syslogFile ? { syslogFiles: o.syslogFile } : {}), ...(o.journalctl ? { journalctl: o.journalctl } : {}) },
    });
  } catch (e) {
    unguard();
    // start() has stopped every part it started; this only guards against a handle a part forgot to close, which
    // would keep a process that a supervisor takes for a running service.
    setTimeout(() => {
      printProblems(ctx.io, [problem('ER_1042', { seconds: FAILED_START_GRACE_MS / 1000 })]);
      process.exit(1);
    }, FAILED_START_GRACE_MS).unref();
    throw e; // printed by main() as a coded problem; exit code 1
  }
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await s.stop();
  unguard();
  return 0;
}
