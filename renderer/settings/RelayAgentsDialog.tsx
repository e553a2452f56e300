/**
 * エージェント一覧 (ツール menu; manager side): the agents that reported through this manager, by identity (装置コード:
 * 製造番号), with their addresses, first / last seen, reports received / forwarded / waiting and the last problem, as the
 * running service knows them (HostApi relayAgents). An agent silent for over 35 days and an identity claimed by two
 * machines are marked in words, not only by colour; beyond 1,000 agents a warning (reports are never refused for it).
 */
import { type ReactNode } from 'react';
import { type HostApi, type RelayAgent } from '../../shared/host/api.js';
import { problemText } from '../i18n.js';
import { useApp } from '../store-context.js';
import { Note, useT } from './parts.js';
import { AskFailed, Asking, QueryDialog, localTime as when, useServiceQuery, type Failed } from './service-query.js';

/** A manager (ESMPRO/ServerManager) manages up to 1,000 devices: beyond that the list warns (docs/relay.md). */
export const MAX_AGENTS = 1000;

type Listed = { kind: 'loaded'; agents: RelayAgent[] };

async function askAgents(host: HostApi): Promise<Listed | Failed> {
  const r = await host.relayAgents();
  return r.ok ? { kind: 'loaded', agents: r.agents } : { kind: 'failed', problems: r.problems };
}

export function RelayAgentsDialog(): ReactNode {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const { loaded, load } = useServiceQuery(askAgents);

  const agents = loaded.kind === 'loaded' ? loaded.agents : [];
  const flags = (a: RelayAgent): string =>
    [
      a.silent ? t('35 日以上通報なし', 'silent for over 35 days') : '',
      a.conflict ? t('同じ装置を名乗るマシンが複数あります', 'two machines claim this identity') : '',
    ]
      .filter(Boolean)
      .join(t('、', '; '));

  return (
    <QueryDialog id="relay-agents" title={t('エージェント一覧', 'Agent list')} loaded={loaded} load={load}>
      <Asking loaded={loaded} />
      <AskFailed loaded={loaded} testId="agents-failed" />
      {loaded.kind === 'loaded' && agents.length > MAX_AGENTS ? (
        <p role="status" className="warning" data-testid="agents-too-many">
          {t(
            `エージェントが ${agents.length} 台あります。1 台のマネージャで管理できるのは 1,000 台までです。通報は受け付けますが、マネージャを分けることをお勧めします。`,
            `${agents.length} agents report here; one manager is meant for up to 1,000. Reports are still taken, but consider another manager.`,
          )}
        </p>
      ) : null}
      {loaded.kind === 'loaded' && agents.length === 0 ? (
        <p role="status" data-testid="agents-none">
          {t('まだエージェントからの通報はありません。', 'No agent has reported yet.')}
        </p>
      ) : null}
      {agents.length > 0 ? (
        <table className="report-list" data-testid="relay-agents">
          <caption>{t(`エージェント ${agents.length} 台`, `${agents.length} agent(s)`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('装置(装置コード:製造番号)', 'Identity (device code:serial)')}</th>
              <th scope="col">{t('サーバ名', 'Server name')}</th>
              <th scope="col">{t('ユーザシステムコード', 'User system code')}</th>
              <th scope="col">{t('アドレス', 'Addresses')}</th>
              <th scope="col">{t('最初の通報', 'First seen')}</th>
              <th scope="col">{t('最後の通報', 'Last seen')}</th>
              <th scope="col">{t('受信', 'Received')}</th>
              <th scope="col">{t('転送', 'Forwarded')}</th>
              <th scope="col">{t('転送待ち', 'Waiting')}</th>
              <th scope="col">{t('最後の問題', 'Last problem')}</th>
              <th scope="col">{t('注意', 'Attention')}</th>
            </tr>
          </thead>
          <tbody>
            {agents.map((a) => {
              const flagged = flags(a);
              return (
                <tr key={a.identity} data-identity={a.identity} className={flagged ? 'warning' : undefined}>
                  <th scope="row">{a.identity}</th>
                  <td>{a.serverName}</td>
                  <td>{a.userSystemCode}</td>
                  <td>{a.addresses.join(', ')}</td>
                  <td title={a.firstSeen}>{when(a.firstSeen, lang)}</td>
                  <td title={a.lastSeen}>{when(a.lastSeen, lang)}</td>
                  <td>{a.received}</td>
                  <td>{a.forwarded}</td>
                  <td>{a.waiting}</td>
                  <td>{a.lastProblem ? problemText(a.lastProblem, lang) : ''}</td>
                  <td data-testid="agent-flags">{flagged}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      <Note>
        {t(
          'エージェントはアドレスではなく装置(装置コードと製造番号)で区別します。35 日以上通報のないエージェントと、同じ装置を名乗る別のマシンには[注意]が表示されます。',
          'Agents are told apart by their identity (device code and serial number), not their address. An agent silent for over 35 days, and two machines claiming one identity, are marked under Attention.',
        )}
      </Note>
    </QueryDialog>
  );
}
