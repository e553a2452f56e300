// @vitest-environment jsdom
/**
 * ファイル → 一括準備 (docs/fleet.md, "In the window") against a fake HostApi: the CSV and key files read by the page and
 * sent as bytes, the base choice, the output folder required; the preview's counts, its error filter, each row's
 * problems; OK only when a row can be written, then fleetBuild with the same request and the result said.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { type FleetChecked, type FleetRow, type HostApi } from '../../../../shared/host/api.js';
import { problem } from '../../../../shared/messages/problem.js';
import { createAppStore } from '../../../../renderer/store.js';
import { StoreContext } from '../../../../renderer/store-context.js';
import { FleetDialog } from '../../../../renderer/fleet/FleetDialog.js';
import { App } from '../../../../renderer/app/App.js';
import { loadDialogs } from '../../../../renderer/app/dialogs.js';
import { fakeHost, snapshotOf, type Answers, type FakeHost } from '../fake-host.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

async function show(answers: Answers = {}): Promise<FakeHost> {
  const host = fakeHost(snapshotOf(), answers);
  const store = createAppStore(host as unknown as HostApi);
  store.setState({ lang: 'ja', snapshot: snapshotOf() });
  await act(async () => {
    render(
      <StoreContext.Provider value={store}>
        <FleetDialog />
      </StoreContext.Provider>,
    );
  });
  return host;
}

const click = async (el: HTMLElement) => act(async () => void fireEvent.click(el));
const type = async (el: HTMLElement, value: string) => act(async () => void fireEvent.change(el, { target: { value } }));
async function choose(testId: string, files: Array<[string, string]>): Promise<void> {
  await act(async () => {
    fireEvent.change(screen.getByTestId(testId), { target: { files: files.map(([name, bytes]) => new File([bytes], name)) } });
  });
  await act(async () => new Promise((r) => setTimeout(r, 10)));
}
const b64 = (s: string) => Buffer.from(s).toString('base64');

const row = (line: number, status: FleetRow['status'], problems: FleetRow['problems'] = []): FleetRow => ({
  line,
  serial: `S${line}`,
  serverName: `SV${line}`,
  folder: `S${line}`,
  status,
  problems,
  schedule: { ja: '火 12:56', en: 'Tue 12:56' },
});
const CHECKED: FleetChecked = {
  ok: true,
  rows: [
    row(2, 'new'),
    row(3, 'error', [problem('ER_3609', { serial: 'S2', other: 2 }, { line: 3, field: 'serial' })]),
    row(4, 'warning', [problem('ER_6820', { value: 'X-1' }, { line: 4, field: 'device_code' })]),
  ],
  counts: { total: 3, new: 1, replace: 0, warning: 1, error: 1 },
  problems: [],
  notes: [],
};

// The dialogs' chunk loaded first, as the window does when idle after it is ready (renderer/app/dialogs.ts).
beforeAll(() => loadDialogs());
beforeAll(() => {
  Element.prototype.scrollIntoView = () => undefined;
});
afterEach(() => cleanup());

describe('ファイル → 一括準備', () => {
  it('asks for the CSV and the output folder before asking the host', async () => {
    const host = await show();
    await click(screen.getByRole('button', { name: /確認/ }));
    expect(host.fleetCheck).not.toHaveBeenCalled();
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent);
    expect(alerts.join(' ')).toMatch(/ER_3001/);
    expect(alerts.join(' ')).toMatch(/ER_3620/);
  });

  it('sends the CSV, the key files and the base as bytes, shows the counts, filters the errors, and builds on OK', async () => {
    const host = await show({
      fleetCheck: async () => CHECKED,
      fleetBuild: async () => ({
        ok: true,
        written: 2,
        skipped: 1,
        resultCsv: '/srv/out/fleet-result.csv',
        rows: CHECKED.ok ? CHECKED.rows : [],
        counts: CHECKED.ok ? CHECKED.counts : ({} as never),
        notes: [],
      }),
    });
    await choose('fleet-csv', [['servers.csv', 'server_name,serial\n']]);
    await choose('fleet-keys', [
      ['a.key', 'KEY-A'],
      ['b.key', 'KEY-B'],
    ]);
    expect(screen.getByTestId('fleet-keys-names').textContent).toBe('a.key, b.key');
    await click(screen.getByRole('radio', { name: /エクスポートファイル/ }));
    await choose('fleet-base', [['base.zip', 'ZIP']]);
    await type(screen.getByRole('textbox', { name: /出力先フォルダ/ }), '/srv/out');
    await click(screen.getByRole('button', { name: /確認/ }));

    const req = {
      csv: { name: 'servers.csv', contentBase64: b64('server_name,serial\n') },
      keys: {
        files: [
          { name: 'a.key', contentBase64: b64('KEY-A') },
          { name: 'b.key', contentBase64: b64('KEY-B') },
        ],
      },
      base: { file: { name: 'base.zip', contentBase64: b64('ZIP') } },
      out: '/srv/out',
    };
    expect(host.fleetCheck).toHaveBeenCalledWith(req);
    expect(screen.getByTestId('fleet-counts').textContent).toBe('3 行: 新規 1、置き換え 0、警告 1、エラー 1');
    const table = screen.getByTestId('fleet-rows');
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(table.querySelector('tr[data-line="3"]')?.textContent).toContain('3: serial: ER_3609');
    expect(table.querySelector('tr[data-line="4"]')?.textContent).toContain('4: device_code: ER_6820');

    await click(screen.getByRole('checkbox', { name: /エラーの行のみ/ }));
    expect([...table.querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-line'))).toEqual(['3']);

    await click(screen.getByRole('button', { name: 'OK' }));
    expect(host.fleetBuild).toHaveBeenCalledWith(req);
    expect(screen.getByTestId('fleet-built').textContent).toContain('/srv/out/fleet-result.csv');
  });

  it('offers no OK when the CSV as a whole is refused, or no row can be written', async () => {
    await show({
      fleetCheck: async () => ({
        ok: true,
        rows: [],
        counts: { total: 0, new: 0, replace: 0, warning: 0, error: 0 },
        problems: [problem('ER_3604', { column: 'colour' }, { line: 1, field: 'colour' })],
        notes: [],
      }),
    });
    await choose('fleet-csv', [['x.csv', 'colour\n']]);
    await type(screen.getByRole('textbox', { name: /出力先フォルダ/ }), '/srv/out');
    await click(screen.getByRole('button', { name: /確認/ }));
    expect(screen.getByText(/1: colour: ER_3604/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'OK' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('ファイル → 一括準備…(B) in the window', () => {
  async function window(snap = snapshotOf()) {
    const host = fakeHost(snap, {});
    const store = createAppStore(host as unknown as HostApi);
    store.setState({ lang: 'ja', snapshot: snap });
    await act(async () => {
      render(
        <StoreContext.Provider value={store}>
          <App onExit={() => undefined} />
        </StoreContext.Provider>,
      );
    });
    await click(screen.getByRole('menuitem', { name: 'ファイル(F)' }));
    return { store, item: screen.getByRole('menuitem', { name: '一括準備…(B)' }) };
  }

  it('opens the dialog', async () => {
    const { store, item } = await window();
    await click(item);
    expect(store.getState().dialogs).toContain('fleet');
    expect(screen.getByRole('dialog', { name: '一括準備' })).toBeTruthy();
  });

  it('is greyed in the read-only view of an export', async () => {
    const view = { file: 'a.zip', serverName: 'SERVER001', createdAt: '2026-01-02T03:04:05Z', scope: 'support' as const };
    const { store, item } = await window({ ...snapshotOf(), view });
    expect(item.getAttribute('aria-disabled')).toBe('true');
    await click(item);
    expect(store.getState().dialogs).not.toContain('fleet');
  });
});
