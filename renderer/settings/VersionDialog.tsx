/** バージョン情報: product, version and the config folder. */
import { type ReactNode } from 'react';
import { Dialog } from '../components/Dialog.js';
import { DEFAULT_BUTTON } from '../components/keyboard.js';
import { useApp } from '../store-context.js';
import { useT } from './parts.js';

export function VersionDialog(): ReactNode {
  const t = useT();
  const close = useApp((s) => s.close);
  const version = useApp((s) => s.snapshot?.version ?? '');
  const configDir = useApp((s) => s.snapshot?.configDir ?? '');
  return (
    <Dialog title={t('バージョン情報', 'Version information')} onCancel={() => close('version')}
      buttons={<button type="button" {...DEFAULT_BUTTON} onClick={() => close('version')}>OK</button>}>
      <dl className="facts">
        <dt>{t('製品名', 'Product')}</dt>
        <dd>{t('Express Report (エクスプレス通報サービス / エクスプレス通報サービス(HTTPS))', 'Express Report (Express Report Service / Express Report Service (HTTPS))')}</dd>
        <dt>{t('バージョン', 'Version')}</dt>
        <dd data-testid="version">{version}</dd>
        <dt>{t('設定フォルダ', 'Config folder')}</dt>
        <dd data-testid="config-dir">{configDir}</dd>
      </dl>
    </Dialog>
  );
}
