/**
 * The lifecycle operations on the saved settings: 開局 (activate, from a key file or a key code), サービス終了 and
 * 有効期限の延長. Each is refused in the states the manual refuses it in (shared/host/lifecycle-actions.ts).
 */
import { join } from 'node:path';
import { type ActivationRequest, type Saved } from '../../host/api.js';
import { endServiceRefusal, extendExpiryRefusal } from '../../host/lifecycle-actions.js';
import { message, problem } from '../../messages/problem.js';
import { writeFileAtomic } from '../atomic-write.js';
import { convertTypedValues } from './typed-values.js';
import { tryReadFileRef } from './file-ref.js';
import { planActivation } from './activation.js';
import { loadCenterDestinations } from './center.js';
import { t, type HostCore } from './host-core.js';

export class LifecycleOps {
  constructor(private readonly core: HostCore) {}

  activate(req: ActivationRequest): Promise<Saved> {
    const core = this.core;
    const opts = core.opts;
    return core.serial(async () => {
      const store = await core.open();
      let payload;
      if (req.method === 'keyfile' && req.keyFile) {
        const file = await tryReadFileRef(req.keyFile);
        if (!file.ok) return file;
        const v = opts.verifier.keyFile(file.bytes, file.name);
        if (!v.ok) return v;
        payload = v.payload;
      }
      const typed = await convertTypedValues(req.values, core.sealer);
      // The center's destinations are "set automatically" where the key file names none (always for a key code).
      let center;
      if (req.method === 'keycode' || !payload?.destinations.url1 || !payload.destinations.mail) {
        const read = await loadCenterDestinations(opts.resourcesDir, opts.env ?? process.env);
        if (!read.ok) return read;
        center = read.center;
      }
      const plan = planActivation(store.config, req, typed, core.hostName, payload, center);
      if (plan.problems.length > 0) return { ok: false, problems: plan.problems };
      const saved = await core.save(store, plan.config, t('開局しました', 'Activated'), undefined, 'activation');
      if (saved.ok && plan.centerCertificate) {
        await writeFileAtomic(join(opts.configDir, 'center-cert.pem'), plan.centerCertificate, { backup: true });
      }
      if (saved.ok && plan.usedCenter && center) {
        const none = { ja: '(開局キーファイルの宛先)', en: "(the key file's)" };
        const source = [
          ...new Set(
            [plan.usedCenter.url1 !== undefined ? center.files.adr : '', plan.usedCenter.mailTo !== undefined ? center.files.mail : ''].filter(Boolean),
          ),
        ].join(', ');
        await core.log.add('info', message('ER_6100', { source, url1: plan.usedCenter.url1 ?? none, mail: plan.usedCenter.mailTo ?? none }), 'ER_6100');
      }
      return saved;
    });
  }

  endService(): Promise<Saved> {
    const core = this.core;
    return core.serial(async () => {
      const store = await core.open();
      const c = store.config;
      if (c.settings['activation.state'] === 'not-activated') return { ok: false, problems: [problem('ER_3051', {}, { field: 'activation.state' })] };
      // Only once the service has started (運用中), as the manual has it; the menu says the same before it is chosen.
      const refused = endServiceRefusal(c.settings['activation.state']);
      if (refused) return { ok: false, problems: [refused] };
      return core.save(
        store,
        { ...c, settings: { ...c.settings, 'activation.state': 'ended' } },
        t('サービスを終了しました', 'Service ended'),
        undefined,
        'end',
      );
    });
  }

  extendExpiry(req: { key: string }): Promise<Saved> {
    const core = this.core;
    return core.serial(async () => {
      const store = await core.open();
      const c = store.config;
      if (c.settings['activation.state'] === 'not-activated') return { ok: false, problems: [problem('ER_3051', {}, { field: 'activation.state' })] };
      // Only after the service has ended (manual chapter 5); the renewal resumes it.
      const refused = extendExpiryRefusal(c.settings['activation.state']);
      if (refused) return { ok: false, problems: [refused] };
      const v = core.opts.verifier.extension(req.key, { userSystemCode: c.settings['activation.userSystemCode'], expiry: c.settings['activation.expiry'] });
      if (!v.ok) return v;
      const p = v.payload;
      // Renewal resumes the ended service: the contract continues.
      return core.save(
        store,
        { ...c, settings: { ...c.settings, 'activation.expiry': p.expiry, 'activation.state': 'active' } },
        t(`有効期限を ${p.expiry} に変更しました`, `Expiry changed to ${p.expiry}`),
        undefined,
        'renewal',
      );
    });
  }
}
