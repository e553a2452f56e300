/**
 * The windowLoad reply `serve` put into the page (shared/host/first-answer.ts), used once in place of the first
 * windowLoad call: the window has its data when the bundle runs instead of asking after evaluating it. It is the same
 * HostReply the bridge would answer, so host-client checks it the same way. Absent (Electron, a reload): the call goes out.
 */
import { type HostBridge } from '../shared/host/bridge.js';
import { FIRST_ANSWER_ID } from '../shared/host/first-answer.js';

export function withFirstAnswer(bridge: HostBridge, doc: Document = document): HostBridge {
  const element = doc.getElementById(FIRST_ANSWER_ID);
  element?.remove();
  let kept: unknown;
  try {
    kept = element?.textContent ? (JSON.parse(element.textContent) as unknown) : undefined;
  } catch {
    kept = undefined; // a damaged page: ask the host instead
  }
  return {
    invoke(method, arg) {
      if (method === 'windowLoad' && kept !== undefined) {
        const reply = kept;
        kept = undefined;
        return Promise.resolve(reply);
      }
      return bridge.invoke(method, arg);
    },
  };
}
