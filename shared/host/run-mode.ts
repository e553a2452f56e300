/**
 * How the service the window uses was started, in words (the state bar, the status dialog, `status`), and the system
 * service's presence when none runs (HostApi systemService). docs/desktop-app.md, "Which service the window uses".
 */
import { type LocalizedText } from '../messages/text.js';
import { problem, type Problem } from '../messages/problem.js';
import { type RunMode } from './service-types.js';

export const RUN_MODE_LABEL: Record<RunMode, LocalizedText> = {
  system: { ja: 'システムサービス', en: 'system service' },
  child: { ja: '子プロセス', en: 'child process' },
  manual: { ja: '手動起動', en: 'started by hand' },
};

/** Is a system service installed here (the systemd unit, the Windows service), whether or not it runs? */
export interface SystemServiceState {
  installed: boolean;
  /** The unit file found (Linux) or the service id (Windows). */
  where?: string;
  /** The command that starts it (systemctl start express-report / sc start ExpressReport). */
  startCommand: string;
  /** Its state folder (/var/lib/express-report, %ProgramData%\ExpressReport\state). */
  stateDir?: string;
  /** The asker uses other folders than the system service (a user's window on a server): nothing runs for them. */
  otherFolders?: boolean;
}

/** Why no service runs although one is installed: stopped (ER_8200), or this window uses other folders (ER_8205). */
export function systemServiceProblem(s: SystemServiceState): Problem {
  return s.otherFolders
    ? problem('ER_8205', { where: s.where ?? '', system: s.stateDir ?? '' })
    : problem('ER_8200', { where: s.where ?? '', command: s.startCommand });
}
