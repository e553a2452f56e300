/**
 * The NSIS include that registers the Windows service (resources/build/installer.nsh, issue 15). It cannot run here;
 * what can be checked is: the hooks electron-builder calls exist, its constants agree with the TypeScript ones, the
 * uninstall asks before deleting %ProgramData%\ExpressReport (default No, silent = No) and only when not an upgrade,
 * and it compiles (makensis, Debian's nsis, installed by scripts/system-packages.sh) inside a stand-in of
 * electron-builder's installer and uninstaller with warnings as errors.
 */
import { describe, expect, it } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { WINDOWS_SERVICE, serviceArguments } from '../../../electron/windows-service.js';
import { WINDOWS_SERVICE_ID } from '../../../shared/node/service-presence.js';
import { tempDirs } from '../../helpers/tmp.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const NSH = join(ROOT, 'resources', 'build', 'installer.nsh');
const TEMPLATES = join(ROOT, 'node_modules', 'app-builder-lib', 'templates', 'nsis');
const tmp = tempDirs();

const source = async (): Promise<string> => {
  const raw = await readFile(NSH);
  expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 with BOM: NSIS reads the Japanese text as UTF-8
  return raw.subarray(3).toString('utf8');
};

/** The lines of `!macro name` up to its `!macroend` (comments dropped). */
function macro(text: string, name: string): string[] {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const start = lines.findIndex((l) => l === `!macro ${name}`);
  expect(start, `!macro ${name}`).toBeGreaterThanOrEqual(0);
  const end = lines.indexOf('!macroend', start);
  return lines.slice(start + 1, end).filter((l) => l !== '' && !l.startsWith(';'));
}

/** The lines inside the first `${IfNot} ${isUpdated}` block, nesting counted. */
function notUpdatedBlock(lines: string[]): { inside: string[]; outside: string[] } {
  const start = lines.indexOf('${IfNot} ${isUpdated}');
  expect(start).toBeGreaterThanOrEqual(0);
  let depth = 0;
  for (let i = start; i < lines.length; i++) {
    if (/^\$\{If(Not)?\}/.test(lines[i]!)) depth++;
    if (lines[i] === '${EndIf}' && --depth === 0) return { inside: lines.slice(start + 1, i), outside: [...lines.slice(0, start), ...lines.slice(i + 1)] };
  }
  throw new Error('unbalanced ${IfNot} ${isUpdated}');
}

const define = (text: string, name: string): string | undefined => new RegExp(`^!define ${name} "([^"]*)"$`, 'm').exec(text)?.[1];

