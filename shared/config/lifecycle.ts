/**
 * Who may change the lifecycle state (activation.state), and to what (docs/activation.md, "What changes the state").
 * Only these operations do: activation (→ configured), a successful テスト通報 (configured → tested), the 開局通報
 * (tested → active), サービスの終了 (active → ended), the renewal (ended → active), and the one-time migration of an
 * older version's `paused` (→ active, with the maintenance overlay). Every other write of the config folder — `config
 * set`, HostApi saveSettings, 設定情報の変更 — keeps the state as it is: the config store refuses it (ER_3090), so no
 * shortcut skips the rule that a test comes first. The maintenance pause is an overlay, not a state (shared/host/maintenance.ts).
 */
import { problem, type Problem } from '../messages/problem.js';
import { type Settings } from '../settings/schema.js';

export type LifecycleState = Settings['activation.state'];

export type LifecycleChange = 'activation' | 'test' | 'activation-notification' | 'end' | 'renewal' | 'legacy-pause';

/** Each operation's only target, and the states it may start from (undefined: any). */
const RULES: Record<LifecycleChange, { to: LifecycleState; from?: readonly LifecycleState[] }> = {
  activation: { to: 'configured' },
  test: { to: 'tested', from: ['configured'] },
  'activation-notification': { to: 'active', from: ['tested', 'active'] },
  end: { to: 'ended', from: ['active', 'paused'] },
  renewal: { to: 'active', from: ['ended'] },
  'legacy-pause': { to: 'active', from: ['paused'] },
};

/** Why changing the state from `from` to `to` by `change` is refused (ER_3090), or undefined when it is one of the rules. */
export function stateChangeRefusal(from: LifecycleState, to: LifecycleState, change: LifecycleChange | undefined): Problem | undefined {
  if (from === to) return undefined;
  const rule = change ? RULES[change] : undefined;
  if (rule && rule.to === to && (!rule.from || rule.from.includes(from))) return undefined;
  return problem('ER_3090', {}, { field: 'activation.state', file: 'activation.ini' });
}
