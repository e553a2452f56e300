import { readFile, readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../../shared/messages/catalogue.js';
import { mailMessages } from '../../../../shared/messages/catalogue/mail.js';
import { modemMessages } from '../../../../shared/messages/catalogue/modem.js';
import { collectMessages } from '../../../../shared/messages/catalogue/collect.js';
import { sourcesMessages } from '../../../../shared/messages/catalogue/sources.js';
import { lifecycleMessages } from '../../../../shared/messages/catalogue/lifecycle.js';
import { relayForwardMessages } from '../../../../shared/messages/catalogue/relay-forward.js';
import { relayManagerMessages } from '../../../../shared/messages/catalogue/relay-manager.js';
import { relayAgentMessages } from '../../../../shared/messages/catalogue/relay-agent.js';
import { relayWindowMessages } from '../../../../shared/messages/catalogue/relay-window.js';
import { relayAnswerMessages } from '../../../../shared/messages/catalogue/relay-answer.js';
import { settingsTransferMessages } from '../../../../shared/messages/catalogue/settings-transfer.js';
import { fleetMessages } from '../../../../shared/messages/catalogue/fleet.js';
import { settingsTransferWindowMessages } from '../../../../shared/messages/catalogue/settings-transfer-window.js';
import { formatsBackupMessages } from '../../../../shared/messages/catalogue/formats-backup.js';
import { runModeMessages } from '../../../../shared/messages/catalogue/run-mode.js';
import { packageMessages } from '../../../../shared/messages/catalogue/package.js';
import { windowLoadMessages } from '../../../../shared/messages/catalogue/window-load.js';
import { serviceMemoryMessages } from '../../../../shared/messages/catalogue/service-memory.js';
import { spoolIntakeMessages } from '../../../../shared/messages/catalogue/spool-intake.js';
import { infSpeedMessages } from '../../../../shared/messages/catalogue/inf-speed.js';
import { fuzzMessages } from '../../../../shared/messages/catalogue/fuzz.js';
import { faultsMessages } from '../../../../shared/messages/catalogue/faults.js';
import { soakSecurityMessages } from '../../../../shared/messages/catalogue/soak-security.js';
import { internalStorageMessages } from '../../../../shared/messages/catalogue/internal-storage.js';
import { internalServiceMessages } from '../../../../shared/messages/catalogue/internal-service.js';
import { internalCommandsMessages } from '../../../../shared/messages/catalogue/internal-commands.js';
import { windowHostMessages } from '../../../../shared/messages/catalogue/window-host.js';
import { networkTransportMessages } from '../../../../shared/messages/catalogue/network-transport.js';
import { deliveryOutcomeMessages } from '../../../../shared/messages/catalogue/delivery-outcome.js';
import { validationFieldsMessages } from '../../../../shared/messages/catalogue/validation-fields.js';
import { validationOperationsMessages } from '../../../../shared/messages/catalogue/validation-operations.js';
import { definitionFilesMessages } from '../../../../shared/messages/catalogue/definition-files.js';
import { confirmationMessages } from '../../../../shared/messages/catalogue/confirmation.js';
import { informationSettingsServiceMessages } from '../../../../shared/messages/catalogue/information-settings-service.js';
import { informationReportsMessages } from '../../../../shared/messages/catalogue/information-reports.js';
import { informationOperationsMessages } from '../../../../shared/messages/catalogue/information-operations.js';

const placeholders = (s: string): string[] => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();

describe('message catalogue', () => {
  it('no code is defined twice (a spread part would silently lose to the main list)', async () => {
    const main = await readFile(new URL('../../../../shared/messages/catalogue.ts', import.meta.url), 'utf8');
    const mainCodes = [...main.matchAll(/^\s+(ER_\d{4}):/gm)].map((m) => m[1]!);
    const parts = [
      mailMessages,
      modemMessages,
      collectMessages,
      sourcesMessages,
      lifecycleMessages,
      relayForwardMessages,
      relayManagerMessages,
      relayAgentMessages,
      relayWindowMessages,
      relayAnswerMessages,
      settingsTransferMessages,
      fleetMessages,
      settingsTransferWindowMessages,
      formatsBackupMessages,
      runModeMessages,
      packageMessages,
      windowLoadMessages,
      serviceMemoryMessages,
      spoolIntakeMessages,
      infSpeedMessages,
      fuzzMessages,
      faultsMessages,
      soakSecurityMessages,
      internalStorageMessages,
      internalServiceMessages,
      internalCommandsMessages,
      windowHostMessages,
      networkTransportMessages,
      deliveryOutcomeMessages,
      validationFieldsMessages,
      validationOperationsMessages,
      definitionFilesMessages,
      confirmationMessages,
      informationSettingsServiceMessages,
      informationReportsMessages,
      informationOperationsMessages,
    ].flatMap((p) => Object.keys(p));
    const all = [...mainCodes, ...parts];
    expect(all.length).toBe(new Set(all).size);
    expect(Object.keys(catalogue).length).toBe(all.length);
  });

  it('every part is merged into the catalogue', async () => {
    const files = await readdir(new URL('../../../../shared/messages/catalogue/', import.meta.url));
    expect(files.sort()).toEqual([
      'collect.ts',
      'confirmation.ts',
      'definition-files.ts',
      'delivery-outcome.ts',
      'faults.ts',
      'fleet.ts',
      'formats-backup.ts',
      'fuzz.ts',
      'inf-speed.ts',
      'information-operations.ts',
      'information-reports.ts',
      'information-settings-service.ts',
      'internal-commands.ts',
      'internal-service.ts',
      'internal-storage.ts',
      'lifecycle.ts',
      'mail.ts',
      'modem.ts',
      'network-transport.ts',
      'package.ts',
      'relay-agent.ts',
      'relay-answer.ts',
      'relay-forward.ts',
      'relay-manager.ts',
      'relay-window.ts',
      'run-mode.ts',
      'service-memory.ts',
      'settings-transfer-window.ts',
      'settings-transfer.ts',
      'soak-security.ts',
      'sources.ts',
      'spool-intake.ts',
      'validation-fields.ts',
      'validation-operations.ts',
      'window-host.ts',
      'window-load.ts',
    ]);
  });

  it('each code has the same placeholders in Japanese and English, and a kind matching its number', () => {
    const kinds: Record<string, string[]> = {
      '1': ['internal'],
      '2': ['network', 'warning'],
      '3': ['validation', 'warning'],
      '4': ['definition', 'warning'],
      '5': ['confirmation'],
      '6': ['information', 'warning'],
      '8': ['internal', 'information', 'warning'],
      '9': ['internal', 'information', 'warning', 'network', 'validation', 'definition'],
    };
    for (const [code, def] of Object.entries(catalogue)) {
      expect(placeholders(def.ja), code).toEqual(placeholders(def.en));
      expect(kinds[code[3]!], code).toContain(def.kind);
    }
  });
});
