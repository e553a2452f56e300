/**
 * The Debian part of the server package's tree: the config folder as `init` writes it (shipped as conffiles), the
 * systemd unit, the man page from --help, copyright and changelog, lintian overrides, and DEBIAN/ (control, conffiles,
 * md5sums, maintainer scripts). docs/install.md.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { APP, RUNTIME } from './stage-app.js';
import { FORMAT_FILE } from '../../shared/node/formats/format.js';

export const CONFIG = 'etc/express-report';
export const UNIT = 'lib/systemd/system/express-report.service';
const DOC = 'usr/share/doc/express-report';
const MAN = 'usr/share/man/man1/express-report.1.gz';
const MAINTAINER = 'Express Report maintainers <express-report@example.com>';

/** The staged command, run on the staged runtime (so building also proves the staged app starts). */
function staged(stage: string, args: string[]): string {
  return execFileSync(join(stage, RUNTIME), [join(stage, APP, 'bin', 'express-report.mjs'), '--lang', 'en', ...args], {
    encoding: 'utf8',
    env: { ...process.env, EXPRESS_REPORT_BUNDLED: '1' },
  });
}

/** The config folder exactly as `init` writes it (modes included); the key pair it also makes is thrown away. */
export async function stageConfig(stage: string): Promise<string[]> {
  await mkdir(join(stage, 'etc'), { recursive: true, mode: 0o755 });
  await chmod(join(stage, 'etc'), 0o755); // init makes missing parents 0700, as it makes the config folder
  const state = await mkdtemp(join(tmpdir(), 'er-dist-state-'));
  try {
    staged(stage, ['--config-dir', join(stage, CONFIG), '--state-dir', state, 'init']);
  } finally {
    await rm(state, { recursive: true, force: true });
  }
  // The format stamp is the folder's, not a setting: postinst's migrate writes it, so it is no conffile.
  await rm(join(stage, CONFIG, FORMAT_FILE), { force: true });
  const files = (await readdir(join(stage, CONFIG), { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  return files.map((e) => `/${relative(stage, join(e.parentPath, e.name))}`).sort();
}

/** roff for a block of --help text: shown as it is (no filling), with roff's special characters escaped. */
function roffLiteral(text: string): string {
  return text
    .split('\n')
    .map((l) =>
      l
        .replace(/\\/g, '\\e')
        .replace(/^([.'])/, '\\&$1')
        .replace(/-/g, '\\-'),
    )
    .join('\n');
}

/** express-report(1): the command's --help and each command's, as one page (the help is the reference). */
export function manPage(stage: string, version: string, date: string): Buffer {
  const top = staged(stage, ['--help']);
  const commands = [...top.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((m) => m[1]!).filter((c, i, all) => all.indexOf(c) === i);
  const parts = [
    `.TH EXPRESS\\-REPORT 1 "${date}" "express\\-report ${version}" "User Commands"`,
    '.SH NAME',
    'express\\-report \\- server call\\-home reporting: settings, definition files and the reporting service',
    '.SH SYNOPSIS',
    '.B express\\-report',
    '[\\fIoptions\\fR] \\fIcommand\\fR [\\fIargs\\fR]',
    '.SH DESCRIPTION',
    "The installed command works on the system service's folders, /etc/express\\-report and /var/lib/express\\-report,",
    'unless \\-\\-config\\-dir / \\-\\-state\\-dir or EXPRESS_REPORT_CONFIG_DIR / EXPRESS_REPORT_STATE_DIR say otherwise.',
    'The service runs as the systemd unit express\\-report.service; its log is in journalctl \\-u express\\-report.',
    '.PP',
    '.nf',
    roffLiteral(top.trimEnd()),
    '.fi',
    '.SH COMMANDS',
  ];
  for (const c of commands) {
    parts.push(`.SS ${c}`, '.nf', roffLiteral(staged(stage, [c, '--help']).trimEnd()), '.fi');
  }
  parts.push('.SH FILES', '.TP', '/etc/express\\-report', 'the config folder (conffiles)', '.TP', '/var/lib/express\\-report', 'the state folder (0700)');
  parts.push('.SH SEE ALSO', '.BR systemctl (1),', '.BR journalctl (1)');
  return gzipSync(`${parts.join('\n')}\n`, { level: 9 });
}

export function changelog(version: string, nodeVersion: string, date: string): Buffer {
  const text = [
    `express-report (${version}) unstable; urgency=medium`,
    '',
    `  * Server package of Express Report ${version}: the service as a systemd`,
    '    unit, the command line and serve (the settings window in a browser).',
    `  * Private Node.js runtime ${nodeVersion} (the build machine's) in`,
    "    /usr/lib/express-report/runtime/node: Debian 12's own nodejs is 18.x",
    '    and the product needs Node.js >= 20.19.',
    '',
    ` -- ${MAINTAINER}  ${date}`,
    '',
  ].join('\n');
  return gzipSync(text, { level: 9 });
}

async function filesUnder(dir: string): Promise<string[]> {
  const all = await readdir(dir, { recursive: true, withFileTypes: true });
  return all
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

export async function stageDebian(
  root: string,
  stage: string,
  o: { version: string; depends: string; conffiles: string[]; nodeVersion: string; date: string; manDate: string },
): Promise<void> {
  const res = join(root, 'resources', 'debian');
  await mkdir(join(stage, 'lib', 'systemd', 'system'), { recursive: true });
  await copyFile(join(res, 'express-report.service'), join(stage, UNIT));
  await chmod(join(stage, UNIT), 0o644);
  await mkdir(join(stage, DOC), { recursive: true });
  await copyFile(join(res, 'copyright'), join(stage, DOC, 'copyright'));
  // A version without a Debian revision is a native package, whose changelog Debian names changelog.gz.
  await writeFile(join(stage, DOC, o.version.includes('-') ? 'changelog.Debian.gz' : 'changelog.gz'), changelog(o.version, o.nodeVersion, o.date));
  await mkdir(join(stage, 'usr', 'share', 'lintian', 'overrides'), { recursive: true });
  await copyFile(join(res, 'lintian-overrides'), join(stage, 'usr', 'share', 'lintian', 'overrides', 'express-report'));
  await mkdir(join(stage, 'usr', 'share', 'man', 'man1'), { recursive: true });
  await writeFile(join(stage, MAN), manPage(stage, o.version, o.manDate));

  const debian = join(stage, 'DEBIAN');
  await mkdir(debian, { recursive: true });
  for (const s of ['preinst', 'postinst', 'prerm', 'postrm']) {
    const text = (await readFile(join(res, s), 'utf8')).replaceAll('#VERSION#', o.version);
    await writeFile(join(debian, s), text, { mode: 0o755 });
    await chmod(join(debian, s), 0o755);
  }
  await writeFile(join(debian, 'conffiles'), `${o.conffiles.join('\n')}\n`, { mode: 0o644 });

  const files = (await filesUnder(stage)).filter((f) => !f.startsWith('DEBIAN/'));
  const md5 = await Promise.all(
    files.map(
      async (f) =>
        `${createHash('md5')
          .update(await readFile(join(stage, f)))
          .digest('hex')}  ${f}`,
    ),
  );
  await writeFile(join(debian, 'md5sums'), `${md5.join('\n')}\n`, { mode: 0o644 });
  let bytes = 0;
  for (const f of files) bytes += (await stat(join(stage, f))).size;
  const control = [
    'Package: express-report',
    `Version: ${o.version}`,
    'Architecture: amd64',
    `Maintainer: ${MAINTAINER}`,
    `Installed-Size: ${Math.ceil(bytes / 1024)}`,
    `Depends: ${o.depends}`,
    'Section: admin',
    'Priority: optional',
    'Description: server call-home reporting service (Express Report)',
    ' Watches the server (systemd journal, syslog, the drop folder) and reports',
    ' failures and the configuration information to the support center over',
    ' HTTPS, mail, a modem or a manager, with the logs the definition files name.',
    ' .',
    ' Installs the service as the systemd unit express-report.service (config in',
    ' /etc/express-report, state in /var/lib/express-report), the command line',
    ' express-report and its browser settings window (express-report serve).',
    ' It ships its own Node.js runtime.',
    '',
  ].join('\n');
  await writeFile(join(debian, 'control'), control, { mode: 0o644 });
}

/** Depends: from the ELF files' libraries, by dpkg-shlibdeps (the maintained tool) against the installed shlibs. */
export async function shlibDepends(elfFiles: string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'er-shlibs-'));
  try {
    await mkdir(join(dir, 'debian'));
    await writeFile(join(dir, 'debian', 'control'), 'Source: express-report\n\nPackage: express-report\nArchitecture: amd64\n');
    const out = execFileSync('dpkg-shlibdeps', ['-O', ...elfFiles.map((f) => `-e${f}`)], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const m = /^shlibs:Depends=(.+)$/m.exec(out);
    if (!m) throw new Error(`dpkg-shlibdeps gave no Depends: ${out}`);
    return m[1]!.trim();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
