import { resolve } from 'node:path';
import { message } from '../../../shared/messages/problem.js';
import { type ActivationRequest, type TypedValues } from '../../../shared/host/api.js';
import { createHost } from '../../host-factory.js';
import { printProblems, say } from '../io.js';
import { type CliContext } from '../context.js';

export interface ActivateOptions {
  keyFile?: string;
  keyCode?: string;
  serverName?: string;
  deviceCode?: string;
  serial?: string;
  warranty?: string;
  replyMail?: string;
  comment?: string;
  service: 'express' | 'https';
  acceptHostNameMismatch?: boolean;
  reactivate?: boolean;
}

/**
 * `activate`: the setup utility without a display, through the same HostApi call as the wizard's 完了
 * (validation, re-activation confirmation and the key-file checks are the host's).
 */
export async function activateCommand(ctx: CliContext, o: ActivateOptions): Promise<number> {
  const values: TypedValues = {};
  const put = (k: keyof TypedValues, v: string | undefined) => {
    if (v !== undefined) values[k] = v;
  };
  put('activation.keyCode', o.keyCode);
  put('activation.replyMail', o.replyMail);
  put('machine.serverName', o.serverName);
  put('machine.deviceCode', o.deviceCode);
  put('machine.serialNumber', o.serial);
  put('machine.warrantyNumber', o.warranty);
  put('machine.comment', o.comment);
  const req: ActivationRequest = {
    method: o.keyFile !== undefined ? 'keyfile' : 'keycode',
    service: o.service,
    ...(o.keyFile !== undefined ? { keyFile: { path: resolve(o.keyFile) } } : {}),
    acceptHostNameMismatch: o.acceptHostNameMismatch === true,
    confirmReactivation: o.reactivate === true,
    values,
    optionDevices: [],
  };
  const host = await createHost(ctx, ctx.env);
  const r = await host.activate(req);
  if (!r.ok) {
    printProblems(ctx.io, r.problems);
    return 1;
  }
  say(ctx.io, message('ER_6004', { state: r.snapshot.settings['activation.state'], serverName: r.snapshot.settings['machine.serverName'] }));
  return 0;
}
