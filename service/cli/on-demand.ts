/**
 * The commands, each loaded on its first call: `express-report service` then loads only the service's code, not the
 * export, import, fleet, backup or serve code and the packages they use (zip, CSV, vite), which an idle service would
 * otherwise hold for its life. With the bundle's chunks (scripts/build.ts) each import() below is a file read at that
 * moment. The signatures are the commands' own.
 */
import type { initCommand as InitCommand } from './commands/init.js';
import type { validateCommand as ValidateCommand } from './commands/validate.js';
import type { infShowCommand as InfShowCommand } from './commands/inf-show.js';
import type { configExport as ConfigExport, configGet as ConfigGet, configList as ConfigList, configSet as ConfigSet } from './commands/config.js';
import type { serveCommand as ServeCommand } from './commands/serve.js';
import type { activateCommand as ActivateCommand } from './commands/activate.js';
import type { serviceCommand as ServiceCommand } from './commands/service.js';
import type { eventCommand as EventCommand } from './commands/event.js';
import type { statusCommand as StatusCommand } from './commands/status.js';
import type { notifyCommand as NotifyCommand } from './commands/notify.js';
import type { testConnectionCommand as TestConnectionCommand } from './commands/connection.js';
import type { endServiceCommand as EndServiceCommand } from './commands/end-service.js';
import type { pauseCommand as PauseCommand, resumeCommand as ResumeCommand } from './commands/maintenance.js';
import type { relayAgentsCommand as RelayAgentsCommand } from './commands/relay.js';
import type { exportCommand as ExportCommand } from './commands/export.js';
import type { exportDiffCommand as ExportDiffCommand } from './commands/export-diff.js';
import type { exportHtmlCommand as ExportHtmlCommand } from './commands/export-html.js';
import type { importCommand as ImportCommand } from './commands/import.js';
import type { fleetBuildCommand as FleetBuildCommand, fleetCheckCommand as FleetCheckCommand } from './commands/fleet.js';
import type { backupCommand as BackupCommand } from './commands/backup.js';
import type { restoreCommand as RestoreCommand } from './commands/restore.js';
import type { migrateCommand as MigrateCommand } from './commands/migrate.js';

type Command = (...a: never[]) => unknown;
type OnDemand<F extends Command> = (...a: Parameters<F>) => Promise<Awaited<ReturnType<F>>>;

export const initCommand: OnDemand<typeof InitCommand> = async (...a) => (await import('./commands/init.js')).initCommand(...a);
export const validateCommand: OnDemand<typeof ValidateCommand> = async (...a) => (await import('./commands/validate.js')).validateCommand(...a);
export const infShowCommand: OnDemand<typeof InfShowCommand> = async (...a) => (await import('./commands/inf-show.js')).infShowCommand(...a);
export const configExport: OnDemand<typeof ConfigExport> = async (...a) => (await import('./commands/config.js')).configExport(...a);
export const configGet: OnDemand<typeof ConfigGet> = async (...a) => (await import('./commands/config.js')).configGet(...a);
export const configList: OnDemand<typeof ConfigList> = async (...a) => (await import('./commands/config.js')).configList(...a);
export const configSet: OnDemand<typeof ConfigSet> = async (...a) => (await import('./commands/config.js')).configSet(...a);
export const serveCommand: OnDemand<typeof ServeCommand> = async (...a) => (await import('./commands/serve.js')).serveCommand(...a);
export const activateCommand: OnDemand<typeof ActivateCommand> = async (...a) => (await import('./commands/activate.js')).activateCommand(...a);
export const serviceCommand: OnDemand<typeof ServiceCommand> = async (...a) => (await import('./commands/service.js')).serviceCommand(...a);
export const eventCommand: OnDemand<typeof EventCommand> = async (...a) => (await import('./commands/event.js')).eventCommand(...a);
export const statusCommand: OnDemand<typeof StatusCommand> = async (...a) => (await import('./commands/status.js')).statusCommand(...a);
export const notifyCommand: OnDemand<typeof NotifyCommand> = async (...a) => (await import('./commands/notify.js')).notifyCommand(...a);
export const testConnectionCommand: OnDemand<typeof TestConnectionCommand> = async (...a) =>
  (await import('./commands/connection.js')).testConnectionCommand(...a);
export const endServiceCommand: OnDemand<typeof EndServiceCommand> = async (...a) => (await import('./commands/end-service.js')).endServiceCommand(...a);
export const pauseCommand: OnDemand<typeof PauseCommand> = async (...a) => (await import('./commands/maintenance.js')).pauseCommand(...a);
export const resumeCommand: OnDemand<typeof ResumeCommand> = async (...a) => (await import('./commands/maintenance.js')).resumeCommand(...a);
export const relayAgentsCommand: OnDemand<typeof RelayAgentsCommand> = async (...a) => (await import('./commands/relay.js')).relayAgentsCommand(...a);
export const exportCommand: OnDemand<typeof ExportCommand> = async (...a) => (await import('./commands/export.js')).exportCommand(...a);
export const exportDiffCommand: OnDemand<typeof ExportDiffCommand> = async (...a) => (await import('./commands/export-diff.js')).exportDiffCommand(...a);
export const exportHtmlCommand: OnDemand<typeof ExportHtmlCommand> = async (...a) => (await import('./commands/export-html.js')).exportHtmlCommand(...a);
export const importCommand: OnDemand<typeof ImportCommand> = async (...a) => (await import('./commands/import.js')).importCommand(...a);
export const fleetBuildCommand: OnDemand<typeof FleetBuildCommand> = async (...a) => (await import('./commands/fleet.js')).fleetBuildCommand(...a);
export const fleetCheckCommand: OnDemand<typeof FleetCheckCommand> = async (...a) => (await import('./commands/fleet.js')).fleetCheckCommand(...a);
export const backupCommand: OnDemand<typeof BackupCommand> = async (...a) => (await import('./commands/backup.js')).backupCommand(...a);
export const restoreCommand: OnDemand<typeof RestoreCommand> = async (...a) => (await import('./commands/restore.js')).restoreCommand(...a);
export const migrateCommand: OnDemand<typeof MigrateCommand> = async (...a) => (await import('./commands/migrate.js')).migrateCommand(...a);
