/**
 * Dial-up bulk forwarding (一括通報, docs/relay.md "Forwarding") at the route: ModemRoute.sendBatch against the Hayes
 * modem emulator on a real pseudo-terminal pair. One call carries several frames, each answered before the next.
 */
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { ModemRoute } from '../../service/routes/modem/route.js';
import { type RouteContext } from '../../service/routes/route.js';
import { type Report } from '../../shared/report/model.js';
import { defaultSettings, type Settings } from '../../shared/settings/schema.js';
import { modemPerFile } from '../helpers/modem-per-file.js';

const modem = modemPerFile('express-report-bulk-');
const emu = modem.emu;

const route = () => new ModemRoute({ timeouts: { commandMs: 1000, connectMs: 1500, ackMs: 1000, guardMs: 50 }, lockDirs: [] });
const ctx = (over: Partial<Settings> = {}): RouteContext => ({
  config: {
    settings: {
      ...defaultSettings(),
      'dialup.serial.port': emu.modemPath,
      'dialup.primary.number': '111',
      'dialup.intervalSeconds': 0,
      'mail.smime': false,
      ...over,
    },
    optionDevices: [],
    inf: {},
  },
  openSecret: (s) => s,
  signal: new AbortController().signal,
});
const report = (n: number): Report => ({
  id: randomUUID(),
  kind: 'failure',
  createdAt: '2025-01-02T03:04:05.000Z',
  count: 1,
  machine: { serverName: `AGENT${n}`, deviceCode: 'N8100-1', serialNumber: `${n}`, userSystemCode: 'U1' },
  event: { source: 'atapi', id: 0xc0040006, time: '2025-01-02T03:04:00.000Z', message: 'disk' },
});

describe('ModemRoute.sendBatch', () => {
  it('one call, every frame ACKed in turn, one outcome per report in order', async () => {
    const rs = [report(1), report(2), report(3)];
    const dials = emu.dials.length;
    const out = await route().sendBatch(rs, ctx());
    expect(out.map((o) => o.ok)).toEqual([true, true, true]);
    expect(emu.dials.length - dials).toBe(1);
    expect(emu.frames.slice(-3).map((f) => f.id)).toEqual(rs.map((r) => r.id));
  });

  it('a NAK answers only its own report: the call goes on with the next frame', async () => {
    const rs = [report(1), report(2), report(3)];
    emu.behaviour.center = (f) => (f.id === rs[1]!.id ? { nak: 'bad report', permanent: true } : 'ack');
    const out = await route().sendBatch(rs, ctx());
    expect(out.map((o) => (o.ok ? 'ok' : `${o.problem.code} ${o.retry}`))).toEqual(['ok', 'ER_2267 false', 'ok']);
  });

  it('a line that drops ends the call: the rest go to the secondary number after it, not sent twice', async () => {
    const rs = [report(1), report(2), report(3)];
    let dropped = false;
    emu.behaviour.center = (f) => {
      if (f.id === rs[1]!.id && !dropped) {
        dropped = true;
        return 'hangup';
      }
      return 'ack';
    };
    const dials = emu.dials.length;
    const out = await route().sendBatch(rs, ctx({ 'dialup.secondary.number': '222' }));
    expect(out.map((o) => o.ok)).toEqual([true, true, true]);
    expect(emu.dials.slice(dials)).toEqual(['ATDT111', 'ATDT222']);
    expect(emu.frames.filter((f) => f.id === rs[0]!.id)).toHaveLength(1);
  });

  it('without a secondary the reports after the drop fail retryably, the first after it with ER_2374', async () => {
    const rs = [report(1), report(2), report(3)];
    emu.behaviour.center = (f) => (f.id === rs[0]!.id ? 'ack' : 'hangup');
    const out = await route().sendBatch(rs, ctx());
    expect(out.map((o) => (o.ok ? 'ok' : `${o.problem.code} ${o.retry}`))).toEqual(['ok', 'ER_2268 true', 'ER_2374 true']);
  });

  it('S/MIME on without a center certificate: refused before dialling, for every report', async () => {
    const dials = emu.dials.length;
    const out = await route().sendBatch([report(1), report(2)], ctx({ 'mail.smime': true }));
    expect(out.map((o) => (o.ok ? 'ok' : o.problem.code))).toEqual(['ER_2271', 'ER_2271']);
    expect(emu.dials.length).toBe(dials);
  });
});
