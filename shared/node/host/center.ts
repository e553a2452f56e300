/**
 * The maintenance center's addresses for a machine whose activation does not carry them (a key code, or a key file
 * without destinations): the manual says they are "set automatically". They are files shipped with the product in
 * resources/ — AMHTPADR.INF (the HTTPS service's destinations, the manual's format) and center-mail.ini (the mail
 * route's address) — which a distributor replaces with its center's. EXPRESS_REPORT_CENTER_DIR names a folder whose
 * files are used instead, file by file (a distributor's own folder; the tests' local receiver). On one machine,
 * 宛先の読み込み (and the mail dialog's 宛先) change them afterwards. docs/activation.md, "Where the destinations come from".
 */
import { join } from 'node:path';
import { decodeAdr, type AdrModel } from '../../inf/adr.js';
import { IniDocument } from '../../ini/document.js';
import { problem, type Problem } from '../../messages/problem.js';
import { isEmail } from '../../settings/charclass.js';
import { READ_LIMITS, readFileBounded } from '../bounded-read.js';
import { isCodedError } from '../coded-error.js';
import { decodeText } from '../encoding.js';

export const CENTER_DIR_ENV = 'EXPRESS_REPORT_CENTER_DIR';
export const CENTER_ADR_FILE = 'AMHTPADR.INF';
export const CENTER_MAIL_FILE = 'center-mail.ini';

export interface CenterDestinations {
  /** The HTTPS service's destinations (URL1, URL2 when the file has one). */
  adr: AdrModel;
  /** The mail route's destination address. */
  mailTo: string;
  /** The files they were read from. */
  files: { adr: string; mail: string };
}

export type CenterRead = { ok: true; center: CenterDestinations } | { ok: false; problems: Problem[] };

/** The file's text from the first folder that has it (the override first), or a coded reason. */
async function firstText(dirs: readonly string[], name: string): Promise<{ ok: true; path: string; text: string } | { ok: false; problem: Problem }> {
  for (const dir of dirs) {
    const path = join(dir, name);
    try {
      const bytes = await readFileBounded(path, READ_LIMITS.keyFile);
      if (bytes) return { ok: true, path, text: decodeText(bytes, path).text };
    } catch (e) {
      return { ok: false, problem: problem('ER_3082', { path, reason: isCodedError(e) ? e.problem.message : String(e) }) };
    }
  }
  const path = join(dirs.at(-1)!, name);
  return { ok: false, problem: problem('ER_3082', { path, reason: { ja: 'ファイルがありません', en: 'the file does not exist' } }) };
}

export async function loadCenterDestinations(resourcesDir: string, env: Readonly<Record<string, string | undefined>> = {}): Promise<CenterRead> {
  const override = env[CENTER_DIR_ENV]?.trim();
  const dirs = override ? [override, resourcesDir] : [resourcesDir];
  const adrText = await firstText(dirs, CENTER_ADR_FILE);
  const mailText = await firstText(dirs, CENTER_MAIL_FILE);
  const problems: Problem[] = [];
  if (!adrText.ok) problems.push(adrText.problem);
  if (!mailText.ok) problems.push(mailText.problem);
  if (!adrText.ok || !mailText.ok) return { ok: false, problems };
  // A broken shipped file is named with its line (ER_4xxx), as any AMHTPADR.INF is.
  const adr = decodeAdr(IniDocument.parse(adrText.text), adrText.path);
  problems.push(...adr.problems.filter((p) => p.severity === 'error'));
  const to = IniDocument.parse(mailText.text).get('Mail', 'To');
  const mailTo = to?.rawValue.trim() ?? '';
  if (!isEmail(mailTo)) {
    const reason = { ja: `[Mail] To= にメールアドレスがありません(${mailTo || '空'})`, en: `[Mail] To= holds no e-mail address (${mailTo || 'empty'})` };
    problems.push(problem('ER_3082', { path: mailText.path, reason }, { file: mailText.path, line: to?.line ?? 1 }));
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, center: { adr: adr.model, mailTo, files: { adr: adrText.path, mail: mailText.path } } };
}
