/** 通報先リストの設定: the ID list (one ID: エクスプレス通報サービス or (HTTPS), after the route) and 修正... → ID設定. */
import { type ReactNode } from 'react';
import { Dialog } from '../components/Dialog.js';
import { useApp } from '../store-context.js';
import { CloseButton, useT } from './parts.js';
import { METHOD_NAMES, isExpressRoute } from './routes.js';

/** The one ID of the list: Express (HTTPS) when that is the route, else Express. */
export function useReportId(): { name: string; enabled: boolean } {
  const lang = useApp((s) => s.lang);
  const route = useApp((s) => s.snapshot?.settings['express.route'] ?? 'off');
  return route === 'https' ? { name: METHOD_NAMES.https[lang], enabled: true } : { name: METHOD_NAMES.express[lang], enabled: isExpressRoute(route) };
}

export function DestinationListDialog(): ReactNode {
  const t = useT();
  const open = useApp((s) => s.open);
  const close = useApp((s) => s.close);
  const id = useReportId();
  return (
    <Dialog
      title={t('通報先リストの設定', 'Destination list')}
      onCancel={() => close('destinations')}
      buttons={<CloseButton onClose={() => close('destinations')} />}
    >
      <table className="list" aria-label={t('ID リスト', 'ID list')}>
        <thead>
          <tr>
            <th scope="col">ID</th>
            <th scope="col">{t('状態', 'State')}</th>
          </tr>
        </thead>
        <tbody>
          <tr aria-selected="true">
            <td>{id.name}</td>
            <td>{id.enabled ? t('有効', 'enabled') : t('無効', 'disabled')}</td>
          </tr>
        </tbody>
      </table>
      <div className="button-row">
        <button type="button" onClick={() => open('id-settings')}>
          {t('修正...', 'Edit...')}
        </button>
      </div>
    </Dialog>
  );
}
