/**
 * How the service the window uses was started, in words (the state bar, the status dialog, `status`), and the system
 * service's presence when none runs (HostApi systemService). docs/desktop-app.md, "Which service the window uses".
 */
import { type LocalizedText } from '../messages/text.js';
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
}
