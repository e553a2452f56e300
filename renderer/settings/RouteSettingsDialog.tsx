/**
 * The frame of a route's settings dialog (mail, dial-up, via the manager): wide, OK and キャンセル (Escape too), and under
 * the route's own fields the problems no field shows and the dialog's message box.
 */
import { type ReactNode } from 'react';
import { type SettingKey } from '../../shared/settings/schema.js';
import { Dialog } from '../components/Dialog.js';
import { useApp } from '../store-context.js';
import { type DialogId } from '../store.js';
import { type DialogForm } from './form.js';
import { type MessageBox } from './MessageBox.js';
import { OkCancel, ProblemList } from './parts.js';
import { ROUTE_KEY } from './route-ok.js';

export function RouteSettingsDialog({
  id,
  title,
  form,
  box,
  ok,
  fieldless = [ROUTE_KEY],
  children,
}: {
  id: DialogId;
  title: string;
  form: DialogForm;
  box: MessageBox;
  ok(): Promise<void>;
  /** The form's keys without a field here: their problems are listed below with the others. */
  fieldless?: readonly SettingKey[];
  children: ReactNode;
}): ReactNode {
  const close = useApp((s) => s.close);
  return (
    <Dialog
      title={title}
      wide
      onCancel={() => close(id)}
      buttons={
        <OkCancel
          busy={form.busy}
          onOk={() => {
            void ok();
          }}
          onCancel={() => close(id)}
        />
      }
    >
      {children}
      <ProblemList problems={[...fieldless.flatMap((k) => form.problemsOf(k)), ...form.otherProblems]} />
      {box.element}
    </Dialog>
  );
}
