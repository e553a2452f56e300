/**
 * Applying a checked import plan (../../transfer/plan.ts) as one save through the host's own path (HostCore: the write
 * queue, the sealer, the config store's validated, conflict-checked save, the event log), as the window's writes do.
 * Secrets are sealed for this machine's service key by the same conversion as typed ones. The definition files then get
 * the export's exact bytes (the store writes a file in the folder's encoding; an export's Shift_JIS CRLF file must
 * arrive as it left), and the center certificate is written, both under the folder's lock.
 * Changed since the last test (変更後未テスト) is derived from the tested record (../tested-record.ts), so an import that
 * changes the destinations, the route or the certificate shows as untested without a flag; the baseline of a machine
 * tested before that record existed is taken first, so the change is seen.
 */
import { join } from 'node:path';
import { type Problem } from '../../messages/problem.js';
import { message, problem } from '../../messages/problem.js';
import { type Config } from '../../config/model.js';
import { areasText } from '../../host/untested.js';
import { infKindFromFileName } from '../../inf/files.js';
import { withValues } from '../../settings/access.js';
import { type TypedValues } from '../../host/api.js';
import { CERT_ENTRY } from '../../transfer/format.js';
import { type ExportContents } from '../../transfer/model.js';
import { changeCount, type ImportPlan } from '../../transfer/plan.js';
import { type ConfigStore } from '../config-store.js';
import { writeFileAtomic } from '../atomic-write.js';
import { withConfigLock } from '../config-lock.js';
import { configWriteOptions } from '../config-modes.js';
import { ensureTestedBaseline } from '../tested-record.js';
import { convertTypedValues } from '../host/typed-values.js';
import { type HostCore } from '../host/host-core.js';

export type Applied = { ok: true; warnings: Problem[] } | { ok: false; problems: Problem[] };

export function applyImport(core: HostCore, store: ConfigStore, incoming: ExportContents, plan: ImportPlan, file: string): Promise<Applied> {
  return core.serial(async () => {
    const c = store.config;
    await ensureTestedBaseline(core.opts, c);
    const before = await core.untested(c);
    const secrets: TypedValues = Object.fromEntries(plan.seal);
    const sealed = await convertTypedValues(secrets, core.sealer);
    if (sealed.problems.length > 0) return { ok: false, problems: sealed.problems };
    let settings = withValues(plan.settings, sealed.changes);
    if (plan.activate) settings = { ...settings, 'activation.state': 'configured' };
    const inf = { ...c.inf } as Record<string, unknown>;
    for (const name of plan.definitions) inf[infKindFromFileName(name.split('/').pop()!)!] = incoming.definitions[name]!.model;
    const next: Config = { settings, optionDevices: plan.optionDevices, inf: inf as Config['inf'] };
    const done = message('ER_6801', { file, count: changeCount(plan) });
    const saved = await core.save(store, next, done, 'ER_6801', plan.activate ? 'activation' : undefined, true);
    if (!saved.ok) return { ok: false, problems: saved.problems };
    if (plan.definitions.length > 0 || plan.certificate) {
      await withConfigLock(core.opts.configDir, async () => {
        for (const name of plan.definitions) {
          await writeFileAtomic(join(core.opts.configDir, name), incoming.definitions[name]!.bytes, { backup: true, ...configWriteOptions(name) });
        }
        if (plan.certificate && incoming.certificate) await writeFileAtomic(join(core.opts.configDir, CERT_ENTRY), incoming.certificate.pem, { backup: true });
      });
    }
    const after = await core.untested((await core.open()).config);
    const fresh = (after?.areas ?? []).filter((a) => !before?.areas.includes(a));
    const warnings = fresh.length > 0 ? [problem('ER_6090', { areas: areasText(fresh) })] : [];
    for (const w of warnings) await core.log.add('warning', w.message, w.code);
    return { ok: true, warnings };
  });
}
