/** Lists shipped in resources/: device codes, dealers, monitored events (read once, validated). */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { type Resources } from '../../host/api.js';
import { codedError, reasonOf } from '../coded-error.js';

const deviceCodes = z.object({ deviceCodes: z.array(z.object({ code: z.string(), name: z.string() })) });
const dealers = z.object({ dealers: z.array(z.string()) });
const events = z.object({
  events: z.array(
    z.object({
      source: z.string().min(1),
      id: z.string().regex(/^0x[0-9a-fA-F]{8}$/),
      severity: z.enum(['error', 'warning', 'information']),
      report: z.boolean(),
      ja: z.string(),
      en: z.string(),
    }),
  ),
});

async function readJson<T>(dir: string, name: string, schema: z.ZodType<T>): Promise<T> {
  const path = join(dir, name);
  try {
    return schema.parse(JSON.parse(await readFile(path, 'utf8')));
  } catch (e) {
    throw codedError('ER_1009', { path, reason: reasonOf(e) }, {}, e);
  }
}

export async function loadResources(dir: string): Promise<Resources> {
  const [d, s, e] = await Promise.all([
    readJson(dir, 'device-codes.json', deviceCodes),
    readJson(dir, 'dealers.json', dealers),
    readJson(dir, 'monitored-events.json', events),
  ]);
  return {
    deviceCodes: d.deviceCodes,
    dealers: s.dealers,
    monitoredEvents: e.events.map((x) => ({ source: x.source, id: x.id.toLowerCase(), severity: x.severity, report: x.report, text: { ja: x.ja, en: x.en } })),
  };
}
