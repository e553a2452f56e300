/** ID設定: 宛先設定... (the route's own dialog; HTTPS via a manager: the manager's address) and スケジュール... (retry and the time window). */
import { type ReactNode } from 'react';
import { Dialog } from '../components/Dialog.js';
import { useApp } from '../store-context.js';
import { type DialogId } from '../store.js';
import { useReportId } from './DestinationListDialog.js';
import { CloseButton, ReadOnlyField, useT } from './parts.js';

const ROUTE_DIALOG: Record<string, DialogId> = { mail: 'mail', dialup: 'dialup', manager: 'manager', https: 'https', off: 'express' };

export function IdSettingsDialog(): ReactNode {
  const t = useT();
  const open = useApp((s) => s.open);
  const close = useApp((s) => s.close);
  const route = useApp((s) => s.snapshot?.settings['express.route'] ?? 'off');
  const viaManager = useApp((s) => s.snapshot?.settings['https.via'] === 'manager');
  const target: DialogId = route === 'https' && viaManager ? 'https-manager' : (ROUTE_DIALOG[route] ?? 'express');
  const id = useReportId();
  return (
    <Dialog title={t('ID設定', 'ID settings')} onCancel={() => close('id-settings')} buttons={<CloseButton onClose={() => close('id-settings')} />}>
      <ReadOnlyField label="ID" value={id.name} />
      <div className="button-row">
        <button type="button" onClick={() => open(target)}>
          {t('宛先設定...', 'Destination settings...')}
        </button>
        <button type="button" onClick={() => open('schedule')}>
          {t('スケジュール...', 'Schedule...')}
        </button>
      </div>
    </Dialog>
  );
}
