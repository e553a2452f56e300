/** The settings window's dialogs by id (filled in by renderer/settings/*). */
import { type ComponentType } from 'react';
import { type DialogId } from '../store.js';
import { MethodsDialog } from './MethodsDialog.js';
import { ExpressDialog } from './ExpressDialog.js';
import { MailDialog } from './MailDialog.js';
import { MailAuthDialog } from './MailAuthDialog.js';
import { DialupDialog } from './DialupDialog.js';
import { ManagerDialog } from './ManagerDialog.js';
import { HttpsDialog } from './HttpsDialog.js';
import { HttpsManagerDialog } from './HttpsManagerDialog.js';
import { SuppressionDialog } from './SuppressionDialog.js';
import { RelayDialog } from './RelayDialog.js';
import { RelayHttpsDialog } from './RelayHttpsDialog.js';
import { RelayAgentsDialog } from './RelayAgentsDialog.js';
import { RelayMailDialog, RelayDialupDialog } from './relay-forwarding.js';
import { DestinationListDialog } from './DestinationListDialog.js';
import { IdSettingsDialog } from './IdSettingsDialog.js';
import { ScheduleDialog } from './ScheduleDialog.js';
import { VersionDialog } from './VersionDialog.js';
import { ServiceEndDialog, ServiceExpiryDialog } from './ServiceEndDialog.js';
import { ServiceStatusDialog } from './ServiceStatusDialog.js';
import { MaintenanceDialog } from './MaintenanceDialog.js';
import { MaintenanceEndDialog } from './MaintenanceEndDialog.js';
import './settings.css';

export const settingsDialogs: Partial<Record<DialogId, ComponentType>> = {
  methods: MethodsDialog,
  express: ExpressDialog,
  mail: MailDialog,
  'mail-auth': MailAuthDialog,
  dialup: DialupDialog,
  manager: ManagerDialog,
  https: HttpsDialog,
  'https-manager': HttpsManagerDialog,
  suppression: SuppressionDialog,
  relay: RelayDialog,
  'relay-https': RelayHttpsDialog,
  'relay-mail': RelayMailDialog,
  'relay-dialup': RelayDialupDialog,
  'relay-agents': RelayAgentsDialog,
  destinations: DestinationListDialog,
  'id-settings': IdSettingsDialog,
  schedule: ScheduleDialog,
  version: VersionDialog,
  'service-end': ServiceEndDialog,
  'service-expiry': ServiceExpiryDialog,
  'service-status': ServiceStatusDialog,
  maintenance: MaintenanceDialog,
  'maintenance-end': MaintenanceEndDialog,
};
