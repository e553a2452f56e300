/**
 * テスト通報 and 開局通報 of a route dialog (docs/design.md section 8.3), in the manual's order: they work before the route is
 * saved as the enabled one (the manual tests and sends 開局通報 from the dialog, then OK asks whether to enable it).
 * - What is sent is what the dialog shows: its unsaved values (with this route) and 宛先の読み込み's destinations go to the
 *   host as an override (HostApi NotifyOverride) and are never written by the test; OK saves them, キャンセル drops them.
 * - テスト通報 (HTTPS: テスト通報(1次) / テスト通報(2次); mail: one): テスト通報結果送付先の選択 →
 *   「テスト通報結果は、電子メールにて以下の宛先に送付されます。よろしいですか?」 (いいえ goes back to the selection).
 * - Dial-up (docs/design.md section 8.2): テスト通報(1次) / テスト通報(2次) dial that one number; no result mail (「通報成功」 means done).
 * - 開局通報 (once tested): the primary first; definition-file errors (ER_5002) are listed, OK sends anyway; on a failure
 *   「二次通報先に送信しますか?」 はい sends to the secondary (when there is one).
 * Each run ends in a result dialog (NotifyResultDialog): success or failure, which destination, when.
 */
import { useState } from 'react';
import { type AdrModel } from '../../shared/inf/adr.js';
import { type CodedText, type Notified, type NotifyOverride, type NotifyTarget, type TestNotifyRequest, type TypedValues } from '../../shared/host/api.js';
import { type Problem } from '../../shared/messages/problem.js';
import { problemsOf } from '../../shared/host/errors.js';
import { text, type LocalizedText } from '../../shared/messages/text.js';
import { useApp } from '../store-context.js';
import { type DialogForm } from './form.js';
import { type MessageBox } from './MessageBox.js';
import { type ResultChoice } from './ResultAddressDialog.js';
import { ROUTE_KEY } from './route-ok.js';

export type NotifyKind = 'test' | 'activation';

/**
 * One answer: which notification, to which destination (and its address as the dialog shows it), when. A failure is
 * the host's problems whole, also when the call itself failed (the service or serve gone: shared/host/errors.ts).
 */
export type NotifyLine = {
  kind: NotifyKind;
  target: NotifyTarget;
  where: string;
  at: string;
  /** 到達確認テスト: the ユーザ ID the test named. */
  userId?: string;
} & (
  | {
      ok: true;
      detail: string;
      /** Through a manager: its words on how it forwarded and what the center answered (none from an older manager). */
      answer?: CodedText;
      /** The manager forwarded over dial-up: no result mail comes. */
      noResult?: boolean;
    }
  | { ok: false; problems: readonly Problem[] }
);

/** A finished run, shown in the result dialog until its OK. */
export interface NotifyRun {
  kind: NotifyKind;
  lines: NotifyLine[];
  /**
   * Sent with the dialog's values not saved yet: the service sends the configuration information that follows 開局通報
   * once OK has saved them (service/notify/activation-marker.ts).
   */
  unsaved: boolean;
}

export interface NotifyPrompts {
  chooseResult(initial: ResultChoice): Promise<ResultChoice | undefined>;
  /** The definition files' problems (ER_5002 among them): true = OK (send anyway), false = キャンセル. */
  confirmDefinitions(problems: Problem[]): Promise<boolean>;
}

export const SECONDARY_QUESTION = text('二次通報先に送信しますか?', 'Send to the secondary destination?');

export function resultQuestion(c: ResultChoice): LocalizedText {
  return c.via === 'mail'
    ? text(
        `テスト通報結果は、電子メールにて以下の宛先に送付されます。よろしいですか?\n${c.mail}`,
        `The test result will be sent by e-mail to this address. Continue?\n${c.mail}`,
      )
    : text('テスト通報結果は、ファクシミリにて送付されます。よろしいですか?', 'The test result will be sent by fax. Continue?');
}

/** 'manager': Express via a manager; 'https-manager': Express (HTTPS) via a manager (https.via = manager). */
export type NotifyRoute = 'https' | 'mail' | 'dialup' | 'manager' | 'https-manager';

/** The values that choose a route (sent with a notification from its dialog when they are not the saved ones). */
export function routeValues(route: NotifyRoute): TypedValues {
  if (route === 'https-manager') return { [ROUTE_KEY]: 'https', 'https.via': 'manager' };
  return { [ROUTE_KEY]: route };
}

/** A route through a manager: one テスト通報, sent to the manager (which tries its secondary itself), result by mail or none. */
export const viaManager = (route: NotifyRoute): boolean => route === 'manager' || route === 'https-manager';

export interface Notify {
  busy?: NotifyKind;
  /** Every answer of the last run (also listed under the buttons). */
  lines: NotifyLine[];
  /** The run whose result dialog is open. */
  shown?: NotifyRun;
  closeResult(): void;
  /** Whether the route has a secondary destination (URL2, or the dial-up secondary number), as the dialog shows it. */
  hasSecondary: boolean;
  /**
   * テスト通報 to one destination; HTTPS and mail ask where the result goes first, dial-up does not. `userSystemCode`: the
   * manager's 到達確認テスト names the agent's code (or OPFILELESS) instead of its own.
   */
  testTo(target: NotifyTarget, userSystemCode?: string): Promise<void>;
  activate(): Promise<void>;
}

