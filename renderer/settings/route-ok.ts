/**
 * OK of a route dialog (mail / dial-up / manager / HTTPS). When the saved route is another one, ask 「この通報手段を有効にしますか?」:
 * はい saves the fields and the route (refused with ER_3019 if that would enable Express and Express (HTTPS) together),
 * いいえ saves only the fields. The dialog closes only when the host accepted the values.
 */
import { type SettingKey } from '../../shared/settings/schema.js';
import { useApp } from '../store-context.js';
import { type DialogId } from '../store.js';
import { type DialogForm } from './form.js';
import { type MessageBox } from './MessageBox.js';
import { ENABLE_QUESTION, exclusionMessage, type Route } from './routes.js';

/** Route dialogs keep express.route among their keys so that はい can save it with the fields. */
export const ROUTE_KEY: SettingKey = 'express.route';

export function useRouteOk(id: DialogId, route: Exclude<Route, 'off'>, form: DialogForm, box: MessageBox): () => Promise<void> {
  const close = useApp((s) => s.close);
  const saved = useApp((s) => s.snapshot?.settings['express.route']);
  return async () => {
    if (saved === route) {
      if (await form.save()) close(id);
      return;
    }
    const answer = await box.ask(ENABLE_QUESTION);
    if (answer === 'no') {
      if (await form.save()) close(id);
      return;
    }
    if (answer !== 'yes') return;
    const refused = exclusionMessage(saved, route);
    if (refused) {
      await box.alert(refused, 'ER_3019');
      return;
    }
    if (await form.saveWith({ [ROUTE_KEY]: route })) close(id);
  };
}
