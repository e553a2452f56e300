/**
 * Beside a password field: 「このパスワードをこのコンピュータに記憶する」 (SaveRequest.remember), and, when this computer's
 * keychain remembers a password for the account the fields now name (user + host + port, or user + entry),
 * 「記憶したパスワードを使用」 (the field becomes `(remembered)`; the host reads the password, the window never sees it)
 * and 「記憶したパスワードを削除」 (HostApi.forgetSecret).
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import { type RememberedList } from '../../shared/host/api.js';
import { SECRET_REMEMBERED, accountFor, accountName, sameAccount, type SecretKey } from '../../shared/host/remembered.js';
import { textOf } from '../components/use-settings-form.js';
import { problemText } from '../i18n.js';
import { useApp } from '../store-context.js';
import { type DialogForm } from './form.js';
import { defOf, useT } from './parts.js';
import { problemsOf } from '../../shared/host/errors.js';

export function RememberSecret({ form, k }: { form: DialogForm; k: SecretKey }): ReactNode {
  const t = useT();
  const id = useId();
  const host = useApp((s) => s.host);
  const lang = useApp((s) => s.lang);
  const snapshot = useApp((s) => s.snapshot);
  const setGuide = useApp((s) => s.setGuide);
  const [list, setList] = useState<RememberedList>();

  // Asked again after each save (a password may have been remembered).
  useEffect(() => {
    let live = true;
    host.rememberedSecrets().then(
      (l) => {
        if (live) setList(l);
      },
      () => {
        if (live) setList(undefined);
      },
    );
    return () => {
      live = false;
    };
  }, [host, snapshot]);

  const def = defOf(k);
  const field = def.label[lang];
  const active = form.active(def);
  const account = form.view ? accountFor(k, form.view) : undefined;
  const known = list?.available === true && account !== undefined && list.accounts.some((a) => sameAccount(a, account));
  const unavailable = list?.available === false ? list.problem : undefined;
  const value = form.values[k];

  const rememberGuide = {
    ja:
      'チェックすると、OK で保存したときに入力したパスワードをこのコンピュータ(OS のキーチェーン)にも記憶します。記憶はこのコンピュータの利用者ごとで、' +
      '利用者名とサーバ(またはエントリ)が同じ設定で「記憶したパスワードを使用」を押すと、入力せずに設定できます。',
    en:
      "When checked, OK also keeps the typed password in this computer's keychain (per user of this computer). In settings with the same user " +
      'and server (or entry), "Use the remembered password" then fills it in without typing.',
  };
  const guide = unavailable
    ? { ja: `${rememberGuide.ja} ${problemText(unavailable, 'ja')}`, en: `${rememberGuide.en} ${problemText(unavailable, 'en')}` }
    : rememberGuide;
  const name = account ? accountName(account) : '';
  const rememberText =
    t('このパスワードをこのコンピュータに記憶する', 'Remember this password on this computer') +
    (unavailable ? t('(このコンピュータでは使用できません)', ' (not available on this computer)') : '');

  return (
    <div className="remember-secret">
      <div className="field field-bool">
        <input
          type="checkbox"
          id={id}
          checked={form.remember.has(k)}
          disabled={!active || unavailable !== undefined}
          onChange={(e) => form.setRemember(k, e.target.checked)}
          onFocus={() => setGuide(guide)}
          aria-label={`${rememberText} (${field})`}
        />
        <label htmlFor={id} className="field-label">
          {rememberText}
        </label>
      </div>
      {known && active ? (
        <div className="button-row">
          <button
            type="button"
            disabled={value === SECRET_REMEMBERED}
            onClick={() => form.set(k, SECRET_REMEMBERED)}
            onFocus={() =>
              setGuide({
                ja: `このコンピュータに記憶したパスワード(${name})を使用します。パスワードは画面に表示されず、OK で保存するときに読み出されます。`,
                en: `Uses the password this computer remembers for ${name}. It is never shown; it is read when OK saves.`,
              })
            }
            aria-label={`${t('記憶したパスワードを使用', 'Use the remembered password')} (${field})`}
          >
            {t('記憶したパスワードを使用', 'Use the remembered password')}
          </button>
          <button
            type="button"
            onClick={() => {
              if (!account) return;
              void host.forgetSecret(account).then(
                (l) => {
                  setList(l);
                  if (form.values[k] === SECRET_REMEMBERED) form.set(k, textOf(snapshot, k));
                },
                (e: unknown) => setList({ available: false, problem: problemsOf(e)[0]! }),
              );
            }}
            onFocus={() =>
              setGuide({
                ja: `このコンピュータに記憶したパスワード(${name})を削除します。保存済みの設定は変わりません。`,
                en: `Forgets the password this computer remembers for ${name}. The saved settings do not change.`,
              })
            }
            aria-label={`${t('記憶したパスワードを削除', 'Forget the remembered password')} (${field})`}
          >
            {t('記憶したパスワードを削除', 'Forget the remembered password')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
