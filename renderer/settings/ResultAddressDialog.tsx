/**
 * テスト通報結果送付先の選択: 電子メール (an address; 既定値 = the customer's e-mail, else the reply address given at
 * activation) or ファクシミリ (the customer's registered fax number). OK checks the address's shape.
 */
import { useId, useState, type ReactNode } from 'react';
import { problem } from '../../shared/messages/problem.js';
import { text } from '../../shared/messages/text.js';
import { isEmail } from '../../shared/settings/charclass.js';
import { Dialog } from '../components/Dialog.js';
import { accessKeyProps } from '../components/keyboard.js';
import { Mnemonic } from '../components/Mnemonic.js';
import { problemText } from '../i18n.js';
import { useApp } from '../store-context.js';
import { Note, OkCancel, useT } from './parts.js';

export type ResultChoice = { via: 'mail'; mail: string } | { via: 'fax' };

const LABEL = text('テスト通報結果送付先(電子メール)', 'Test result address (e-mail)');

export function ResultAddressDialog({
  initial,
  fallback,
  onOk,
  onCancel,
}: {
  initial: ResultChoice;
  fallback: string;
  onOk(c: ResultChoice): void;
  onCancel(): void;
}): ReactNode {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const id = useId();
  const [via, setVia] = useState<ResultChoice['via']>(initial.via);
  const [mail, setMail] = useState(initial.via === 'mail' ? initial.mail : fallback);
  const [error, setError] = useState('');

  const ok = () => {
    if (via === 'fax') return onOk({ via: 'fax' });
    const m = mail.trim();
    const bad = m === '' ? problem('ER_3001', { label: LABEL }) : isEmail(m) ? undefined : problem('ER_3007', { label: LABEL });
    if (bad) return setError(problemText(bad, lang));
    onOk({ via: 'mail', mail: m });
  };

  return (
    <Dialog title={t('テスト通報結果送付先の選択', 'Where to send the test result')} onCancel={onCancel} buttons={<OkCancel onOk={ok} onCancel={onCancel} />}>
      <fieldset className="radios">
        <legend>{t('送付先', 'Send the result by')}</legend>
        <div className="radio-row">
          <label {...accessKeyProps('M')}>
            <input type="radio" name={`${id}-via`} checked={via === 'mail'} onChange={() => setVia('mail')} />
            <Mnemonic text={t('電子メール(M)', 'E-mail (M)')} />
          </label>
        </div>
        <div className="field">
          <label htmlFor={`${id}-mail`} className="field-label">
            {t('メールアドレス', 'E-mail address')}
          </label>
          <div className="field-control">
            <input
              id={`${id}-mail`}
              type="email"
              value={mail}
              disabled={via !== 'mail'}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-err` : undefined}
              onChange={(e) => {
                setMail(e.target.value);
                setError('');
              }}
            />
            {error ? (
              <div id={`${id}-err`} className="field-error" role="alert">
                {error}
              </div>
            ) : null}
          </div>
          <button
            type="button"
            disabled={via !== 'mail'}
            onClick={() => {
              setMail(fallback);
              setError('');
            }}
          >
            {t('既定値', 'Default')}
          </button>
        </div>
        <div className="radio-row">
          <label {...accessKeyProps('F')}>
            <input
              type="radio"
              name={`${id}-via`}
              checked={via === 'fax'}
              onChange={() => {
                setVia('fax');
                setError('');
              }}
            />
            <Mnemonic text={t('ファクシミリ(F)', 'Fax (F)')} />
          </label>
        </div>
      </fieldset>
      <Note>
        {t(
          'メールアドレスを入力してください。既定値は設定情報のお客様メールアドレスです。',
          "Enter the e-mail address. The default is the customer's e-mail address from the registration.",
        )}
      </Note>
    </Dialog>
  );
}
