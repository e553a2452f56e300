/**
 * テスト通報 and 開局通報 of a route dialog (SPEC.md section 5), as the original asks them:
 * - テスト通報: テスト通報結果送付先の選択 → 「テスト通報結果は、電子メールにて以下の宛先に送付されます。よろしいですか?」
 *   (いいえ goes back to the selection) → the primary, then the secondary when URL2 is set (HTTPS).
 * - 開局通報 (once tested): the primary first; definition-file errors (ER_5002) are listed, OK sends anyway; on a failure
 *   「二次通報先に送信しますか?」 はい sends to the secondary (when there is one).
 * - Dial-up (SPEC.md 4.2): テスト(1次) / テスト(2次) dial that one number; no result mail is sent (「通報成功」 means done).
 * Unsaved edits of the dialog are saved first, so what is sent is what the window shows.
 */
import { useState } from 'react';
import { type Notified, type NotifyTarget, type TestNotifyRequest } from '../../shared/host/api.js';
import { type Problem } from '../../shared/messages/problem.js';
import { text, type LocalizedText } from '../../shared/messages/text.js';
import { useApp } from '../store-context.js';
import { type DialogForm } from './form.js';
import { type MessageBox } from './MessageBox.js';
import { type ResultChoice } from './ResultAddressDialog.js';

export type NotifyKind = 'test' | 'activation';

/** One answer shown under the buttons. */
export type NotifyLine = { kind: NotifyKind; target: NotifyTarget } & ({ ok: true; detail: string } | { ok: false; problems: Problem[] } | { ok: false; error: string });

export interface NotifyPrompts {
  chooseResult(initial: ResultChoice): Promise<ResultChoice | undefined>;
  /** The definition files' problems (ER_5002 among them): true = OK (send anyway), false = キャンセル. */
  confirmDefinitions(problems: Problem[]): Promise<boolean>;
}

export const SECONDARY_QUESTION = text('二次通報先に送信しますか?', 'Send to the secondary destination?');

export function resultQuestion(c: ResultChoice): LocalizedText {
  return c.via === 'mail'
    ? text(`テスト通報結果は、電子メールにて以下の宛先に送付されます。よろしいですか?\n${c.mail}`, `The test result will be sent by e-mail to this address. Continue?\n${c.mail}`)
    : text('テスト通報結果は、ファクシミリにて送付されます。よろしいですか?', 'The test result will be sent by fax. Continue?');
}

export type NotifyRoute = 'https' | 'mail' | 'dialup';

export interface Notify {
  busy?: NotifyKind;
  lines: NotifyLine[];
  /** Whether the route has a secondary destination (URL2, or the dial-up secondary number). */
  hasSecondary: boolean;
  test(): Promise<void>;
  /** Dial-up: the test notification to one number, no result destination. */
  testTo(target: NotifyTarget): Promise<void>;
  activate(): Promise<void>;
}

export function useNotify(route: NotifyRoute, form: Pick<DialogForm, 'changed' | 'save'>, box: MessageBox, prompts: NotifyPrompts): Notify {
  const host = useApp((s) => s.host);
  const snapshot = useApp((s) => s.snapshot);
  const setSnapshot = useApp((s) => s.setSnapshot);
  const refresh = useApp((s) => s.refresh);
  const [busy, setBusy] = useState<NotifyKind>();
  const [lines, setLines] = useState<NotifyLine[]>([]);
  const hasSecondary = route === 'https' ? Boolean(snapshot?.destinations?.url2)
    : route === 'dialup' ? Boolean(snapshot?.settings['dialup.secondary.number']) : false;
  const fallback = snapshot ? snapshot.settings['customer.email'] || snapshot.settings['activation.replyMail'] : '';

  /** One call to the host; its answer becomes a line (and the new snapshot, when it succeeded). */
  const send = async (kind: NotifyKind, target: NotifyTarget, call: () => Promise<Notified>): Promise<Notified | undefined> => {
    let r: Notified;
    try {
      r = await call();
    } catch (e) {
      setLines((l) => [...l, { kind, target, ok: false, error: e instanceof Error ? e.message : String(e) }]);
      return undefined;
    }
    if (r.ok) {
      setSnapshot(r.snapshot);
      setLines((l) => [...l, { kind, target, ok: true, detail: r.detail }]);
    } else if (!r.problems.some((p) => p.code === 'ER_5002')) {
      // Definition-file errors are a question (confirmDefinitions), not an answer.
      setLines((l) => [...l, { kind, target, ok: false, problems: r.problems }]);
    }
    return r;
  };

  const saved = async (): Promise<boolean> => Object.keys(form.changed).length === 0 || form.save();

  const run = async (kind: NotifyKind, body: () => Promise<void>): Promise<void> => {
    setBusy(kind);
    setLines([]);
    try {
      await body();
    } finally {
      setBusy(undefined);
      void refresh(); // the host's event log has the outcome
    }
  };

  const test = async (): Promise<void> => {
    let choice: ResultChoice = { via: 'mail', mail: fallback };
    for (;;) {
      const c = await prompts.chooseResult(choice);
      if (!c) return;
      choice = c;
      const a = await box.ask(resultQuestion(c));
      if (a === 'yes') break;
      if (a !== 'no') return; // Escape: neither
    }
    if (!(await saved())) return;
    const req: TestNotifyRequest = choice.via === 'mail' ? { resultMail: choice.mail } : { resultVia: 'fax' };
    await run('test', async () => {
      await send('test', 'primary', () => host.testNotify({ ...req, target: 'primary' }));
      if (hasSecondary) await send('test', 'secondary', () => host.testNotify({ ...req, target: 'secondary' }));
    });
  };

  const testTo = async (target: NotifyTarget): Promise<void> => {
    if (!(await saved())) return;
    await run('test', async () => { await send('test', target, () => host.testNotify({ target })); });
  };

  const activate = async (): Promise<void> => {
    if (!(await saved())) return;
    await run('activation', async () => {
      let ignore = false;
      let target: NotifyTarget = 'primary';
      for (;;) {
        const r = await send('activation', target, () => host.activateNotify({ target, ...(ignore ? { ignoreDefinitionErrors: true } : {}) }));
        if (!r || r.ok) return;
        if (!ignore && r.problems.some((p) => p.code === 'ER_5002')) {
          if (!(await prompts.confirmDefinitions(r.problems))) return;
          ignore = true;
          continue;
        }
        if (target === 'secondary' || !hasSecondary || (await box.ask(SECONDARY_QUESTION)) !== 'yes') return;
        target = 'secondary';
      }
    });
  };

  return { ...(busy ? { busy } : {}), lines, hasSecondary, test, testTo, activate };
}
