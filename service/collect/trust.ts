/**
 * Whether a file may steer what the service runs as root: the definition file (AMHTPLOG.INF / AMHTPHBI.INF) and each
 * command. Like OpenSSH's StrictModes, a file is trusted only when nobody but root can change it or swap it:
 *  - the file is a regular file owned by a trusted uid, not writable by its group or others;
 *  - every folder above it (on the path as written and on the resolved path) is owned by a trusted uid and not writable
 *    by group or others, except a sticky folder such as /tmp (others cannot remove or rename what they do not own);
 *  - every symbolic link on the path as written is owned by a trusted uid.
 * Trusted uids: root and the service's own user (the same thing in production; a service running as a user gains
 * nothing from commands that user could run anyway).
 * Windows has ACLs, not modes: not checked here (the caller notes ER_4305; docs/log-collection.md gives the rule).
 */
import { lstat, realpath, stat } from 'node:fs/promises';
import { type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type LocalizedText } from '../../shared/messages/text.js';

export interface TrustOptions {
  /** Owners accepted; default root and the service's own uid. */
  trustedUids?: readonly number[];
  /** For tests; default process.platform. */
  platform?: NodeJS.Platform;
  /** 'folder': a working folder (Directory=), judged as a folder; default a regular file. */
  kind?: 'file' | 'folder';
}

export type Trust =
  /**
   * `real`: the path with every link resolved, every part of it judged. Use it, not the path as written: a link in the
   * middle of a chain could be switched between this check and the use (it is re-resolved at each use).
   */
  | { ok: true; real: string }
  /** Windows: no check made. */
  | { ok: 'unchecked' }
  /** `missing`: the file (or a folder above it) does not exist. */
  | { ok: false; reason: LocalizedText; missing: boolean };

const WRITABLE_BY_OTHERS = 0o022;
const STICKY = 0o1000;
const octal = (mode: number): string => `0${(mode & 0o7777).toString(8)}`;

const owner = (path: string, uid: number): LocalizedText => ({
  ja: `${path} の所有者が root ではない(uid ${uid})`,
  en: `${path} is owned by uid ${uid}, not root`,
});
const writable = (path: string, mode: number): LocalizedText => ({
  ja: `${path} にグループまたは他のユーザーの書き込み権がある(モード ${octal(mode)})`,
  en: `${path} is writable by its group or by others (mode ${octal(mode)})`,
});
const notRegular = (path: string): LocalizedText => ({ ja: `${path} が通常のファイルではない`, en: `${path} is not a regular file` });
const notFolder = (path: string): LocalizedText => ({ ja: `${path} がフォルダーではない`, en: `${path} is not a folder` });
const unreadable = (path: string, code: string): LocalizedText => ({ ja: `${path} を確認できない(${code})`, en: `${path} cannot be examined (${code})` });

export function defaultTrustedUids(): number[] {
  const own = process.getuid?.();
  return own === undefined || own === 0 ? [0] : [0, own];
}

/** The folders above `path`, nearest first, ending with the root. */
function ancestors(path: string): string[] {
  const out: string[] = [];
  for (let d = dirname(path); ; d = dirname(d)) {
    out.push(d);
    if (dirname(d) === d) return out;
  }
}

/** `path` and the paths above it, root first (each may be a link). */
function prefixes(path: string): string[] {
  return [...ancestors(path).reverse(), path].filter((p) => dirname(p) !== p);
}

export async function checkTrusted(path: string, o: TrustOptions = {}): Promise<Trust> {
  if ((o.platform ?? process.platform) === 'win32') return { ok: 'unchecked' };
  const uids = new Set(o.trustedUids ?? defaultTrustedUids());
  const literal = resolve(path);
  let at = literal;
  try {
    for (const p of prefixes(literal)) {
      at = p;
      const l = await lstat(p);
      if (l.isSymbolicLink() && !uids.has(l.uid)) return refuse(owner(p, l.uid));
    }
    const real = await realpath(literal);
    at = real;
    const folder = o.kind === 'folder';
    const file = await stat(real);
    if (folder ? !file.isDirectory() : !file.isFile()) return refuse(folder ? notFolder(literal) : notRegular(literal));
    const fileProblem = judge(literal, file, uids, folder);
    if (fileProblem) return refuse(fileProblem);
    for (const dir of new Set([...ancestors(literal), ...ancestors(real)])) {
      at = dir;
      const problem = judge(dir, await stat(dir), uids, true);
      if (problem) return refuse(problem);
    }
    return { ok: true, real };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return { ok: false, reason: unreadable(at, code), missing: code === 'ENOENT' || code === 'ENOTDIR' };
  }
}

function refuse(reason: LocalizedText): Trust {
  return { ok: false, reason, missing: false };
}

function judge(path: string, st: Stats, uids: ReadonlySet<number>, folder: boolean): LocalizedText | undefined {
  if (!uids.has(st.uid)) return owner(path, st.uid);
  const stickyFolder = folder && (st.mode & STICKY) !== 0;
  if ((st.mode & WRITABLE_BY_OTHERS) !== 0 && !stickyFolder) return writable(path, st.mode);
  return undefined;
}
