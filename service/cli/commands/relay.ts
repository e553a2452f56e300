/**
 * `relay agents [--json]`: the agents that reported to this manager (docs/relay.md), asked of the running service: one
 * line each, by identity (device code and serial number), with its server name, addresses, last report, counts, and
 * flags (silent for over 35 days, claimed by two machines), then its last problem. What the agents sent is shown
 * through printable(): an agent's server name must not write escape sequences to the terminal.
 */
import { ServiceClient } from '../../../shared/node/service-client.js';
import { message } from '../../../shared/messages/problem.js';
import { printable } from '../../../shared/messages/printable.js';
import { type RelayAgent } from '../../../shared/host/service-types.js';
import { say } from '../io.js';
import { type CliContext } from '../context.js';

export async function relayAgentsCommand(ctx: CliContext, o: { json?: boolean }): Promise<number> {
  const agents = await (await ServiceClient.connect(ctx.stateDir)).relayAgents();
  if (o.json) {
    ctx.io.out(JSON.stringify(agents, null, 2));
    return 0;
  }
  if (agents.length === 0) {
    say(ctx.io, message('ER_6715'));
    return 0;
  }
  for (const a of agents) ctx.io.out(agentLine(a, ctx.io.lang === 'ja'));
  return 0;
}

function agentLine(a: RelayAgent, ja: boolean): string {
  const flags = [
    a.silent ? (ja ? '35 日以上通報なし' : 'silent > 35 days') : '',
    a.conflict ? (ja ? '複数の装置が名乗っています' : 'claimed by two machines') : '',
  ]
    .filter(Boolean)
    .join(', ');
  const counts = ja ? `受信 ${a.received} 転送 ${a.forwarded} 転送待ち ${a.waiting}` : `received ${a.received} forwarded ${a.forwarded} waiting ${a.waiting}`;
  const problem = a.lastProblem ? `  ${a.lastProblem.code} ${a.lastProblem.message[ja ? 'ja' : 'en']}` : '';
  return printable(
    `${a.identity}  ${a.serverName}  ${a.addresses.join(',')}  ${ja ? '最終' : 'last'} ${a.lastSeen}  ${counts}${flags ? `  [${flags}]` : ''}${problem}`,
  );
}
