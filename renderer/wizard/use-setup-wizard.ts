/**
 * The setup utility's state and steps. Only read-only host calls happen before 完了 (check, readKeyFile, deviceInfo,
 * resources); 完了 calls activate once (or, on an activated machine, updateRegistration: change.ts); キャンセル / 終了 /
 * いいえ close without writing anything.
 */
import { useEffect, useMemo, useState } from 'react';
import { problem, type Problem } from '../../shared/messages/problem.js';
import { type LocalizedText } from '../../shared/messages/text.js';
import { type OptionDevice } from '../../shared/settings/options.js';
import { type KeyFileSummary } from '../../shared/keyfile/model.js';
import { type AppSnapshot, type DeviceInfo, type FileRef, type Resources } from '../../shared/host/api.js';
import { problemsOf } from '../../shared/host/errors.js';
import { useApp } from '../store-context.js';
import { useFocusInvalid } from '../components/focus-invalid.js';
import {
  activationRequest,
  activeIn,
  applyDeviceInfo,
  applyKeyFile,
  checkValues,
  CORPORATE_ONLY_KEYS,
  defaultMethod,
  defaultService,
  initialValues,
  isPageField,
  KEYFILE_FIELD,
  needsDeviceDialog,
  pageOfField,
  pagesOf,
  previewView,
  requiredIn,
  type Method,
  type PageId,
  type Service,
  type WizardKey,
  type WizardValues,
} from './model.js';
import { type WizardContextValue } from './context.js';
import { W } from './texts.js';
import { C, changePagesOf, registrationValues, type ChangeChoice, type WizardMode } from './change.js';

export type WizardDialog = 'mismatch' | 'device';

/** A line at the top of the page: our own words, or a problem that belongs to no field of the page (shown whole). */
export type GeneralLine = LocalizedText | Problem;

const DEVICE_KEYS = ['machine.deviceCode', 'machine.serialNumber'];

function successNote(method: Method, service: Service): LocalizedText {
  const m = method === 'keyfile' ? { ja: '開局キーファイル', en: 'key file' } : { ja: '通報開局キーコード', en: 'key code' };
  const s = service === 'https' ? W.serviceHttps : W.serviceExpress;
  return {
    ja: `開局しました(${m.ja}、${s.ja})。テスト通報で通報できることを確認してください。`,
    en: `Activated (${m.en}, ${s.en}). Send a test report to make sure reports arrive.`,
  };
}

