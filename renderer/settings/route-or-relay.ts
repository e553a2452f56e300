/**
 * The mail and dial-up dialogs serve twice: as this machine's route, and (`relay`) as the manager's forwarding of its
 * agents' reports over that route. The relay form has no express.route (the manager's own route is not switched) and
 * its OK only saves; the route form's OK is the route dialogs' (route-ok.ts).
 */
import { type TypedValues } from '../../shared/host/api.js';
import { type SettingKey } from '../../shared/settings/schema.js';
import { useApp } from '../store-context.js';
import { type DialogId } from '../store.js';
import { ROUTE_KEY } from './route-ok.js';
import { useRouteDialog, type RouteDialog } from './use-route-dialog.js';

type Forwarding = 'mail' | 'dialup';

export interface RouteOrRelayKeys {
  route: Forwarding;
  keys: readonly SettingKey[];
  assume: TypedValues;
  relayKeys: readonly SettingKey[];
  relayAssume: TypedValues;
}

/** Module-level, once per dialog: useDialogForm wants constant keys. `keys` without express.route. */
export function routeOrRelayKeys(route: Forwarding, keys: readonly SettingKey[]): RouteOrRelayKeys {
  return {
    route,
    keys: [ROUTE_KEY, ...keys],
    assume: { 'express.route': route },
    relayKeys: keys,
    relayAssume: { 'relay.express.enabled': 'on', 'relay.express.forward': route },
  };
}

export function useRouteOrRelayDialog(k: RouteOrRelayKeys, relay: boolean): RouteDialog {
  const close = useApp((s) => s.close);
  const id: DialogId = relay ? `relay-${k.route}` : k.route;
  const dialog = useRouteDialog(id, k.route, relay ? k.relayKeys : k.keys, relay ? k.relayAssume : k.assume);
  if (!relay) return dialog;
  return { ...dialog, ok: async () => void ((await dialog.form.save()) && close(id)) };
}