export interface NotifyInput {
  route: NotifyRoute;
  form: Pick<DialogForm, 'changed' | 'values'>;
  box: MessageBox;
  prompts: NotifyPrompts;
  /** 宛先の読み込み's destinations not saved yet (HTTPS). */
  destinations?: AdrModel;
}

export function useNotify({ route, form, box, prompts, destinations }: NotifyInput): Notify {
  const host = useApp((s) => s.host);
  const snapshot = useApp((s) => s.snapshot);
  const setSnapshot = useApp((s) => s.setSnapshot);
  const refresh = useApp((s) => s.refresh);
  const [busy, setBusy] = useState<NotifyKind>();
  const [lines, setLines] = useState<NotifyLine[]>([]);
  const [shown, setShown] = useState<NotifyRun>();
  const adr = destinations ?? snapshot?.destinations;
  const value = (k: string): string => form.values[k] ?? '';
  const whereOf = (target: NotifyTarget): string => {
    const primary = target === 'primary';
    if (route === 'https') return (primary ? adr?.url1 : adr?.url2) ?? '';
    if (route === 'dialup') return value(primary ? 'dialup.primary.number' : 'dialup.secondary.number');
    if (route === 'manager') return `${value('manager.host')}:${value('manager.port')}`;
    if (route === 'https-manager') return `${value('https.manager.host')}:${value('https.manager.port')}`;
    return snapshot?.settings['mail.to'] ?? '';
  };
  // Through a manager, the route itself tries the secondary manager when the first does not answer: one button.
  const hasSecondary = route !== 'mail' && !viaManager(route) && whereOf('secondary') !== '';
  const fallback = snapshot ? snapshot.settings['customer.email'] || snapshot.settings['activation.replyMail'] : '';
  /**
   * The dialog as it is now, this route chosen: sent with, never saved by the notification. Only what differs from the
   * saved settings; none when nothing does, so the host's log line does not say 「画面の未保存の値で」 of saved values.
   */
  const override = (): { override?: NotifyOverride } => {
    const values: NotifyOverride['values'] = { ...form.changed };
    for (const [k, v] of Object.entries(routeValues(route)) as Array<[keyof TypedValues, string]>) {
      if (snapshot?.settings[k] !== v) values[k] = v;
    }
    return Object.keys(values).length > 0 || destinations ? { override: { values, ...(destinations ? { destinations } : {}) } } : {};
  };

  /** One call to the host; its answer becomes a line (and the new snapshot, when it succeeded). */
  const send = async (
    kind: NotifyKind,
    target: NotifyTarget,
    call: () => Promise<Notified>,
    run: NotifyLine[],
    userId?: string,
  ): Promise<Notified | undefined> => {
    const head = { kind, target, where: whereOf(target), ...(userId ? { userId } : {}) };
    const add = (l: NotifyLine) => {
      run.push(l);
      setLines((all) => [...all, l]);
    };
    let r: Notified;
    try {
      r = await call();
    } catch (e) {
      add({ ...head, at: new Date().toISOString(), ok: false, problems: problemsOf(e) });
      return undefined;
    }
    const at = new Date().toISOString();
    if (r.ok) {
      setSnapshot(r.snapshot);
      add({ ...head, at, ok: true, detail: r.detail, ...(r.answer ? { answer: r.answer } : {}), ...(r.noResult ? { noResult: true } : {}) });
    } else if (!r.problems.some((p) => p.code === 'ER_5002')) {
      // Definition-file errors are a question (confirmDefinitions), not an answer.
      add({ ...head, at, ok: false, problems: r.problems });
    }
    return r;
  };

  const runAll = async (kind: NotifyKind, body: (run: NotifyLine[]) => Promise<void>): Promise<void> => {
    setBusy(kind);
    setLines([]);
    const run: NotifyLine[] = [];
    const unsaved = override().override !== undefined;
    try {
      await body(run);
    } finally {
      setBusy(undefined);
      if (run.length > 0) setShown({ kind, lines: run, unsaved });
      void refresh(); // the host's event log has the outcome
    }
  };

  /** テスト通報結果送付先の選択 and its confirmation; undefined when the user gave up. */
  const resultRequest = async (): Promise<TestNotifyRequest | undefined> => {
    let choice: ResultChoice = { via: 'mail', mail: fallback };
    for (;;) {
      const c = await prompts.chooseResult(choice);
      if (!c) return undefined;
      choice = c;
      const a = await box.ask(resultQuestion(c));
      if (a === 'yes') break;
      if (a !== 'no') return undefined; // Escape: neither
    }
    return choice.via === 'mail' ? { resultMail: choice.mail } : { resultVia: 'fax' };
  };

  const testTo = async (target: NotifyTarget, userSystemCode?: string): Promise<void> => {
    const req = route === 'dialup' ? {} : await resultRequest();
    if (!req) return;
    const user = userSystemCode ? { userSystemCode } : {};
    await runAll('test', async (run) => {
      await send('test', target, () => host.testNotify({ ...req, target, ...user, ...override() }), run, userSystemCode);
    });
  };

  const activate = async (): Promise<void> => {
    await runAll('activation', async (run) => {
      let ignore = false;
      let target: NotifyTarget = 'primary';
      for (;;) {
        const req = { target, ...(ignore ? { ignoreDefinitionErrors: true } : {}), ...override() };
        const r = await send('activation', target, () => host.activateNotify(req), run);
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

  return { ...(busy ? { busy } : {}), lines, ...(shown ? { shown } : {}), closeResult: () => setShown(undefined), hasSecondary, testTo, activate };
}
