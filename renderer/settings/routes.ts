/** The notification methods (通報手段) and the rule that Express and Express (HTTPS) are never enabled together. */
import { text, type LocalizedText } from '../../shared/messages/text.js';
import { message } from '../../shared/messages/problem.js';
import { type Settings } from '../../shared/settings/schema.js';

export type Route = Settings['express.route'];
export type ExpressRoute = 'mail' | 'dialup' | 'manager';
export const EXPRESS_ROUTES: readonly ExpressRoute[] = ['mail', 'dialup', 'manager'];

export const isExpressRoute = (r: string | undefined): r is ExpressRoute => EXPRESS_ROUTES.includes(r as ExpressRoute);

export const METHOD_NAMES = {
  express: text('エクスプレス通報サービス', 'Express Report Service'),
  https: text('エクスプレス通報サービス(HTTPS)', 'Express Report Service (HTTPS)'),
  relayExpress: text('マネージャからのエクスプレス通報', 'Express report from the manager'),
  relayHttps: text('マネージャからのエクスプレス通報(HTTPS)', 'Express report from the manager (HTTPS)'),
} as const;

/** ER_3019 when switching to `wanted` would enable Express and Express (HTTPS) together (the other one is on). */
export function exclusionMessage(saved: string | undefined, wanted: Route): LocalizedText | undefined {
  if (wanted === 'https' && isExpressRoute(saved)) return message('ER_3019', { other: METHOD_NAMES.express });
  if (isExpressRoute(wanted) && saved === 'https') return message('ER_3019', { other: METHOD_NAMES.https });
  return undefined;
}

/** The route Express takes when it is switched on in the list: the one whose settings are filled in, else e-mail. */
export function likelyRoute(s: Settings | undefined): ExpressRoute {
  if (!s) return 'mail';
  if (s['mail.smtp.host'] !== '') return 'mail';
  if (s['dialup.primary.number'] !== '') return 'dialup';
  if (s['manager.host'] !== '') return 'manager';
  return 'mail';
}

export const ENABLE_QUESTION = text('この通報手段を有効にしますか?', 'Enable this notification method?');
