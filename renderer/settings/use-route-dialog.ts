/**
 * What a route's settings dialog is made of: its form, its message box and its OK (route-ok.ts), with its id: the
 * props of RouteSettingsDialog.
 */
import { type TypedValues } from '../../shared/host/api.js';
import { type SettingKey } from '../../shared/settings/schema.js';
import { type DialogId } from '../store.js';
import { useDialogForm, type DialogForm } from './form.js';
import { useMessageBox, type MessageBox } from './MessageBox.js';
import { type Route } from './routes.js';
import { useRouteOk } from './route-ok.js';

export interface RouteDialog {
  id: DialogId;
  form: DialogForm;
  box: MessageBox;
  ok(): Promise<void>;
}

/** `keys` and `assume` module-level constants (useDialogForm). */
export function useRouteDialog(id: DialogId, route: Exclude<Route, 'off'>, keys: readonly SettingKey[], assume: TypedValues): RouteDialog {
  const form = useDialogForm(id, keys, assume);
  const box = useMessageBox();
  const ok = useRouteOk(id, route, form, box);
  return { id, form, box, ok };
}
