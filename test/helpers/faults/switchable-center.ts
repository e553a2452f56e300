/**
 * A center (startCenter) that can be made busy: while `up` is false every report is answered 503 'center busy'; it
 * counts the reports it took (200), so a test can say each was delivered once.
 */
import { startCenter, type Center } from '../service-process.js';

export interface SwitchableCenter extends Center {
  up: boolean;
  /** How many times the center took the report with this id. */
  delivered(id: string): number;
}

export async function startSwitchableCenter(dir: string): Promise<SwitchableCenter> {
  let up = true;
  const accepts: string[] = [];
  const { receiver, caFile } = await startCenter(dir, (r) => {
    if (!up) return { status: 503, body: 'center busy' };
    accepts.push(r.reportId ?? '');
    return { status: 200, body: 'ok' };
  });
  return {
    receiver,
    caFile,
    get up() {
      return up;
    },
    set up(v: boolean) {
      up = v;
    },
    delivered: (id) => accepts.filter((a) => a === id).length,
  };
}
