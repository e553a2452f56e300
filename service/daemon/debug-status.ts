/**
 * TEST AND BENCHMARK ONLY: with EXPRESS_REPORT_DEBUG_STATUS=1 the status carries the process's memory and the packages
 * whose code is loaded (docs/benchmarks.md, "Issue 16: idle memory"), so a test can see that an idle service with an
 * HTTPS route loaded no mail, modem or S/MIME code. The list is V8's own (every script it parsed, as the inspector's
 * Debugger.enable replays them): ESM packages leave no trace in require.cache.
 */
import { type ServiceDebug } from '../../shared/host/service-types.js';

export const debugStatusOn = (): boolean => process.env.EXPRESS_REPORT_DEBUG_STATUS === '1';

/** `file:///…/node_modules/@scope/name/…` → `@scope/name`; the last node_modules folder names the package. */
export function packageOf(url: string): string | undefined {
  const at = url.lastIndexOf('/node_modules/');
  if (at < 0) return undefined;
  const parts = url.slice(at + '/node_modules/'.length).split('/');
  return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

export async function debugStatus(): Promise<ServiceDebug> {
  const { Session } = await import('node:inspector/promises'); // not loaded by a service that is never asked
  const session = new Session();
  session.connect();
  const urls: string[] = [];
  session.on('Debugger.scriptParsed', (m) => urls.push(m.params.url));
  try {
    await session.post('Debugger.enable');
    await session.post('Debugger.disable');
  } finally {
    session.disconnect();
  }
  const packages = [...new Set(urls.map(packageOf).filter((p) => p !== undefined))].sort();
  const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
  // Public built-ins only (`NativeModule tls`, not `NativeModule internal/...`).
  const builtins = (process as unknown as { moduleLoadList: string[] }).moduleLoadList
    .filter((m) => m.startsWith('NativeModule ') && !m.startsWith('NativeModule internal/'))
    .map((m) => m.slice('NativeModule '.length))
    .sort();
  return { memory: { rss, heapTotal, heapUsed, external, arrayBuffers }, packages, scripts: urls.filter((u) => u.startsWith('file:')).length, builtins };
}
