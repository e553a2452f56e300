/** The basic settings dialogs' (Express, Express (HTTPS)) 通報の抑制... and 開局情報の入力... with the manual's note. */
import { type ReactNode } from 'react';
import { useApp } from '../store-context.js';
import { Note, useT } from './parts.js';

export function SuppressionAndSetup(): ReactNode {
  const t = useT();
  const open = useApp((s) => s.open);
  return (
    <>
      <div className="button-row">
        <button type="button" onClick={() => open('suppression')}>
          {t('通報の抑制...', 'Report suppression...')}
        </button>
        <button type="button" onClick={() => open('wizard')}>
          {t('開局情報の入力...', 'Activation information...')}
        </button>
      </div>
      <Note>
        {t(
          '[通報の抑制]の設定は保守サービス会社からの指示がある場合を除いて、既定値を変更しないでください。',
          'Do not change the report suppression defaults unless the maintenance company tells you to.',
        )}
      </Note>
    </>
  );
}
