/**
 * Who may read which file of the config folder (issue 11: activation.ini with the customer's name, address, phone and
 * e-mail was 0644 in a 0755 folder, readable by every local user). docs/config-folder.md, "File modes".
 *
 * - A file holding personal data or a sealed secret is 0600, forced on every write (an older, wider file is tightened).
 * - The other files (schedule.ini, the definition files in WebReprt/) keep their own mode; new ones are 0644.
 * - A folder we create is 0700: only its owner (the person whose settings window edits it) and root (the service)
 *   need it. An existing folder keeps its mode: the file modes above are what protects the data.
 */
import { settingDefs } from '../settings/schema.js';
import { type WriteOptions } from './atomic-write.js';

export const CONFIG_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;
export const PUBLIC_FILE_MODE = 0o644;

/**
 * Files whose settings name or reach a person: activation.ini (the customer's and the dealer's names, address, phone,
 * e-mail; the reply address). Files holding a secret are added from the definitions, so a new secret cannot be missed.
 */
const PERSONAL_DATA_FILES: ReadonlySet<string> = new Set(['activation.ini']);

export function isPrivateConfigFile(rel: string): boolean {
  return PERSONAL_DATA_FILES.has(rel) || settingDefs.some((d) => d.file === rel && d.kind === 'secret');
}

/** How the config store writes `rel` (relative to the config folder): its mode, and the owner it keeps (see keepOwner). */
export function configWriteOptions(rel: string): Pick<WriteOptions, 'mode' | 'forceMode' | 'keepOwner'> {
  return isPrivateConfigFile(rel) ? { mode: PRIVATE_FILE_MODE, forceMode: true, keepOwner: true } : { mode: PUBLIC_FILE_MODE, keepOwner: true };
}
