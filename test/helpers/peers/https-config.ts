/**
 * Configs and reports for the HTTPS tests, built directly (not through validation) so a test can use values the
 * settings window would refuse, such as a 1-second timeout.
 */
import { randomUUID } from 'node:crypto';
import { type Config } from '../../../shared/config/model.js';
import { type AdrModel } from '../../../shared/inf/adr.js';
import { type Report } from '../../../shared/report/model.js';
import { defaultSettings, type Settings } from '../../../shared/settings/schema.js';
import { type RouteContext } from '../../../service/routes/route.js';

export function httpsConfig(adr: AdrModel, changes: Partial<Settings> = {}): Config {
  return { settings: { ...defaultSettings(), 'express.route': 'https', ...changes }, optionDevices: [], inf: { adr } };
}

/** The tests keep secrets in clear: "opening" one returns it as it is. */
export const openClear = (sealed: string): string => sealed;

export function routeContext(config: Config, signal: AbortSignal = new AbortController().signal): RouteContext {
  return { config, openSecret: openClear, signal };
}

export function sampleReport(changes: Partial<Report> = {}): Report {
  return {
    id: randomUUID(),
    kind: 'failure',
    createdAt: '2025-01-02T03:04:05.000Z',
    machine: { serverName: 'SERVER001', deviceCode: 'N8100-1234', serialNumber: '00000001', userSystemCode: 'ER12345678' },
    event: { source: 'atapi', id: 0xc0040006, time: '2025-01-02T03:04:00.000Z', message: 'ディスクエラー: \\Device\\Ide\\IdePort0' },
    count: 1,
    ...changes,
  };
}
