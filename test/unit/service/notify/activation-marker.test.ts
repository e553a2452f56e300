/**
 * The 開局通報 marker (service/notify/activation-marker.ts): whether the configuration information waits for a dialog's
 * values to be saved, and which settings change is that save.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Config } from '../../../../shared/config/model.js';
import { applyOverride, type ConfigOverride } from '../../../../shared/config/override.js';
import { defaultSettings } from '../../../../shared/settings/schema.js';
import {
  activationMarker,
  onlyStateChanged,
  overrideDiffers,
  readActivationMarker,
  writeActivationMarker,
} from '../../../../service/notify/activation-marker.js';

const saved: Config = {
  settings: { ...defaultSettings(), 'express.route': 'https', 'activation.state': 'tested', 'https.timeoutSeconds': 60 },
  optionDevices: [],
  inf: { adr: { url1: 'https://center.example/report' } },
};
const sent = (o: ConfigOverride): Config => {
  const r = applyOverride(saved, o);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.config;
};

describe('overrideDiffers', () => {
  it('is false without an override, or with one that repeats the saved values', () => {
    expect(overrideDiffers(saved, saved, undefined)).toBe(false);
    const same: ConfigOverride = {
      values: { 'express.route': 'https', 'https.timeoutSeconds': '60' },
      destinations: { url1: 'https://center.example/report' },
    };
    expect(overrideDiffers(saved, sent(same), same)).toBe(false);
  });

  it('is true when a value, the route or the destinations differ', () => {
    const timeout: ConfigOverride = { values: { 'https.timeoutSeconds': '120' } };
    expect(overrideDiffers(saved, sent(timeout), timeout)).toBe(true);
    const proxy: ConfigOverride = { values: { 'https.proxy.use': 'on', 'https.proxy.host': '127.0.0.1' } };
    expect(overrideDiffers(saved, sent(proxy), proxy)).toBe(true);
    const read: ConfigOverride = { values: {}, destinations: { url1: 'https://other.example/report' } };
    expect(overrideDiffers(saved, sent(read), read)).toBe(true);
  });
});

describe('onlyStateChanged', () => {
  it("is true for the 開局通報's own state write only", () => {
    const active: Config = { ...saved, settings: { ...saved.settings, 'activation.state': 'active' } };
    expect(onlyStateChanged(saved, active)).toBe(true);
    expect(onlyStateChanged(saved, { ...active, settings: { ...active.settings, 'https.timeoutSeconds': 120 } })).toBe(false);
    expect(onlyStateChanged(saved, { ...active, inf: { adr: { url1: 'https://other.example/report' } } })).toBe(false);
  });
});

describe('the marker file', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("round-trips; an older version's marker (the time alone) waits for nothing; none is undefined", async () => {
    dir = await mkdtemp(join(tmpdir(), 'er-marker-'));
    expect(await readActivationMarker(dir)).toBeUndefined();
    await writeActivationMarker(dir, { at: '2026-01-02T03:04:05.000Z', untilSaved: true });
    expect(await readActivationMarker(dir)).toEqual({ at: '2026-01-02T03:04:05.000Z', untilSaved: true });
    await writeFile(activationMarker(dir), '2026-01-02T03:04:05.000Z');
    expect(await readActivationMarker(dir)).toEqual({ at: '2026-01-02T03:04:05.000Z', untilSaved: false });
  });
});
