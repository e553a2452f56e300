/** A HostApi fake for the notification dialogs: saving keeps the snapshot; a notification moves the state on. */
import { vi, type Mock } from 'vitest';
import { defaultSettings, type Settings } from '../../../shared/settings/schema.js';
import { type AppSnapshot, type HostApi, type Notified } from '../../../shared/host/api.js';

export type Fake = { [K in keyof HostApi]: Mock<HostApi[K]> };

export const URL2 = 'https://secondary.example/report';
export function snapshotOf(over: Partial<Settings> = {}, url2 = URL2): AppSnapshot {
  return {
    version: '0.1.0', hostName: 'srv01', configDir: '/tmp/er', problems: [],
    settings: { ...defaultSettings(), 'express.route': 'https', 'activation.state': 'configured', 'customer.email': 'customer@example.jp', 'activation.replyMail': 'reply@example.jp', ...over },
    optionDevices: [], destinations: { url1: 'https://primary.example/report', ...(url2 ? { url2 } : {}) },
  };
}

export function fakeHost(initial: AppSnapshot): Fake {
  let current = initial;
  const saved = (s: AppSnapshot) => ({ ok: true as const, snapshot: (current = s) });
  const withState = (state: Settings['activation.state']): Notified => ({ ok: true, detail: 'HTTP 200', snapshot: (current = { ...current, settings: { ...current.settings, 'activation.state': state } }) });
  return {
    snapshot: vi.fn<HostApi['snapshot']>(async () => current),
    resources: vi.fn<HostApi['resources']>(async () => ({
      deviceCodes: [], dealers: [],
      monitoredEvents: [{ source: 'atapi', id: '0xc0040006', severity: 'error', report: true, text: { ja: 'ディスクエラー', en: 'Disk error' } }],
    })),
    check: vi.fn<HostApi['check']>(async () => []),
    saveSettings: vi.fn<HostApi['saveSettings']>(async () => saved(current)),
    deviceInfo: vi.fn<HostApi['deviceInfo']>(async () => ({})),
    readKeyFile: vi.fn<HostApi['readKeyFile']>(async () => ({ ok: false, problems: [] })),
    activate: vi.fn<HostApi['activate']>(async () => saved(current)),
    endService: vi.fn<HostApi['endService']>(async () => saved(current)),
    extendExpiry: vi.fn<HostApi['extendExpiry']>(async () => saved(current)),
    updateRegistration: vi.fn<HostApi['updateRegistration']>(async () => saved(current)),
    readDestinations: vi.fn<HostApi['readDestinations']>(async () => ({ ok: true, destinations: { url1: 'https://read.example/report' } })),
    eventLog: vi.fn<HostApi['eventLog']>(async () => []),
    testNotify: vi.fn<HostApi['testNotify']>(async () => withState(current.settings['activation.state'] === 'configured' ? 'tested' : current.settings['activation.state'])),
    activateNotify: vi.fn<HostApi['activateNotify']>(async () => withState('active')),
    serviceStatus: vi.fn<HostApi['serviceStatus']>(async () => undefined),
    testEvent: vi.fn<HostApi['testEvent']>(async () => ({ ok: true, outcome: { result: 'accepted', reportId: 'r-123' } })),
    rememberedSecrets: vi.fn<HostApi['rememberedSecrets']>(async () => ({ available: true, accounts: [] })),
    forgetSecret: vi.fn<HostApi['forgetSecret']>(async () => ({ available: true, accounts: [] })),
    pauseService: vi.fn<HostApi['pauseService']>(async () => ({ ok: false, problems: [] })),
    resumeService: vi.fn<HostApi['resumeService']>(async () => ({ ok: false, problems: [] })),
  };
}
