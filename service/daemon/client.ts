/** The command line's (and the desktop app's) way to the running service: moved to shared/node so electron/ can use it. */
export { ServiceClient } from '../../shared/node/service-client.js';
