/**
 * Which managers a report goes to, from the settings: `express.route = manager` uses manager.*, Express (HTTPS) with
 * `https.via = manager` uses https.manager.* (manual 4.3.3 and 4.2.2). The secondary manager (beyond the original) is
 * tried when the primary does not answer; a test or activation notification goes to the one its target names.
 */
import { type Config } from '../../../shared/config/model.js';
import { problem, type Problem } from '../../../shared/messages/problem.js';
import { type LocalizedText } from '../../../shared/messages/text.js';

export type RelayPort = 'express' | 'https';

export interface ManagerPeer {
  which: 'primary' | 'secondary';
  host: string;
  port: number;
  /** `マネージャ host:port` / `manager host:port`, as messages and the outcome's detail name it. */
  label: LocalizedText;
}

/** host:port, an IPv6 address in brackets. */
export const hostPort = (host: string, port: number): string => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

export function managerPeer(which: 'primary' | 'secondary', host: string, port: number): ManagerPeer {
  const at = hostPort(host, port);
  const label = which === 'primary' ? { ja: `マネージャ ${at} `, en: `manager ${at}` } : { ja: `予備のマネージャ ${at} `, en: `secondary manager ${at}` };
  return { which, host, port, label };
}

const KEYS = {
  express: { host: 'manager.host', port: 'manager.port', secondaryHost: 'manager.secondary.host', secondaryPort: 'manager.secondary.port' },
  https: {
    host: 'https.manager.host',
    port: 'https.manager.port',
    secondaryHost: 'https.manager.secondary.host',
    secondaryPort: 'https.manager.secondary.port',
  },
} as const;

/** The managers to try, in order; a missing address is a settings problem (not retried until someone sets it). */
export function managersFor(c: Config, via: RelayPort, target?: 'primary' | 'secondary'): { ok: true; peers: ManagerPeer[] } | { ok: false; problem: Problem } {
  const k = KEYS[via];
  const s = c.settings;
  const primary = s[k.host] === '' ? undefined : managerPeer('primary', s[k.host], s[k.port]);
  const secondary = s[k.secondaryHost] === '' ? undefined : managerPeer('secondary', s[k.secondaryHost], s[k.secondaryPort]);
  if (target === 'secondary') return secondary ? { ok: true, peers: [secondary] } : { ok: false, problem: problem('ER_2310', {}, { field: k.secondaryHost }) };
  if (!primary) return { ok: false, problem: problem('ER_2311', {}, { field: k.host }) };
  return { ok: true, peers: target === 'primary' || !secondary ? [primary] : [primary, secondary] };
}
