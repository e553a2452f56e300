/** The machine a report is about, as every report made here names it (failure, heartbeat, test, activation, 保守中). */
import { type ReportMachine } from '../../shared/report/model.js';
import { type Settings } from '../../shared/settings/schema.js';

export function machineOf(s: Settings): ReportMachine {
  return {
    serverName: s['machine.serverName'],
    deviceCode: s['machine.deviceCode'],
    serialNumber: s['machine.serialNumber'],
    userSystemCode: s['activation.userSystemCode'],
  };
}
