/** 設定情報の変更...: the setup utility opened from a route dialog. */
import { type ReactNode } from 'react';
import { useApp } from '../store-context.js';
import { useT } from './parts.js';

export function ChangeRegistration(): ReactNode {
  const t = useT();
  const open = useApp((s) => s.open);
  return (
    <div className="button-row">
      <button type="button" onClick={() => open('wizard')}>
        {t('設定情報の変更...', 'Change the registration...')}
      </button>
    </div>
  );
}
