import { expressRouteDefs } from './routes-express.js';
import { mailDefs } from './routes-mail.js';
import { smtpAuthDefs } from './routes-smtp-auth.js';
import { popBeforeSmtpDefs } from './routes-pop-before-smtp.js';
import { dialupDefs } from './routes-dialup.js';
import { managerDefs } from './routes-manager.js';
import { httpsManagerDefs } from './routes-https-manager.js';
import { httpsDefs } from './routes-https.js';
import { remoteAccessDefs } from './routes-remote-access.js';
import { suppressionDefs } from './routes-suppression.js';
import { relayDefs } from './routes-relay.js';
import { relayGuardDefs } from './routes-relay-guards.js';

/**
 * routes.ini: the notification method and each route's settings (docs/design.md section 8.2), one file per section.
 * This order is the order of the keys in routes.ini and in the settings list.
 */
export const routeDefs = [
  ...expressRouteDefs,
  ...mailDefs,
  ...smtpAuthDefs,
  ...popBeforeSmtpDefs,
  ...dialupDefs,
  ...managerDefs,
  ...httpsManagerDefs,
  ...httpsDefs,
  ...remoteAccessDefs,
  ...suppressionDefs,
  ...relayDefs,
  ...relayGuardDefs,
] as const;
