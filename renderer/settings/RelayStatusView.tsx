/**
 * The manager relay in 通報サービスの状態 (ServiceStatus.relay, when the service runs one): each receive port (受信中 /
 * 停止 / 開けません, with the coded problem of a port that cannot be opened), the agents known, the reports waiting and
 * the agents flagged (silent or conflicting), with a way to エージェント一覧.
 */
import { type ReactNode } from 'react';
import { type RelayListenerStatus, type RelayStatus } from '../../shared/host/api.js';
import { text } from '../../shared/messages/text.js';
import { problemText } from '../i18n.js';
import { useApp } from '../store-context.js';
import { METHOD_NAMES } from './routes.js';
import { useT } from './parts.js';

const STATE = {
  open: text('受信中', 'receiving'),
  closed: text('停止(無効)', 'closed (disabled)'),
  failed: text('開けません', 'cannot be opened'),
} as const;

function Listener({ l }: { l: RelayListenerStatus }): ReactNode {
  const lang = useApp((s) => s.lang);
  const name = l.kind === 'https' ? METHOD_NAMES.relayHttps : METHOD_NAMES.relayExpress;
  return (
    <li data-kind={l.kind} data-state={l.state} className={l.state === 'failed' ? 'field-error' : undefined}>
      {`${name[lang]}: ${lang === 'ja' ? 'ポート' : 'port'} ${l.port} ${STATE[l.state][lang]}`}
      {l.problem ? ` (${problemText(l.problem, lang)})` : ''}
    </li>
  );
}

export function RelayStatusView({ relay }: { relay: RelayStatus }): ReactNode {
  const t = useT();
  const open = useApp((s) => s.open);
  return (
    <section data-testid="status-relay" aria-label={t('マネージャの受信', "The manager's relay")}>
      <h3>{t('マネージャの受信', "The manager's relay")}</h3>
      <ul>
        {relay.listeners.map((l) => (
          <Listener key={`${l.kind}-${l.port}`} l={l} />
        ))}
      </ul>
      <p data-testid="status-relay-agents">
        {t(
          `エージェント ${relay.agents} 台、転送待ち ${relay.waiting} 件、注意 ${relay.flagged} 台`,
          `${relay.agents} agent(s), ${relay.waiting} waiting to be forwarded, ${relay.flagged} flagged`,
        )}{' '}
        <button type="button" onClick={() => open('relay-agents')}>
          {t('エージェント一覧...', 'Agent list...')}
        </button>
      </p>
    </section>
  );
}
