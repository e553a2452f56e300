/**
 * 宛先登録 of the manager (マネージャからのエクスプレス通報, manual 4.3.1 step 4: 通報開局 FD 読み取りツール): the center's
 * destinations read from a key file, WITHOUT activating again. The key file is verified as the setup utility verifies it
 * (readKeyFile); only its destinations are taken: the mail address (mail.to), the dial-up numbers, AMHTPADR.INF (URL1 /
 * URL2) and the center's certificate (center-cert.pem, for S/MIME). The customer, the machine, the user system code and
 * the lifecycle state stay as they are, so a manager in 運用中 stays in 運用中.
 */
import { join } from 'node:path';
import { type FileRef, type Saved } from '../../host/api.js';
import { problem } from '../../messages/problem.js';
import { type KeyFilePayload } from '../../keyfile/model.js';
import { type Config } from '../../config/model.js';
import { type Settings } from '../../settings/schema.js';
import { writeFileAtomic } from '../atomic-write.js';
import { tryReadFileRef } from './file-ref.js';
import { t, type HostCore } from './host-core.js';

/** The config with the key file's destinations; undefined when the key file names none. */
export function withKeyFileDestinations(c: Config, d: KeyFilePayload['destinations']): Config | undefined {
  const settings: Settings = { ...c.settings };
  let any = false;
  if (d.mail) {
    settings['mail.to'] = d.mail;
    any = true;
  }
  if (d.dialupPrimary) {
    settings['dialup.primary.number'] = d.dialupPrimary;
    any = true;
  }
  if (d.dialupSecondary) {
    settings['dialup.secondary.number'] = d.dialupSecondary;
    any = true;
  }
  const inf = d.url1 ? { ...c.inf, adr: { url1: d.url1, ...(d.url2 ? { url2: d.url2 } : {}) } } : c.inf;
  if (d.url1) any = true;
  return any ? { ...c, settings, inf } : undefined;
}

export function registerDestinations(core: HostCore, ref: FileRef): Promise<Saved> {
  return core.serial(async () => {
    const file = await tryReadFileRef(ref);
    if (!file.ok) return file;
    const v = core.opts.verifier.keyFile(file.bytes, file.name);
    if (!v.ok) return v;
    const store = await core.open();
    const next = withKeyFileDestinations(store.config, v.payload.destinations);
    if (!next) return { ok: false, problems: [problem('ER_3131', { file: file.name }, { field: 'activation.keyFile' })] };
    const saved = await core.save(store, next, t(`宛先を登録しました(${file.name})`, `Destinations registered (${file.name})`));
    if (saved.ok && v.payload.centerCertificate) {
      await writeFileAtomic(join(core.opts.configDir, 'center-cert.pem'), v.payload.centerCertificate, { backup: true });
    }
    return saved;
  });
}
