/** The relay dialogs' shared note: the manual's order (the manager's own test first, then the agents). */
import { type ReactNode } from 'react';
import { Note, useT } from './parts.js';

/**
 * Manual 4.2.1 / 4.3: both sides need settings; the manager first, and its own test must pass before agents are set
 * up: over HTTPS テスト通報 to the 1次 then the 2次 destination; over dial-up the 到達確認テスト with the agent's user
 * system code (OPFILELESS for an agent activated by key code); over e-mail the 送信テスト.
 */
export function RelayBeforeAgents({ kind }: { kind: 'express' | 'https' }): ReactNode {
  const t = useT();
  return (
    <Note>
      {kind === 'https'
        ? t(
            'マネージャ側とエージェント側の両方で設定が必要です。初めにマネージャ側を設定し、マネージャの[エクスプレス通報サービス(HTTPS)]でテスト通報(1次、2次通報先があれば 2次も)が正常に終了した後に、エージェント側を設定してください。',
            "Both the manager and the agents need settings. Set up the manager first; set up the agents only after the manager's own test notification over HTTPS (primary, then secondary when there is one) has succeeded.",
          )
        : t(
            'マネージャ側とエージェント側の両方で設定が必要です。初めにマネージャ側を設定し、マネージャと保守センター間のテスト(インターネットメール経由: 送信テスト、ダイヤルアップ経由: 到達確認テスト。ユーザ ID にはエージェントのユーザシステムコード、開局キーコードで開局したエージェントでは OPFILELESS を入力)が正常に終了した後に、エージェント側を設定してください。',
            "Both the manager and the agents need settings. Set up the manager first; set up the agents only after the manager's test to the maintenance center has succeeded (e-mail: the send test; dial-up: the reachability test, with the agent's user system code as the user ID, or OPFILELESS for an agent activated by key code).",
          )}
    </Note>
  );
}
