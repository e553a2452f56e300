/**
 * バージョン情報: product, version, the config folder, and ユーザシステムコード (the manager-side reachability test asks for
 * it: the code the center gave, or OPFILELESS for a key-code machine, as the manual says).
 */
import { type ReactNode } from 'react';
import { Dialog } from '../components/Dialog.js';
import { DEFAULT_BUTTON } from '../components/keyboard.js';
import { useApp } from '../store-context.js';
import { useT } from './parts.js';
import { userSystemCodeText } from '../../shared/host/state-summary.js';

export function VersionDialog(): ReactNode {
  const t = useT();
  const close = useApp((s) => s.close);
  const version = useApp((s) => s.snapshot?.version ?? '');
  const configDir = useApp((s) => s.snapshot?.configDir ?? '');
  const settings = useApp((s) => s.snapshot?.settings);
  const lang = useApp((s) => s.lang);
  return (
    <Dialog
      title={t('バージョン情報', 'Version information')}
      onCancel={() => close('version')}
      buttons={
        <button type="button" {...DEFAULT_BUTTON} onClick={() => close('version')}>
          OK
        </button>
      }
    >
      <dl className="facts">
        <dt>{t('製品名', 'Product')}</dt>
        <dd>
          {t(
            'Express Report (エクスプレス通報サービス / エクスプレス通報サービス(HTTPS))',
            'Express Report (Express Report Service / Express Report Service (HTTPS))',
          )}
        </dd>
        <dt>{t('バージョン', 'Version')}</dt>
        <dd data-testid="version">{version}</dd>
        <dt>{t('設定フォルダ', 'Config folder')}</dt>
        <dd data-testid="config-dir">{configDir}</dd>
        <dt>{t('ユーザシステムコード', 'User system code')}</dt>
        <dd data-testid="user-system-code">{settings ? userSystemCodeText(settings)[lang] : ''}</dd>
      </dl>
    </Dialog>
  );
}
