/**
 * The one fake HostApi of the renderer tests. Every method is a `vi.fn` with a harmless answer, and the fake holds a
 * snapshot as the host does. A test configures it by passing its own answers (a function of the held snapshot, so an
 * answer can read or replace it), or per call with the mock's own `mockResolvedValueOnce`.
 */
import { vi, type Mock } from 'vitest';
import { defaultSettings, type Settings } from '../../../shared/settings/schema.js';
import { type AppSnapshot, type HostApi, type Notified, type SaveRequest, type Saved } from '../../../shared/host/api.js';
import { problem } from '../../../shared/messages/problem.js';
import { previewSettings } from '../../../renderer/components/use-settings-form.js';

export type FakeHost = { [K in keyof HostApi]: Mock<HostApi[K]> };

/** The snapshot the fake holds: what `snapshot()` answers and what saving changes. */
export interface Held {
  readonly current: AppSnapshot;
  /** Holds `s` from now on and answers it (what a successful save does). */
  keep(s: AppSnapshot): AppSnapshot;
}

/** A test's own answers, replacing the defaults method by method. */
export type Answers = Partial<HostApi> | ((held: Held) => Partial<HostApi>);

/** A snapshot of the default settings with `settings` on top; `fields` replaces the rest (host name, folder, destinations). */
export function snapshotOf(settings: Partial<Settings> = {}, fields: Partial<Omit<AppSnapshot, 'settings'>> = {}): AppSnapshot {
  return {
    version: '0.1.0',
    hostName: 'srv01',
    configDir: '/tmp/er',
    problems: [],
    optionDevices: [],
    ...fields,
    settings: { ...defaultSettings(), ...settings },
  };
}

/**
 * A host that answers everything: saving applies the values to the held snapshot, every other change answers it as it
 * is, notifications succeed, the service is not running, nothing is remembered and the event test is ignored.
 */
export function fakeHost(initial: AppSnapshot, answers: Answers = {}): FakeHost {
  let current = initial;
  const held: Held = {
    get current() {
      return current;
    },
    keep: (s) => (current = s),
  };
  const saved = (s: AppSnapshot): Saved => ({ ok: true, snapshot: held.keep(s) });
  const defaults: HostApi = {
    // The first load through the test's own (spied) answers, as the real host composes it.
    windowLoad: async () => ({ snapshot: await fake.snapshot(), resources: await fake.resources(), events: await fake.eventLog() }),
    snapshot: async () => current,
    resources: async () => ({ deviceCodes: [], dealers: [], monitoredEvents: [] }),
    check: async () => [],
    saveSettings: async (req: SaveRequest) => saved({ ...current, settings: previewSettings(current.settings, req.values) }),
    deviceInfo: async () => ({}),
    readKeyFile: async () => ({ ok: false, problems: [] }),
    activate: async () => saved(current),
    endService: async () => saved(current),
    extendExpiry: async () => saved(current),
    updateRegistration: async () => saved(current),
    readDestinations: async () => ({ ok: true, destinations: { url1: 'https://read.example/report' } }),
    registerDestinations: async () => saved(current),
    eventLog: async () => [],
    testNotify: async () => ({ ok: true, detail: '', snapshot: current }),
    activateNotify: async () => ({ ok: true, detail: '', snapshot: current }),
    serviceStatus: async () => undefined,
    systemService: async () => ({ installed: false, startCommand: 'systemctl start express-report' }),
    relayAgents: async () => ({ ok: false, problems: [problem('ER_1032', { path: '/tmp/er-state' })] }),
    testEvent: async () => ({ ok: true, outcome: { result: 'ignored', reason: 'not-active' } }),
    pauseService: async () => ({ ok: false, problems: [] }),
    resumeService: async () => ({ ok: false, problems: [] }),
    rememberedSecrets: async () => ({ available: true, accounts: [] }),
    forgetSecret: async () => ({ available: true, accounts: [] }),
    exportSettings: async () => ({ ok: true, name: 'export.zip', size: 3, contentBase64: 'AAAA', omitted: 0 }),
    previewImport: async () => ({ ok: true, rows: [], count: 0, notes: [], activates: false }),
    applyImport: async () => ({ ok: true, count: 0, snapshot: current, warnings: [] }),
    openView: async () => ({ ok: false, problems: [] }),
    fleetCheck: async () => ({ ok: true, rows: [], counts: { total: 0, new: 0, replace: 0, warning: 0, error: 0 }, problems: [], notes: [] }),
    fleetBuild: async () => ({ ok: false, problems: [] }),
  };
  const own = typeof answers === 'function' ? answers(held) : answers;
  const all = { ...defaults, ...own } as Record<keyof HostApi, (...args: unknown[]) => unknown>;
  const fake = Object.fromEntries(Object.entries(all).map(([name, answer]) => [name, vi.fn(answer)])) as unknown as FakeHost;
  return fake;
}

/** A method that never answers (a host busy elsewhere), for a test that must see nothing come back. */
export const never = (): Promise<never> => new Promise<never>(() => undefined);

// The notification dialogs' host: a configured HTTPS service with both URLs; saving keeps the snapshot, a notification
// moves the state on (テスト通報: configured → tested; 開局通報: → active), and the event tree holds one monitored event.

export const URL2 = 'https://secondary.example/report';

export function configuredSnapshot(over: Partial<Settings> = {}, url2 = URL2): AppSnapshot {
  return snapshotOf(
    {
      'express.route': 'https',
      'activation.state': 'configured',
      'customer.email': 'customer@example.jp',
      'activation.replyMail': 'reply@example.jp',
      ...over,
    },
    { destinations: { url1: 'https://primary.example/report', ...(url2 ? { url2 } : {}) } },
  );
}

export const notifying = (held: Held): Partial<HostApi> => {
  const withState = (state: Settings['activation.state']): Notified => ({
    ok: true,
    detail: 'HTTP 200',
    snapshot: held.keep({ ...held.current, settings: { ...held.current.settings, 'activation.state': state } }),
  });
  return {
    resources: async () => ({
      deviceCodes: [],
      dealers: [],
      monitoredEvents: [{ source: 'atapi', id: '0xc0040006', severity: 'error', report: true, text: { ja: 'ディスクエラー', en: 'Disk error' } }],
    }),
    saveSettings: async () => ({ ok: true, snapshot: held.current }),
    testNotify: async () => withState(held.current.settings['activation.state'] === 'configured' ? 'tested' : held.current.settings['activation.state']),
    activateNotify: async () => withState('active'),
    testEvent: async () => ({ ok: true, outcome: { result: 'accepted', reportId: 'r-123' } }),
  };
};