describe('resources/build/installer.nsh', () => {
  it("defines the hooks electron-builder's templates call", async () => {
    const text = await source();
    for (const m of ['customInstall', 'customUnInstall', 'customCheckAppRunning']) expect(macro(text, m).length, m).toBeGreaterThan(0);
    // ...and this electron-builder still calls them, and leaves getProcessInfo / $pid to a customCheckAppRunning.
    expect(await readFile(join(TEMPLATES, 'installSection.nsh'), 'utf8')).toContain('!insertmacro customInstall');
    expect(await readFile(join(TEMPLATES, 'uninstaller.nsh'), 'utf8')).toContain('!insertmacro customUnInstall');
    const once = await readFile(join(TEMPLATES, 'include', 'allowOnlyOneInstallerInstance.nsh'), 'utf8');
    expect(once).toMatch(/!ifmacrondef customCheckAppRunning\s+!include "getProcessInfo.nsh"\s+Var pid\s+!endif/);
    expect(once).toContain('!macro IS_POWERSHELL_AVAILABLE');
    expect(once).toContain('!macro _CHECK_APP_RUNNING');
  });

  it('names the same service, wrapper, data folder and command as the TypeScript side', async () => {
    const text = await source();
    expect(define(text, 'ER_SERVICE_ID')).toBe(WINDOWS_SERVICE_ID);
    expect(define(text, 'ER_WRAPPER_DIR')).toBe(`resources\\${WINDOWS_SERVICE.wrapperDir}`);
    expect(define(text, 'ER_WRAPPER_EXE')).toBe(WINDOWS_SERVICE.wrapperExe);
    expect(`%ProgramData%\\${define(text, 'ER_DATA_NAME')}`).toBe(WINDOWS_SERVICE.dataDir);
    // The XML's first argument is relative to %BASE% (resources\service); the installer's to $INSTDIR.
    expect(serviceArguments()[0]).toBe(`%BASE%\\..\\${define(text, 'ER_CLI')!.replace(/^resources\\/, '')}`);
  });

  it('install: folders kept (init --only-missing), state folder closed, wrapper registered once, delayed auto start, restart on failure, started', async () => {
    const m = macro(await source(), 'customInstall').join('\n');
    expect(m).toContain('init --only-missing');
    expect(m).toContain('--config-dir "$R8\\config" --state-dir "$R8\\state"');
    expect(m).toContain('ELECTRON_RUN_AS_NODE');
    expect(m).toMatch(/icacls\.exe" "\$R8\\state" \/inheritance:r \/grant:r \*S-1-5-18:\(OI\)\(CI\)F \*S-1-5-32-544:\(OI\)\(CI\)F/);
    expect(m).toMatch(/!insertmacro ExpressReportStopService[\s\S]*\$\{If\} \$0 != 0\n[^\n]*\n[^\n]*\$\{ER_WRAPPER_EXE\}" install'/);
    expect(m).toContain('start= delayed-auto');
    expect(m).toContain('actions= restart/10000/restart/60000/restart/300000');
    expect(m).toMatch(/sc\.exe" start \$\{ER_SERVICE_ID\}'$/m);
    expect(m).not.toMatch(/RMDir|Delete /);
  });

  it('uninstall: stops always; unregisters and asks about the data only when not an upgrade; default No, silent keeps', async () => {
    const lines = macro(await source(), 'customUnInstall');
    expect(lines[0]).toBe('!insertmacro ExpressReportStopService');
    const { inside, outside } = notUpdatedBlock(lines);
    const box = inside.find((l) => l.startsWith('MessageBox'));
    expect(box).toMatch(/^MessageBox MB_YESNO\|MB_ICONQUESTION\|MB_DEFBUTTON2 ".*" \/SD IDNO IDYES (\w+) IDNO (\w+)$/);
    expect(box).toContain('($R8)');
    const [, yes, no] = /IDYES (\w+) IDNO (\w+)$/.exec(box!)!;
    // Only the Yes branch removes the folder; nothing outside the non-update block deletes or unregisters.
    const branch = inside.slice(inside.indexOf(`${yes}:`) + 1, inside.indexOf(`${no}:`));
    expect(branch).toContain('RMDir /r "$R8"');
    expect(inside.filter((l) => l.startsWith('RMDir'))).toEqual(['RMDir /r "$R8"']);
    expect(inside.join('\n')).toMatch(/\$\{ER_WRAPPER_EXE\}" uninstall'[\s\S]*sc\.exe" delete \$\{ER_SERVICE_ID\}'/);
    expect(outside.join('\n')).not.toMatch(/RMDir|Delete |uninstall'|delete \$/);
  });

  it('compiles in a stand-in of the installer and the uninstaller (makensis -WX)', async () => {
    const makensis = ['/usr/bin/makensis', '/usr/local/bin/makensis'].find((p) => {
      try {
        execFileSync(p, ['-VERSION']);
        return true;
      } catch {
        return false;
      }
    });
    // Never skipped: scripts/system-packages.sh installs Debian's nsis.
    if (!makensis) throw new Error('makensis is not installed: run scripts/system-packages.sh (Debian package nsis)');
    const d = await tmp();
    const harness = join(d, 'harness.nsi');
    await writeFile(
      harness,
      [
        'Unicode true',
        `OutFile "${join(d, 'harness.exe')}"`,
        'RequestExecutionLevel admin',
        '!include "LogicLib.nsh"',
        '!include "FileFunc.nsh"',
        `!addincludedir "${join(TEMPLATES, 'include')}"`,
        '!define APP_EXECUTABLE_FILENAME "Express Report.exe"',
        '!define PRODUCT_NAME "Express Report"',
        '!define APP_GUID "00000000-0000-0000-0000-000000000000"',
        '!define INSTALL_MODE_PER_ALL_USERS',
        // electron-builder's --updated flag test, without its StdUtils plugin (not installed here).
        '!macro _isUpdated _a _b _t _f',
        '  ${GetParameters} $R9',
        '  ${GetOptions} $R9 "--updated" $R9',
        '  IfErrors `${_f}` `${_t}`',
        '!macroend',
        '!define isUpdated `"" isUpdated ""`',
        'LangString appRunning 0 "running"',
        'LangString appClosing 0 "closing"',
        'LangString appCannotBeClosed 0 "cannot be closed"',
        `!include "${NSH}"`,
        '!include "allowOnlyOneInstallerInstance.nsh"',
        '!ifndef BUILD_UNINSTALLER',
        'Section "Install"',
        '  !insertmacro CHECK_APP_RUNNING',
        '  !insertmacro customInstall',
        'SectionEnd',
        '!else',
        'Section "Install"',
        '  WriteUninstaller "$INSTDIR\\uninstall.exe"',
        'SectionEnd',
        'Function un.checkAppRunning',
        '  !insertmacro CHECK_APP_RUNNING',
        'FunctionEnd',
        'Section "un.Uninstall"',
        '  Call un.checkAppRunning',
        '  !insertmacro customUnInstall',
        'SectionEnd',
        '!endif',
        '',
      ].join('\n'),
    );
    // Each pass as electron-builder makes them: the installer, then the uninstaller on its own.
    for (const pass of [[], ['-DBUILD_UNINSTALLER']]) {
      await expect(promisify(execFile)(makensis, ['-V2', '-WX', ...pass, harness]), pass.join(' ') || 'installer').resolves.toBeDefined();
    }
  }, 60_000);
});
