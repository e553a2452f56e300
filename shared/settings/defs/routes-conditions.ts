/** When a route's settings in routes.ini count: the conditions that more than one section's file uses. */
import { is, isOn, all, type Condition } from '../define.js';

/** Any of the conditions holds. */
export const either =
  (...cs: Condition[]): Condition =>
  (s) =>
    cs.some((c) => c(s));
/**
 * A manager forwards agents' reports over routes of its own (docs/relay.md "Forwarding"): a route's settings count when
 * the manager uses it for its own reports OR forwards over it, so they are checked before any agent relies on them.
 */
const forwardsBy = (route: 'mail' | 'dialup'): Condition => all(isOn('relay.express.enabled'), is('relay.express.forward', route));
export const mail = either(is('express.route', 'mail'), forwardsBy('mail'));
export const dialup = either(is('express.route', 'dialup'), forwardsBy('dialup'));
/** HTTPS straight to the center: the manager's own (not through a manager) or the relay of 31138's forwarding. */
export const httpsDirect = either(
  all(is('express.route', 'https'), (s) => s.get('https.via') !== 'manager'),
  isOn('relay.https.enabled'),
);
