/**
 * テスト通報 and 開局通報 (docs/design.md section 8.3): sent at once over the route (not queued), so the person at the window or
 * the command line sees the result. A successful test makes the state 'tested'; the activation notification is allowed
 * only after that, and its success starts the service ('active'). Primary first; the secondary only when asked.
 */
import { ConfigStore } from '../../shared/node/config-store.js';
import { ensureServiceKey, loadPrivateKey, openSealed } from '../../shared/node/secrets.js';
import { isError, problem } from '../../shared/messages/problem.js';
import { type Report } from '../../shared/report/model.js';
import { type NotifyRequest, type NotifyResult } from '../../shared/host/service-types.js';
import { budgetMs, buildRoutes, centerCertificateIn } from '../routes/registry.js';
import { applyOverride } from '../../shared/config/override.js';
import { recordTested } from '../../shared/node/tested-record.js';
import { readMaintenance } from '../../shared/node/maintenance-file.js';
import { machineOf } from '../intake/machine.js';
import { overrideDiffers, writeActivationMarker } from './activation-marker.js';

const DEFINITION_FILES = ['WebReprt/AMHTPLOG.INF', 'WebReprt/AMHTPHBI.INF'];

/** Where the test result goes: by mail (the given address, else the default one) or by fax (the registered number). */
function resultTo(req: NotifyRequest, fallback: string): Pick<Report, 'resultMail' | 'resultVia'> {
  return req.resultVia === 'fax' ? { resultVia: 'fax' } : { resultMail: req.resultMail ?? fallback };
}

export async function notify(dirs: { configDir: string; stateDir: string }, req: NotifyRequest): Promise<NotifyResult> {
  const store = await ConfigStore.open(dirs.configDir);
  // A route dialog's values before OK (shared/config/override.ts): sent with, never written.
  const applied = req.override ? applyOverride(store.config, req.override) : { ok: true as const, config: store.config };
  if (!applied.ok) return { ok: false, problems: applied.problems };
  const c = applied.config;
  const s = c.settings;
  const state = s['activation.state'];
  if (state === 'not-activated' || state === 'ended') return { ok: false, problems: [problem('ER_3051', {}, { field: 'activation.state' })] };
  if (req.kind === 'activation' && state === 'configured') return { ok: false, problems: [problem('ER_3052', {}, { field: 'activation.state' })] };
  // 保守中: no connection is made, a notification neither (docs/delivery.md, "Maintenance pause").
  const paused = (await readMaintenance(dirs.stateDir)).overlay;
  if (paused) return { ok: false, problems: [problem('ER_3098', { until: paused.until ?? '-' })] };
  if (req.kind === 'activation' && !req.ignoreDefinitionErrors) {
    const bad = store.problems.filter((p) => isError(p) && DEFINITION_FILES.includes(p.file ?? ''));
    if (bad.length > 0) return { ok: false, problems: [...bad, problem('ER_5002', { count: bad.length })] };
  }
  const route = buildRoutes({ centerCertificate: centerCertificateIn(dirs.configDir) })[s['express.route']];
  if (!route) return { ok: false, problems: [problem('ER_2105', { route: s['express.route'] }, { field: 'express.route' })] };
  // A folder set up by the window alone (no `init`) has no service key yet, and then no sealed secret either.
  await ensureServiceKey(dirs.stateDir);
  const key = await loadPrivateKey(dirs.stateDir);
  const report: Report = {
    id: crypto.randomUUID(),
    kind: req.kind,
    createdAt: new Date().toISOString(),
    count: 1,
    target: req.target ?? 'primary',
    // 到達確認テスト: the agent's user system code (or OPFILELESS) instead of this machine's (docs/relay.md).
    machine: { ...machineOf(s), ...(req.kind === 'test' && req.userSystemCode ? { userSystemCode: req.userSystemCode } : {}) },
    ...(req.kind === 'test' ? resultTo(req, s['customer.email'] || s['activation.replyMail']) : {}),
  };
  const outcome = await route.send(report, {
    config: c,
    openSecret: (sealed) => (sealed === '' ? '' : openSealed(sealed, key)),
    signal: AbortSignal.timeout(budgetMs(c)),
  });
  if (!outcome.ok) return { ok: false, problems: [outcome.problem] };
  const next = req.kind === 'activation' ? 'active' : state === 'configured' ? 'tested' : state;
  // Before the state changes: the service, seeing 'active', sends the configuration information once (daemon/service.ts); after
  // the dialog's OK when this went with values not saved yet (./activation-marker.ts).
  if (req.kind === 'activation') {
    await writeActivationMarker(dirs.stateDir, { at: new Date().toISOString(), untilSaved: overrideDiffers(store.config, c, req.override) });
  }
  // Only the state is written (to the config as saved, not the override); a test records what it proved (変更後未テスト).
  if (next !== state) {
    await store.save(
      { ...store.config, settings: { ...store.config.settings, 'activation.state': next } },
      { lifecycle: req.kind === 'activation' ? 'activation-notification' : 'test' },
    );
  }
  // The report was delivered: a record that cannot be written leaves 変更後未テスト showing, on the safe side.
  if (req.kind === 'test') await recordTested(dirs, c).catch(() => undefined);
  // Through a manager: its words on how it forwarded (the center's answer), and whether a result mail comes.
  return {
    ok: true,
    detail: outcome.detail,
    state: next,
    ...(outcome.answer ? { answer: outcome.answer } : {}),
    ...(outcome.noResult ? { noResult: true } : {}),
  };
}
