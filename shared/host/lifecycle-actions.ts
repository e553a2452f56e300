/**
 * When サービスの終了 and サービス有効期限の変更 may be used (the manual's chapter 5): サービスの終了 once the service has
 * started (運用中: after the activation notification), サービス有効期限の変更 only after it has ended. One rule for the
 * ツール menu (disabled, with this reason) and the host (refused with the same coded message), so neither can drift.
 */
import { problem, type Problem } from '../messages/problem.js';
import { settingDef } from '../settings/schema.js';
import { type Settings } from '../settings/schema.js';
import { type LocalizedText } from '../messages/text.js';

type State = Settings['activation.state'];

/** The state as the state bar names it (運用中, サービス終了 ...). */
export function stateLabel(state: string): LocalizedText {
  const def = settingDef('activation.state');
  return (def?.kind === 'enum' ? def.choiceLabels?.[state] : undefined) ?? { ja: state, en: state };
}

/**
 * Started: 運用中. A machine paused for maintenance has started too (the pause is an overlay on 運用中; a legacy
 * `paused` state counts as started).
 */
const STARTED: ReadonlySet<string> = new Set<State>(['active', 'paused']);

/** Why サービスの終了 cannot be used now (ER_3080), or undefined when it can. */
export function endServiceRefusal(state: string): Problem | undefined {
  return STARTED.has(state) ? undefined : problem('ER_3080', { state: stateLabel(state) }, { field: 'activation.state' });
}

/** Why サービス有効期限の変更 cannot be used now (ER_3081), or undefined when it can. */
export function extendExpiryRefusal(state: string): Problem | undefined {
  return state === 'ended' ? undefined : problem('ER_3081', { state: stateLabel(state) }, { field: 'activation.state' });
}
