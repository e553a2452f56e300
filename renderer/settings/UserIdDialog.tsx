/**
 * 到達確認テスト's ユーザ ID (manual 4.3.2, the manager's dial-up relay): the agent's user system code, or OPFILELESS for
 * an agent activated by key code. The test report names it instead of the manager's own code. Checked on OK (ER_3100),
 * like every field: label with its access key, the guide at the foot of the window, the message beside the field.
 */
import { useState, type ReactNode } from 'react';
import { problem, type Problem } from '../../shared/messages/problem.js';
import { text } from '../../shared/messages/text.js';
import { def } from '../../shared/settings/define.js';
import { USER_SYSTEM_CODE } from '../../shared/host/service-api.js';
import { Dialog } from '../components/Dialog.js';
import { Field } from '../components/Field.js';
import { Note, OkCancel, useT } from './parts.js';

/** Not a setting: the field's label, limits and guide, as the window shows every input. */
const USER_ID = def.text({
  key: 'reachTest.userId',
  file: 'routes.ini',
  section: '-',
  name: '-',
  default: '',
  maxLength: 20,
  charClass: 'ascii',
  accessKey: 'U',
  label: text('ユーザ ID', 'User ID'),
  guide: text(
    'エージェントのユーザシステムコードを入力して下さい(半角 20 文字以内)。開局キーコード方式のエージェントは OPFILELESS です。',
    "Enter the agent's user system code (up to 20 ASCII characters); OPFILELESS for an agent activated by key code.",
  ),
});

export function UserIdDialog({ target, onOk, onCancel }: { target: 'primary' | 'secondary'; onOk(userId: string): void; onCancel(): void }): ReactNode {
  const t = useT();
  const [value, setValue] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const ok = () => {
    const v = value.trim();
    if (!USER_SYSTEM_CODE.test(v)) return setProblems([problem('ER_3100', {}, { field: USER_ID.key })]);
    onOk(v);
  };
  return (
    <Dialog
      title={target === 'primary' ? t('到達確認テスト(1次)', 'Reachability test (primary)') : t('到達確認テスト(2次)', 'Reachability test (secondary)')}
      onCancel={onCancel}
      buttons={<OkCancel onOk={ok} onCancel={onCancel} />}
    >
      <Field
        def={USER_ID}
        value={value}
        required
        problems={problems}
        onChange={(v) => {
          setValue(v);
          setProblems([]);
        }}
      />
      <Note>
        {t(
          '[ユーザ ID]には、ユーザシステムコードを入力してください。開局キーコード方式の場合、OPFILELESS を入力してください。開局キーファイル方式の場合、監視対象サーバーの設定画面に表示されるユーザシステムコードを入力してください。',
          "Enter the user system code as the user ID: OPFILELESS for key-code activation; for key-file activation, the user system code the monitored server's settings window shows.",
        )}
      </Note>
    </Dialog>
  );
}
