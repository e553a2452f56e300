/** The state, always visible at the bottom (docs/design.md section 7, like REMCS): 未開局 / 設定済み / テスト通報済み / 運用中 / サービス終了 / 保守中. */
import { type ReactNode } from 'react';
import { settingDef } from '../../shared/settings/schema.js';
import { type EnumDef } from '../../shared/settings/define.js';
import { useApp } from '../store-context.js';
import { areasText, UNTESTED_LABEL } from '../../shared/host/untested.js';

export function StatusBar(): ReactNode {
  const lang = useApp((s) => s.lang);
  const snapshot = useApp((s) => s.snapshot);
  const guide = useApp((s) => s.guide);
  const state = snapshot?.settings['activation.state'] ?? 'not-activated';
  const def = settingDef('activation.state') as EnumDef;
  const label = def.choiceLabels?.[state]?.[lang] ?? state;
  const expiry = snapshot?.settings['activation.expiry'];
  const errors = snapshot?.problems.filter((p) => p.severity === 'error').length ?? 0;
  return (
    <footer className="bottom">
      <div className="guide" aria-live="polite" data-testid="guide">
        {guide ? `${lang === 'ja' ? '説明' : 'Guide'}: ${guide[lang]}` : ''}
      </div>
      <div className="statusbar" role="status" aria-label={lang === 'ja' ? '状態' : 'State'}>
        <span data-testid="state" className={`state state-${state}`}>{label}</span>
        {/* An overlay, not a state: reports keep flowing; what changed since the last test, and that a test is advisable. */}
        {snapshot?.untested ? (
          <span data-testid="untested" className="untested"
            title={lang === 'ja' ? `${areasText(snapshot.untested.areas).ja}が変更されました。テスト通報をお勧めします。` : `The ${areasText(snapshot.untested.areas).en} changed: a test notification is advisable.`}>
            {UNTESTED_LABEL[lang]}
          </span>
        ) : null}
        {state === 'ended' ? <span className="ended">{lang === 'ja' ? 'エクスプレス通報サービスは終了しています。' : 'The Express Report Service has ended.'}</span> : null}
        {expiry ? <span>{lang === 'ja' ? `有効期限: ${expiry}` : `Expires: ${expiry}`}</span> : null}
        {errors > 0 ? <span className="problems">{lang === 'ja' ? `設定の誤り: ${errors} 件` : `${errors} problem(s) in the settings`}</span> : null}
        <span className="config-dir">{snapshot?.configDir}</span>
      </div>
    </footer>
  );
}
