/**
 * The Windows service's wrapper configuration (issue 15, docs/windows.md): the XML electron/windows-service.ts writes,
 * parsed and checked element by element (WinSW 1.17 of node-windows knows each one; the command line is the one the
 * systemd unit runs: `service --run-mode system` on the folders under %ProgramData%\ExpressReport), the committed
 * resources/build/ExpressReport.xml equal to it, and electron-builder.yml valid against electron-builder's own schema
 * with the wrapper, its XML and the installer script where the installer looks for them.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SaxesParser } from 'saxes';
import { WINDOWS_SERVICE, serviceArguments, windowsServiceXml } from '../../../electron/windows-service.js';
import { WINDOWS_SERVICE_ID } from '../../../shared/node/service-presence.js';
import { processCli } from '../../helpers/process-cli.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const require = createRequire(import.meta.url);

interface Element {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: Element[];
}

/** The XML as a tree (saxes: a well-formedness error throws). */
function parse(xml: string): Element {
  const parser = new SaxesParser();
  const stack: Element[] = [];
  let root: Element | undefined;
  parser.on('opentag', (t) => {
    const e: Element = { name: t.name, attributes: t.attributes as Record<string, string>, text: '', children: [] };
    if (stack.length > 0) stack[stack.length - 1]!.children.push(e);
    else root = e;
    stack.push(e);
  });
  parser.on('text', (t) => {
    if (stack.length > 0) stack[stack.length - 1]!.text += t;
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  return root!;
}

const buildConfig = async (): Promise<Record<string, unknown>> =>
  (require('js-yaml') as { load(s: string): unknown }).load(await readFile(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

describe('the WinSW configuration', () => {
  const root = parse(windowsServiceXml());
  const one = (name: string): Element => {
    const found = root.children.filter((c) => c.name === name);
    expect(found, name).toHaveLength(1);
    return found[0]!;
  };

  it('has only elements WinSW reads, each once where it must be', () => {
    expect(root.name).toBe('service');
    const known = new Set([
      'id',
      'name',
      'description',
      'executable',
      'argument',
      'env',
      'workingdirectory',
      'startmode',
      'delayedAutoStart',
      'onfailure',
      'resetfailure',
      'stoptimeout',
      'logpath',
      'log',
    ]);
    for (const c of root.children) expect(known.has(c.name), c.name).toBe(true);
    for (const n of ['id', 'name', 'description', 'executable', 'workingdirectory', 'startmode', 'resetfailure', 'stoptimeout', 'logpath', 'log']) one(n);
  });

  it('is the service the installer and the window look for', () => {
    expect(one('id').text).toBe(WINDOWS_SERVICE_ID);
    expect(WINDOWS_SERVICE_ID).toBe('ExpressReport');
    expect(WINDOWS_SERVICE.wrapperExe).toBe(`${WINDOWS_SERVICE_ID}.exe`); // WinSW reads ExpressReport.xml beside ExpressReport.exe
  });

  it("runs the installed app's runtime as Node on the bundled command: service --run-mode system on %ProgramData%\\ExpressReport", () => {
    // %BASE% is resources\service: the app's executable two folders up, app.asar one up.
    expect(one('executable').text).toBe('%BASE%\\..\\..\\Express Report.exe');
    const args = root.children.filter((c) => c.name === 'argument').map((c) => c.text);
    expect(args).toEqual(serviceArguments());
    expect(args).toEqual([
      '%BASE%\\..\\app.asar\\bin\\express-report.mjs',
      '--config-dir',
      '%ProgramData%\\ExpressReport\\config',
      '--state-dir',
      '%ProgramData%\\ExpressReport\\state',
      'service',
      '--run-mode',
      'system',
    ]);
    const env = root.children.filter((c) => c.name === 'env').map((c) => c.attributes);
    expect(env).toEqual([{ name: 'ELECTRON_RUN_AS_NODE', value: '1' }]);
    expect(one('workingdirectory').text).toBe('%ProgramData%\\ExpressReport');
  });

  it('starts automatically (delayed), restarts on failure with growing delays, stops within 30 s, rolls its log', () => {
    expect(one('startmode').text).toBe('Automatic');
    expect(one('delayedAutoStart').children).toEqual([]);
    const failures = root.children.filter((c) => c.name === 'onfailure').map((c) => c.attributes);
    expect(failures).toEqual([
      { action: 'restart', delay: '10 sec' },
      { action: 'restart', delay: '1 min' },
      { action: 'restart', delay: '5 min' },
    ]);
    expect(one('resetfailure').text).toBe('1 day');
    expect(one('stoptimeout').text).toBe('30 sec');
    expect(one('logpath').text).toBe('%ProgramData%\\ExpressReport\\wrapper-log');
    const log = one('log');
    expect(log.attributes).toEqual({ mode: 'roll-by-size' });
    expect(log.children.map((c) => [c.name, c.text])).toEqual([
      ['sizeThreshold', '10240'],
      ['keepFiles', '8'],
    ]);
  });

  it('escapes what XML must (a description with & and <)', () => {
    expect(windowsServiceXml()).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
  });

  it('resources/build/ExpressReport.xml is the generated one (regenerate: npx tsx electron/windows-service.ts > resources/build/ExpressReport.xml)', async () => {
    expect(await readFile(join(ROOT, 'resources', 'build', 'ExpressReport.xml'), 'utf8')).toBe(windowsServiceXml());
  });

  it('the command line takes those arguments: service knows --run-mode system', async () => {
    const r = await processCli('/nonexistent/c', '/nonexistent/s').run(['service', '--help']);
    expect(r.out.replace(/\s+/g, ' ')).toMatch(/--run-mode <mode> .*\(choices: "system", "child", "manual", default: "manual"\)/);
  });
});

describe('electron-builder.yml', () => {
  it("is valid for electron-builder's schema", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(c: unknown, log: { isEnabled: boolean; add(): void }): Promise<void>;
    };
    await expect(validateConfiguration(await buildConfig(), { isEnabled: false, add: () => undefined })).resolves.toBeUndefined();
  });

  it('points buildResources at a folder that exists, with the installer script it includes', async () => {
    const c = (await buildConfig()) as { directories: { buildResources: string }; nsis: { include: string; perMachine: boolean; oneClick: boolean } };
    expect(existsSync(join(ROOT, c.directories.buildResources))).toBe(true);
    expect(c.nsis.include).toBe(`${c.directories.buildResources}/installer.nsh`);
    expect(existsSync(join(ROOT, c.nsis.include))).toBe(true);
    expect(c.nsis).toMatchObject({ perMachine: true, oneClick: false });
  });

  it('ships the wrapper as resources/service/ExpressReport.exe beside its XML (Windows only)', async () => {
    const c = (await buildConfig()) as { productName: string; win: { extraResources: Array<{ from: string; to: string }> } };
    expect(`${c.productName}.exe`).toBe(WINDOWS_SERVICE.productExe);
    const to = (from: string) => c.win.extraResources.find((e) => e.from === from)?.to;
    expect(to(WINDOWS_SERVICE.wrapperSource)).toBe(`${WINDOWS_SERVICE.wrapperDir}/${WINDOWS_SERVICE.wrapperExe}`);
    expect(to(`${WINDOWS_SERVICE.wrapperSource}.config`)).toBe(`${WINDOWS_SERVICE.wrapperDir}/${WINDOWS_SERVICE.wrapperExe}.config`);
    expect(to('resources/build/ExpressReport.xml')).toBe(`${WINDOWS_SERVICE.wrapperDir}/${WINDOWS_SERVICE_ID}.xml`);
    // The wrapper comes from node-windows, an optional dependency installed on Windows only (its package says os: win32).
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { optionalDependencies?: Record<string, string> };
    expect(pkg.optionalDependencies?.['node-windows']).toBeDefined();
    if (process.platform === 'win32') expect(existsSync(join(ROOT, WINDOWS_SERVICE.wrapperSource))).toBe(true);
  });
});
