/**
 * The settings dialogs' form: useSettingsForm plus what stacked dialogs need.
 * - Each open dialog publishes its unsaved edits (drafts), so a dialog opened from it judges which fields are active
 *   as the parent's window shows them (e.g. the POP fields of 認証設定 after 「POP Before SMTP が必要」 was ticked).
 * - A route dialog judges its fields as if its route were chosen (`assume`), so they can be filled before enabling it.
 * - A value saved elsewhere (another dialog's OK) replaces this form's copy, so an older copy is never written back.
 * - saveWith(): save with extra values (the route, when the user agrees to enable it); on refusal they are put back.
 */
import { useEffect, useRef, useState } from 'react';
import { create } from 'zustand';
import { type SettingKey } from '../../shared/settings/schema.js';
import { type SettingsView } from '../../shared/settings/define.js';
import { isActive, isRequired, viewOf } from '../../shared/settings/validate.js';
import { type TypedValues } from '../../shared/host/api.js';
import { previewSettings, textOf, useSettingsForm, type SaveExtra, type SettingsForm, type ShownValue } from '../components/use-settings-form.js';
import { useApp } from '../store-context.js';
import { type DialogId } from '../store.js';

interface Drafts {
  drafts: Partial<Record<DialogId, TypedValues>>;
}
export const useDrafts = create<Drafts>(() => ({ drafts: {} }));

function sameValues(a: TypedValues | undefined, b: TypedValues): boolean {
  if (!a) return Object.keys(b).length === 0;
  const ka = Object.keys(a) as SettingKey[];
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}
function publishDraft(id: DialogId, values: TypedValues): void {
  const { drafts } = useDrafts.getState();
  if (sameValues(drafts[id], values)) return;
  useDrafts.setState({ drafts: { ...drafts, [id]: values } });
}
function dropDraft(id: DialogId): void {
  const { drafts } = useDrafts.getState();
  if (!(id in drafts)) return;
  const next = { ...drafts };
  delete next[id];
  useDrafts.setState({ drafts: next });
}

export interface DialogForm extends SettingsForm {
  /** Saves this form's edits together with `extra` (keys of this form). */
  saveWith(extra: TypedValues): Promise<boolean>;
  /** The settings as this dialog sees them: saved, the parents' drafts, this form's edits, the assumptions. */
  view: SettingsView | undefined;
}

const NOTHING: TypedValues = {};

/**
 * `keys` and `assume` must be constants (module-level), not built on each render. `extra`: what OK saves besides the
 * fields (the HTTPS dialog's destinations read by 宛先の読み込み), in the same request.
 */
export function useDialogForm(id: DialogId, keys: readonly SettingKey[], assume: TypedValues = NOTHING, extra?: SaveExtra): DialogForm {
  const shown = useRef<ShownValue>(undefined);
  const extraRef = useRef<SaveExtra | undefined>(extra);
  extraRef.current = extra;
  const form = useSettingsForm(keys, shown, extraRef);
  const snapshot = useApp((s) => s.snapshot);
  const dialogs = useApp((s) => s.dialogs);
  const drafts = useDrafts((s) => s.drafts);
  const { set, changed, save } = form;

  useEffect(() => {
    publishDraft(id, changed);
  }, [id, changed]);
  useEffect(() => () => dropDraft(id), [id]);

  // A value saved elsewhere wins over this form's copy of it.
  const seen = useRef(snapshot);
  useEffect(() => {
    const before = seen.current;
    seen.current = snapshot;
    if (!snapshot || before === snapshot) return;
    for (const k of keys) {
      const now = textOf(snapshot, k);
      if (textOf(before, k) !== now) set(k, now);
    }
    // Only when the saved settings change; `set` and `keys` do not change what this does.
  }, [snapshot]);

  // saveWith sets the extra values first; the save runs after they are rendered into `changed`.
  const pending = useRef<{ resolve(ok: boolean): void; restore: TypedValues } | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const p = pending.current;
    if (!p) return;
    pending.current = null;
    void save().then(
      (ok) => {
        if (!ok) for (const [k, v] of Object.entries(p.restore)) set(k as SettingKey, v ?? '');
        p.resolve(ok);
      },
      () => p.resolve(false),
    );
    // Runs once per saveWith call (tick); `save` is this render's, with the extra values in it.
  }, [tick]);

  const below = dialogs.indexOf(id);
  const parents = below < 0 ? dialogs : dialogs.slice(0, below);
  const merged: TypedValues = Object.assign({}, ...parents.map((d) => drafts[d] ?? NOTHING), changed, assume) as TypedValues;
  const view = snapshot ? viewOf(previewSettings(snapshot.settings, merged)) : undefined;
  shown.current = (key) => merged[key];

  return {
    ...form,
    view,
    active: (def) => (view ? isActive(def, view) : true),
    required: (def) => (view ? isRequired(def, view) : false),
    saveWith: (extra) =>
      new Promise<boolean>((resolve) => {
        const restore: TypedValues = {};
        for (const [k, v] of Object.entries(extra) as Array<[SettingKey, string | undefined]>) {
          if (v === undefined) continue;
          restore[k] = form.values[k] ?? '';
          set(k, v);
        }
        pending.current = { resolve, restore };
        setTick((t) => t + 1);
      }),
  };
}
