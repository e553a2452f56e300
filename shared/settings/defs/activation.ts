import { activationStateDefs } from './activation-state.js';
import { customerDefs } from './activation-customer.js';
import { machineDefs } from './activation-machine.js';
import { dealerDefs } from './activation-dealer.js';

/**
 * activation.ini: the activation state and what the setup utility's pages collect (docs/design.md section 8.1), one
 * file per section. This order is the order of the keys in activation.ini and in the settings list.
 */
export const activationDefs = [...activationStateDefs, ...customerDefs, ...machineDefs, ...dealerDefs] as const;
