/**
 * `<state>/activation-notified`: left by a successful 開局通報 (notify.ts, in whichever process sent it) until the service
 * has queued the configuration information that follows it (daemon/service.ts, docs/event-sources.md).
 *
 * The configuration information is queued by the service and sent with the settings the service uses, the saved ones.
 * A 開局通報 sent from a route dialog before its OK (the manual's order: テスト通報, 開局通報, then OK) went with the
 * dialog's values, which are not saved yet at that moment: queued at once, the configuration information would go by the
 * old route, destinations or proxy (it failed and then waited the retry interval, or was not sent at all when no route
 * was enabled yet). Such a marker says so (`untilSaved`), and the service waits for the next change of the settings
 * beyond the 開局通報's own state write (the dialog's OK), or for its own next start.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Config } from '../../shared/config/model.js';
import { type ConfigOverride } from '../../shared/config/override.js';
import { writeFileAtomic } from '../../shared/node/atomic-write.js';
import { recordFormat, stamped } from '../../shared/node/formats/format.js';

export const activationMarker = (stateDir: string): string => join(stateDir, 'activation-notified');

export interface ActivationMarker {
  at: string;
  /** Sent with a dialog's values that differ from the saved settings: wait for them to be saved. */
  untilSaved: boolean;
}

export async function writeActivationMarker(stateDir: string, m: ActivationMarker): Promise<void> {
  await writeFileAtomic(activationMarker(stateDir), `${JSON.stringify(stamped(m))}\n`, { mode: 0o600 });
}

/** The marker, or undefined when there is none. An older version wrote the time alone: it waits for nothing. */
export async function readActivationMarker(stateDir: string): Promise<ActivationMarker | undefined> {
  let text: string;
  try {
    text = await readFile(activationMarker(stateDir), 'utf8');
  } catch {
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { at: text.trim(), untilSaved: false };
  }
  recordFormat(json, activationMarker(stateDir)); // a newer program's marker: ER_8101
  const m = (typeof json === 'object' && json !== null ? json : {}) as Partial<ActivationMarker>;
  return { at: typeof m.at === 'string' ? m.at : typeof json === 'string' ? json : '', untilSaved: m.untilSaved === true };
}

/** Whether the dialog's values (`o`, applied to `saved` as `sent`) differ from the saved settings or destinations. */
export function overrideDiffers(saved: Config, sent: Config, o: ConfigOverride | undefined): boolean {
  if (!o) return false;
  const differs = (a: unknown, b: unknown): boolean => JSON.stringify(a) !== JSON.stringify(b);
  const keys = Object.keys(o.values) as Array<keyof Config['settings']>;
  return keys.some((k) => differs(saved.settings[k], sent.settings[k])) || (o.destinations !== undefined && differs(saved.inf.adr, sent.inf.adr));
}

/** Whether a change of the config is only the lifecycle's own write (activation.state), nothing a dialog saves. */
export function onlyStateChanged(before: Config, after: Config): boolean {
  const rest = (c: Config): string => JSON.stringify({ ...c, settings: { ...c.settings, 'activation.state': '' } });
  return rest(before) === rest(after);
}
