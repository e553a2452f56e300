/**
 * The steps of a dialog that checks with the host before it writes (インポート, 一括準備): 確認 and キャンセル on the first
 * page; < 戻る(B), OK and キャンセル on the preview; the last page says what was done, OK (focused) closes.
 */
import { type ReactNode } from 'react';
import { Dialog } from '../components/Dialog.js';
import { KeyButton } from '../components/Mnemonic.js';
import { DEFAULT_BUTTON } from '../components/keyboard.js';
import { OkCancel, useT } from '../settings/parts.js';

export function CheckCancel({ text, busy, onCheck, onCancel }: { text: string; busy: boolean; onCheck(): Promise<void>; onCancel(): void }): ReactNode {
  const t = useT();
  return (
    <>
      <KeyButton
        text={text}
        isDefault
        disabled={busy}
        onClick={() => {
          void onCheck();
        }}
      />
      <button type="button" onClick={onCancel}>
        {t('キャンセル', 'Cancel')}
      </button>
    </>
  );
}

/** `blocked`: the preview leaves nothing OK could write. */
export function BackOkCancel({
  busy,
  blocked,
  onBack,
  onOk,
  onCancel,
}: {
  busy: boolean;
  blocked: boolean;
  onBack(): void;
  onOk(): Promise<void>;
  onCancel(): void;
}): ReactNode {
  const t = useT();
  return (
    <>
      <KeyButton text={`< ${t('戻る(B)', 'Back (B)')}`} disabled={busy} onClick={onBack} />
      <OkCancel
        busy={busy || blocked}
        onOk={() => {
          void onOk();
        }}
        onCancel={onCancel}
      />
    </>
  );
}

export function DoneDialog({ title, onClose, children }: { title: string; onClose(): void; children: ReactNode }): ReactNode {
  return (
    <Dialog
      title={title}
      onCancel={onClose}
      buttons={
        <button type="button" {...DEFAULT_BUTTON} autoFocus onClick={onClose}>
          OK
        </button>
      }
    >
      {children}
    </Dialog>
  );
}