export function useSetupWizard(start: AppSnapshot) {
  const host = useApp((s) => s.host);
  const storeResources = useApp((s) => s.resources);
  const close = useApp((s) => s.close);
  const setSnapshot = useApp((s) => s.setSnapshot);
  const note = useApp((s) => s.note);

  // An activated machine opens on its registered information (設定情報の変更); activating again is chosen there.
  const [mode, setMode] = useState<WizardMode>(() => (start.settings['activation.state'] !== 'not-activated' ? 'change' : 'activate'));
  const [choice, setChoice] = useState<ChangeChoice>('change');
  const [confirming, setConfirming] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const [method, setMethodState] = useState<Method>(() => defaultMethod(start));
  const [service, setServiceState] = useState<Service>(() => defaultService(start));
  const [index, setIndex] = useState(0);
  const [values, setValues] = useState<WizardValues>(() => initialValues(start));
  const [problems, setProblems] = useState<Problem[]>([]);
  const [general, setGeneral] = useState<GeneralLine[]>([]);
  const refused = useFocusInvalid();
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<WizardDialog | undefined>(undefined);
  const [keyFilePath, setKeyFilePath] = useState('');
  const [keyFile, setKeyFile] = useState<FileRef | undefined>(undefined);
  const [readFor, setReadFor] = useState<FileRef | undefined>(undefined);
  const [summary, setSummary] = useState<KeyFileSummary | undefined>(undefined);
  const [mismatch, setMismatch] = useState(false);
  const [accepted, setAccepted] = useState(false);
  const [deviceInfo, setDeviceInfo] = useState<DeviceInfo | undefined>(undefined);
  // The option devices already registered (kept by 設定情報の変更, offered again when activating again).
  const [optionDevices, setOptionDevices] = useState<OptionDevice[]>(() => start.optionDevices.map((d) => ({ ...d })));
  const [fetched, setFetched] = useState<Resources | undefined>(undefined);

  useEffect(() => {
    if (storeResources) return;
    let live = true;
    host.resources().then(
      (r) => {
        if (live) setFetched(r);
      },
      () => {
        /* the lists are suggestions only */
      },
    );
    return () => {
      live = false;
    };
  }, [host, storeResources]);

  const pages = mode === 'change' ? changePagesOf(method) : pagesOf(method);
  const page: PageId = pages[Math.min(index, pages.length - 1)] ?? 'method';
  const last = index >= pages.length - 1;
  const view = useMemo(() => previewView(start.settings, values, method, service, start), [start, values, method, service]);

  const ctx: WizardContextValue = {
    method,
    service,
    values,
    resources: storeResources ?? fetched,
    set: (key: WizardKey, value: string) => setValues((v) => ({ ...v, [key]: value })),
    problemsOf: (field) => problems.filter((p) => p.field === field),
    required: (key) => requiredIn(view, key),
    active: (key) => activeIn(view, key),
  };

  const closeWizard = (): void => close('wizard');

  const go = (to: number): void => {
    setIndex(Math.max(0, Math.min(to, pages.length - 1)));
    setProblems([]);
    setGeneral([]);
  };

  /** A call that failed altogether (the host or serve gone): its problems whole, in the window's language. */
  const failed = (e: unknown): void => {
    setGeneral([W.failed, ...problemsOf(e)]);
  };

  /** Host call with the buttons disabled; a thrown error shows at the top of the page. */
  const run = async (fn: () => Promise<void>): Promise<void> => {
    setBusy(true);
    try {
      await fn();
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
    }
  };

  /** The host's check of every typed value; true when none of the errors concerns these fields. */
  const checkFields = async (concerns: (field: string | undefined) => boolean, vals: WizardValues = values): Promise<boolean> => {
    const found = (await host.check({ values: checkValues(vals, method, service, start), optionDevices })).filter(
      (p) => p.severity === 'error' && concerns(p.field),
    );
    setProblems(found);
    setGeneral([]);
    // The page's own effect focuses its first marked field (SetupWizard.tsx); 装置の固有情報の入力 is a window of its own.
    refused(found);
    return found.length === 0;
  };
  const checkPage = (p: PageId, vals?: WizardValues): Promise<boolean> => checkFields((f) => isPageField(p, f, method, service, pages), vals);

  /** After the key file or key code: the device's own identity; asked in 装置の固有情報の入力 when it cannot be read. */
  const afterIdentity = async (vals: WizardValues): Promise<void> => {
    let info = deviceInfo;
    if (!info) {
      info = await host.deviceInfo().catch((): DeviceInfo => ({}));
      setDeviceInfo(info);
    }
    const next = applyDeviceInfo(vals, info);
    setValues(next);
    if (needsDeviceDialog(next)) setDialog('device');
    else go(index + 1);
  };

  const next = (): Promise<void> =>
    run(async () => {
      switch (page) {
        case 'registered':
          // 開局し直す: ER_5001 first (its default answer is いいえ); はい starts the activation pages.
          if (choice === 'reactivate') setConfirming(true);
          else if (await checkPage('registered')) go(index + 1);
          return;
        case 'method':
          go(index + 1);
          return;
        case 'keyfile': {
          if (!keyFile) {
            setProblems([problem('ER_3001', { label: W.keyFileLabel }, { field: KEYFILE_FIELD })]);
            return;
          }
          if (keyFile === readFor && summary) {
            if (mismatch && !accepted) setDialog('mismatch');
            else await afterIdentity(values);
            return;
          }
          const r = await host.readKeyFile(keyFile);
          if (!r.ok) {
            setProblems(r.problems.map((p) => ({ ...p, field: KEYFILE_FIELD })));
            return;
          }
          const filled = applyKeyFile(values, r.summary, start.hostName, r.hostNameMismatch);
          setValues(filled);
          setSummary(r.summary);
          setReadFor(keyFile);
          setMismatch(r.hostNameMismatch);
          setAccepted(false);
          setProblems([]);
          if (r.hostNameMismatch) setDialog('mismatch');
          else await afterIdentity(filled);
          return;
        }
        case 'keycode':
          if (await checkPage('keycode')) await afterIdentity(values);
          return;
        default:
          if (await checkPage(page)) go(index + 1);
      }
    });

  const finish = (): Promise<void> =>
    run(async () => {
      const r =
        mode === 'change'
          ? await host.updateRegistration({ values: registrationValues(values, method, service), optionDevices: optionDevices.map((d) => ({ ...d })) })
          : await host.activate(
              activationRequest({
                method,
                service,
                values,
                keyFile,
                acceptHostNameMismatch: accepted,
                optionDevices,
                confirmReactivation: confirmed,
              }),
            );
      if (r.ok) {
        setSnapshot(r.snapshot);
        if (mode === 'activate') note('info', successNote(method, service));
        closeWizard();
        return;
      }
      const pageOf = (field: string | undefined) => pageOfField(field, method, service, pages);
      const target = r.problems.map((p) => pageOf(p.field)).find((p) => p !== undefined);
      setProblems(r.problems.filter((p) => pageOf(p.field) !== undefined));
      const elsewhere = r.problems.filter((p) => pageOf(p.field) === undefined);
      setGeneral([mode === 'change' ? C.changeFailed : W.activateFailed, ...elsewhere]);
      if (target) setIndex(pages.indexOf(target));
    });

  return {
    ctx,
    problems,
    page,
    pages,
    index,
    last,
    busy,
    dialog,
    general,
    confirming,
    summary,
    mismatch,
    accepted,
    keyFilePath,
    optionDevices,
    start,
    mode,
    choice,
    setChoice,
    // はい to ER_5001: the activation pages from 開局方式選択, the values and option devices shown so far kept.
    confirmYes: () => {
      setConfirmed(true);
      setConfirming(false);
      setMode('activate');
      setIndex(0);
      setProblems([]);
      setGeneral([]);
    },
    // いいえ (the default): back to the registered information, nothing changed.
    confirmNo: () => {
      setConfirming(false);
      setChoice('change');
    },
    cancel: closeWizard,
    back: () => {
      if (index > 0) go(index - 1);
    },
    next,
    finish,
    setMethod: (m: Method) => {
      setMethodState(m);
      setProblems([]);
      setGeneral([]);
    },
    setService: (s: Service) => {
      setServiceState(s);
      setProblems([]);
      setGeneral([]);
    },
    setCustomerType: (t: 'individual' | 'corporate') =>
      setValues((v) => {
        const out = { ...v, 'customer.type': t };
        if (t === 'individual') for (const k of CORPORATE_ONLY_KEYS) out[k] = '';
        return out;
      }),
    setKeyFilePath: (path: string) => {
      setKeyFilePath(path);
      setKeyFile(path.trim() ? { path: path.trim() } : undefined);
    },
    setKeyFileContent: (ref: FileRef, shown: string) => {
      setKeyFilePath(shown);
      setKeyFile(ref);
    },
    fail: (reason: string) => failed(new Error(reason)),
    setOptionDevices: (d: OptionDevice[]) => {
      setOptionDevices(d);
      setProblems((ps) => ps.filter((p) => !p.field?.startsWith('options')));
    },
    mismatchContinue: () =>
      run(async () => {
        setAccepted(true);
        setDialog(undefined);
        await afterIdentity(values);
      }),
    mismatchExit: closeWizard,
    deviceOk: () =>
      run(async () => {
        if (await checkFields((f) => f !== undefined && DEVICE_KEYS.includes(f))) {
          setDialog(undefined);
          go(index + 1);
        }
      }),
    deviceCancel: () => {
      setDialog(undefined);
      setProblems([]);
    },
  };
}
