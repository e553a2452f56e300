// @vitest-environment jsdom
/**
 * Which service the window uses (issue 15): the state bar and the status dialog say how the running service was
 * started (システムサービス / 子プロセス / 手動起動), and when none runs but a system service is installed, 停止中 with
 * the coded warning naming the command that starts it (ER_8200). Against the fake HostApi.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { type ReactNode } from 'react';
import { type AppSnapshot, type HostApi, type ServiceStatus, type SystemServiceState } from '../../../shared/host/api.js';
import { type RunMode } from '../../../shared/host/service-types.js';
import { createAppStore } from '../../../renderer/store.js';
import { StoreContext } from '../../../renderer/store-context.js';
import { StatusBar } from '../../../renderer/components/StatusBar.js';
import { ServiceStatusDialog } from '../../../renderer/settings/ServiceStatusDialog.js';
import { configuredSnapshot, fakeHost, type FakeHost } from './fake-host.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

afterEach(() => cleanup());

const status = (runMode?: RunMode): ServiceStatus => ({
  state: 'active',
  pending: 0,
  expired: 0,
  pid: 4242,
  startedAt: '2025-01-02T03:00:00.000Z',
  ...(runMode ? { runMode } : {}),
});
const installed: SystemServiceState = {
  installed: true,
  where: '/lib/systemd/system/express-report.service',
  startCommand: 'systemctl start express-report',
};

async function mount(node: ReactNode, s: ServiceStatus | undefined, system?: SystemServiceState, lang: 'ja' | 'en' = 'ja'): Promise<FakeHost> {
  const snapshot: AppSnapshot = configuredSnapshot({ 'activation.state': 'active' });
  const host = fakeHost(snapshot);
  host.serviceStatus.mockResolvedValue(s);
  if (system) host.systemService.mockResolvedValue(system);
  const store = createAppStore(host as unknown as HostApi);
  store.setState({ lang, snapshot });
  await act(async () => {
    render(<StoreContext.Provider value={store}>{node}</StoreContext.Provider>);
  });
  return host;
}

const part = (id: string) => within(screen.getByTestId('statusbar')).queryByTestId(id)?.textContent;

describe('the state bar says which service the window uses', () => {
  it.each([
    ['system', 'サービス: 稼働中 (システムサービス)'],
    ['child', 'サービス: 稼働中 (子プロセス)'],
    ['manual', 'サービス: 稼働中 (手動起動)'],
  ] as const)('%s', async (mode, words) => {
    const host = await mount(<StatusBar />, status(mode));
    await waitFor(() => expect(part('service')).toBe(words));
    expect(within(screen.getByTestId('statusbar')).getByTestId('service').getAttribute('title')).toBe('pid 4242');
    expect(part('system-service-stopped')).toBeUndefined();
    expect(host.systemService).not.toHaveBeenCalled(); // asked only when none runs
  });

  it('in English', async () => {
    await mount(<StatusBar />, status('child'), undefined, 'en');
    await waitFor(() => expect(part('service')).toBe('Service: running (child process)'));
  });

  it('a service older than issue 15 (no runMode): 稼働中 alone', async () => {
    await mount(<StatusBar />, status());
    await waitFor(() => expect(part('service')).toBe('サービス: 稼働中'));
  });

  it('none running, a system service installed: 停止中 and ER_8200 with the command that starts it', async () => {
    const host = await mount(<StatusBar />, undefined, installed);
    await waitFor(() => expect(part('system-service-stopped')).toContain('ER_8200'));
    expect(part('service')).toBe('サービス: 停止中');
    expect(part('system-service-stopped')).toContain('systemctl start express-report');
    expect(part('system-service-stopped')).toContain('/lib/systemd/system/express-report.service');
    expect(host.systemService).toHaveBeenCalled();
  });

  it('none running, a system service installed for other folders: ER_8205 naming its state folder, not "start it"', async () => {
    await mount(<StatusBar />, undefined, { ...installed, stateDir: '/var/lib/express-report', otherFolders: true });
    await waitFor(() => expect(part('system-service-stopped')).toContain('ER_8205'));
    expect(part('system-service-stopped')).toContain('/var/lib/express-report');
    expect(part('system-service-stopped')).not.toContain('systemctl start');
    expect(part('service')).toBe('サービス: 停止中');
  });

  it('none running and none installed (a portable run whose child is not up): 停止中, no ER_8200', async () => {
    const host = await mount(<StatusBar />, undefined);
    await waitFor(() => expect(host.systemService).toHaveBeenCalled());
    await waitFor(() => expect(part('service')).toBe('サービス: 停止中'));
    expect(part('system-service-stopped')).toBeUndefined();
  });
});

describe('the status dialog', () => {
  it('names the run mode of the running service', async () => {
    await mount(<ServiceStatusDialog />, status('system'));
    await waitFor(() => expect(screen.getByTestId('status-run-mode').textContent).toBe('システムサービス'));
  });

  it('not running with a system service installed: the warning with its start command', async () => {
    await mount(<ServiceStatusDialog />, undefined, { installed: true, where: 'ExpressReport', startCommand: 'sc start ExpressReport' });
    await waitFor(() => expect(screen.getByTestId('system-service-stopped').textContent).toContain('sc start ExpressReport'));
    expect(screen.getByTestId('service-stopped')).toBeTruthy();
  });
});
