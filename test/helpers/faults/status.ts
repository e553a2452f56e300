/**
 * The running service's status straight over its local API (the client `express-report status` uses), so a test can
 * poll it often without starting a command-line process each time.
 */
import { type ServiceStatus } from '../../../shared/host/service-types.js';
import { ServiceClient } from '../../../shared/node/service-client.js';

export async function serviceStatus(stateDir: string): Promise<ServiceStatus> {
  return (await ServiceClient.connect(stateDir)).status();
}

/** The waiting or finished report with this id as status lists it. */
export async function reportIn(stateDir: string, id: string): Promise<NonNullable<ServiceStatus['reports']>[number] | undefined> {
  return (await serviceStatus(stateDir)).reports?.find((r) => r.id === id);
}
