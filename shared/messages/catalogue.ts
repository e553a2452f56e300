/**
 * The one message catalogue, shared by the UI, the command line and the service (like REMCS's RMG_xxxx).
 * Codes are stable: never renumber or reuse one; retire a code by leaving it unused in its part.
 *   ER_1xxx internal and storage   ER_2xxx network (with the peer's own reply)   ER_3xxx input validation
 *   ER_4xxx definition files       ER_5xxx confirmation                          ER_6xxx information
 *   ER_8xxx install, formats, run mode, performance   ER_9xxx reliability (limits, faults, permissions; any kind)
 * Each part keeps its codes in catalogue/<part>.ts (its range in its header), spread in below, so the parts can grow
 * apart; docs/messages.md lists a range's codes in this order.
 * {name} placeholders are filled by message(); a placeholder may carry a LocalizedText (a field label).
 */
import { type MessageDef } from './message-def.js';
import { mailMessages } from './catalogue/mail.js';
import { modemMessages } from './catalogue/modem.js';
import { collectMessages } from './catalogue/collect.js';
import { sourcesMessages } from './catalogue/sources.js';
import { lifecycleMessages } from './catalogue/lifecycle.js';
import { relayForwardMessages } from './catalogue/relay-forward.js';
import { relayManagerMessages } from './catalogue/relay-manager.js';
import { relayAgentMessages } from './catalogue/relay-agent.js';
import { relayWindowMessages } from './catalogue/relay-window.js';
import { relayAnswerMessages } from './catalogue/relay-answer.js';
import { settingsTransferMessages } from './catalogue/settings-transfer.js';
import { fleetMessages } from './catalogue/fleet.js';
import { settingsTransferWindowMessages } from './catalogue/settings-transfer-window.js';
import { formatsBackupMessages } from './catalogue/formats-backup.js';
import { runModeMessages } from './catalogue/run-mode.js';
import { packageMessages } from './catalogue/package.js';
import { windowLoadMessages } from './catalogue/window-load.js';
import { serviceMemoryMessages } from './catalogue/service-memory.js';
import { spoolIntakeMessages } from './catalogue/spool-intake.js';
import { infSpeedMessages } from './catalogue/inf-speed.js';
import { fuzzMessages } from './catalogue/fuzz.js';
import { faultsMessages } from './catalogue/faults.js';
import { soakSecurityMessages } from './catalogue/soak-security.js';
import { internalStorageMessages } from './catalogue/internal-storage.js';
import { internalServiceMessages } from './catalogue/internal-service.js';
import { internalCommandsMessages } from './catalogue/internal-commands.js';
import { windowHostMessages } from './catalogue/window-host.js';
import { networkTransportMessages } from './catalogue/network-transport.js';
import { deliveryOutcomeMessages } from './catalogue/delivery-outcome.js';
import { validationFieldsMessages } from './catalogue/validation-fields.js';
import { validationOperationsMessages } from './catalogue/validation-operations.js';
import { definitionFilesMessages } from './catalogue/definition-files.js';
import { confirmationMessages } from './catalogue/confirmation.js';
import { informationSettingsServiceMessages } from './catalogue/information-settings-service.js';
import { informationReportsMessages } from './catalogue/information-reports.js';
import { informationOperationsMessages } from './catalogue/information-operations.js';

export const catalogue = {
  ...mailMessages,
  ...modemMessages,
  ...collectMessages,
  ...sourcesMessages,
  ...lifecycleMessages,
  ...relayForwardMessages,
  ...relayManagerMessages,
  ...relayAgentMessages,
  ...relayWindowMessages,
  ...relayAnswerMessages,
  ...settingsTransferMessages,
  ...fleetMessages,
  ...settingsTransferWindowMessages,
  ...formatsBackupMessages,
  ...runModeMessages,
  ...packageMessages,
  ...windowLoadMessages,
  ...serviceMemoryMessages,
  ...spoolIntakeMessages,
  ...infSpeedMessages,
  ...fuzzMessages,
  ...faultsMessages,
  ...soakSecurityMessages,
  ...internalStorageMessages,
  ...internalServiceMessages,
  ...internalCommandsMessages,
  ...windowHostMessages,
  ...networkTransportMessages,
  ...deliveryOutcomeMessages,
  ...validationFieldsMessages,
  ...validationOperationsMessages,
  ...definitionFilesMessages,
  ...confirmationMessages,
  ...informationSettingsServiceMessages,
  ...informationReportsMessages,
  ...informationOperationsMessages,
} as const satisfies Record<string, MessageDef>;

export type MessageCode = keyof typeof catalogue;
