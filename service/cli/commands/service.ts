import { ReportingService } from '../../daemon/service.js';
import { RESOURCES_DIR } from '../../app-paths.js';
import { type CliContext } from '../context.js';

export interface ServiceCommandOptions {
  /** commander's `--no-os-events`. */
  osEvents?: boolean;
  syslogFile?: string[];
  journalctl?: string;
}

/** `service`: the background service in the foreground; a clean stop on SIGINT / SIGTERM. */
export async function serviceCommand(ctx: CliContext, o: ServiceCommandOptions = {}): Promise<number> {
  const s = await ReportingService.start({
    configDir: ctx.configDir, stateDir: ctx.stateDir, resourcesDir: RESOURCES_DIR, echo: (l) => ctx.io.err(l),
    osEvents: o.osEvents === false ? false : { ...(o.syslogFile ? { syslogFiles: o.syslogFile } : {}), ...(o.journalctl ? { journalctl: o.journalctl } : {}) },
  });
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await s.stop();
  return 0;
}
