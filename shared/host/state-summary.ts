/**
 * The words of the state bar (docs/desktop-app.md, "The state bar"), the status dialog and `express-report status`:
 * the machine, the route, whether the service runs and the queue, from the saved settings and the service's status.
 * Plain functions, so the window and the command line say the same thing.
 */
import { text, type LocalizedText } from '../messages/text.js';
import { type Settings } from '../settings/schema.js';
import { type ServiceStatus } from './service-types.js';

type RouteSettings = Pick<Settings, 'express.route' | 'https.proxy.use' | 'https.via'>;

/** HTTPS direct / via proxy / via the manager (https.via) / mail / dial-up / manager / off. */
export function routeText(s: RouteSettings): LocalizedText {
  switch (s['express.route']) {
    case 'https':
      if (s['https.via'] === 'manager') return text('HTTPS(マネージャ経由)', 'HTTPS via the manager');
      return s['https.proxy.use'] ? text('HTTPS(プロキシ経由)', 'HTTPS via proxy') : text('HTTPS(直接)', 'HTTPS direct');
    case 'mail':
      return text('電子メール', 'e-mail');
    case 'dialup':
      return text('ダイヤルアップ', 'dial-up');
    case 'manager':
      return text('マネージャ経由', 'via the manager');
    case 'off':
      return text('通報手段なし(無効)', 'no route (off)');
  }
}

/** server name, device code, serial number; what is not set yet is left out. */
export function machineText(s: Pick<Settings, 'machine.serverName' | 'machine.deviceCode' | 'machine.serialNumber'>): LocalizedText {
  const name = s['machine.serverName'];
  const parts = (ja: boolean): string[] =>
    [
      s['machine.deviceCode'] ? `${ja ? '装置コード' : 'device code'} ${s['machine.deviceCode']}` : '',
      s['machine.serialNumber'] ? `${ja ? '製造番号' : 'serial'} ${s['machine.serialNumber']}` : '',
    ].filter(Boolean);
  if (!name && parts(true).length === 0) return text('(未登録)', '(not registered)');
  const ja = parts(true).join('、');
  const en = parts(false).join(', ');
  return { ja: `${name || '-'}${ja ? `(${ja})` : ''}`, en: `${name || '-'}${en ? ` (${en})` : ''}` };
}

/**
 * ユーザシステムコード, as the manager-side tests need it: the code the center gave (key file); a key-code machine has
 * none, and the manual says to type OPFILELESS on the manager instead.
 */
export function userSystemCodeText(s: Pick<Settings, 'activation.userSystemCode' | 'activation.method' | 'activation.state'>): LocalizedText {
  const code = s['activation.userSystemCode'];
  if (code) return text(code, code);
  if (s['activation.state'] === 'not-activated') return text('(未開局)', '(not activated)');
  if (s['activation.method'] === 'keycode') {
    return text(
      'なし(開局キーコードによる開局。マネージャの到達確認テストでは OPFILELESS を入力します)',
      'none (activated by key code; on the manager, type OPFILELESS for the reachability test)',
    );
  }
  return text('(なし)', '(none)');
}

/** The newer of the last delivery and the last failure: what happened last, and when. */
export function lastResult(st: ServiceStatus): { ok: boolean; at: string; text: LocalizedText } | undefined {
  const ok = st.lastDelivery;
  const bad = st.lastFailure;
  if (ok && (!bad || Date.parse(ok.at) >= Date.parse(bad.at))) return { ok: true, at: ok.at, text: text('送信成功', 'delivered') };
  if (bad) return { ok: false, at: bad.at, text: { ja: `失敗 ${bad.problem.code}`, en: `failed ${bad.problem.code}` } };
  return undefined;
}

/**
 * Which settings the service runs on, and whether the last change was refused (service/config/coordinator.ts): "the
 * service runs on the settings of 09:30; your last change has 2 errors". `error`: the last change was refused.
 */
export function configText(st: ServiceStatus): { error: boolean; text: LocalizedText } | undefined {
  const c = st.config;
  if (!c?.since)
    return c?.lastReload && !c.lastReload.ok
      ? { error: true, text: text('設定を読み込めていません(誤りがあります)', 'no settings loaded (they have errors)') }
      : undefined;
  const d = new Date(c.since);
  const two = (n: number) => String(n).padStart(2, '0');
  const today = new Date().toDateString() === d.toDateString();
  const at = `${today ? '' : `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} `}${two(d.getHours())}:${two(d.getMinutes())}`;
  const r = c.lastReload;
  if (r && !r.ok) {
    const n = r.count ?? r.problems.length;
    return {
      error: true,
      text: text(
        `${at} の設定で動作中です。最後の変更には誤りが ${n} 件あり、適用されていません`,
        `the service runs on the settings of ${at}; your last change has ${n} error${n === 1 ? '' : 's'} and was not applied`,
      ),
    };
  }
  return { error: false, text: text(`${at} の設定で動作中です`, `the service runs on the settings of ${at}`) };
}
