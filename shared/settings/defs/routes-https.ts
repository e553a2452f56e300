import { text } from '../../messages/text.js';
import { def, is, isOn, all } from '../define.js';
import { httpsDirect } from './routes-conditions.js';
import { hostGuide } from './routes-host-guide.js';

/** [Https] of routes.ini: Express (HTTPS) straight to the center, its proxy, CA bundle and timeout. */
const F = 'routes.ini' as const;
const proxy = all(httpsDirect, isOn('https.proxy.use'));

export const httpsDefs = [
  // エクスプレス通報サービス(HTTPS) の [HTTPS] / [マネージャ経由] (manual 4.2.2); in [Https] with the keys below, so the file has one [Https] section
  def.enum({
    key: 'https.via',
    file: F,
    section: 'Https',
    name: 'Via',
    default: 'direct',
    choices: ['direct', 'manager'],
    choiceLabels: { direct: text('HTTPS', 'HTTPS'), manager: text('マネージャ経由', 'via the manager') },
    activeWhen: is('express.route', 'https'),
    label: text('通報経路', 'Send'),
    guide: text(
      'センターへ直接 HTTPS で通報するか、マネージャ経由で通報するかを選択して下さい。',
      'Choose whether reports go to the center over HTTPS directly or through a manager.',
    ),
  }),
  // HTTPS 経由
  def.bool({
    key: 'https.proxy.use',
    file: F,
    section: 'Https',
    name: 'ProxyUse',
    default: false,
    activeWhen: httpsDirect,
    label: text('指定したプロキシサーバを使用する', 'Use this proxy server'),
    guide: text(
      'プロキシサーバを使用する場合にチェックして下さい(自動構成スクリプト、自動検出は使用できません)。',
      'Check to use a proxy (no auto-config script, no auto-detection).',
    ),
  }),
  def.text({
    key: 'https.proxy.host',
    file: F,
    section: 'Https',
    name: 'ProxyHost',
    default: '',
    maxLength: 253,
    charClass: 'host',
    requiredWhen: proxy,
    activeWhen: proxy,
    label: text('プロキシサーバのアドレス', 'Proxy address'),
    guide: hostGuide('プロキシサーバ', 'proxy server', 'proxy.foo.co.jp', '192.168.0.1'),
  }),
  def.int({
    key: 'https.proxy.port',
    file: F,
    section: 'Https',
    name: 'ProxyPort',
    default: 8080,
    min: 1,
    max: 65535,
    port: true,
    requiredWhen: proxy,
    activeWhen: proxy,
    label: text('プロキシサーバのポート', 'Proxy port'),
    guide: text('プロキシサーバのポート番号を入力して下さい。', "Enter the proxy's port."),
  }),
  def.text({
    key: 'https.proxy.user',
    file: F,
    section: 'Https',
    name: 'ProxyUser',
    default: '',
    maxLength: 128,
    charClass: 'ascii',
    activeWhen: proxy,
    label: text('プロキシのユーザー名', 'Proxy user'),
    guide: text('プロキシの認証(Basic 認証)に使うユーザー名を入力して下さい。', "The user for the proxy's Basic authentication."),
  }),
  def.secret({
    key: 'https.proxy.password',
    file: F,
    section: 'Https',
    name: 'ProxyPassword',
    maxLength: 128,
    activeWhen: proxy,
    label: text('プロキシのパスワード', 'Proxy password'),
    guide: text('プロキシの認証(Basic 認証)に使うパスワードを入力して下さい。', "The password for the proxy's Basic authentication."),
  }),
  def.text({
    key: 'https.caFile',
    file: F,
    section: 'Https',
    name: 'CaFile',
    default: '',
    maxLength: 1024,
    charClass: 'absolute-path',
    activeWhen: httpsDirect,
    label: text('追加の CA 証明書ファイル', 'Extra CA bundle'),
    guide: text(
      '通報先の証明書の検証に追加で使う CA 証明書(PEM)の絶対パスです(省略可)。',
      'Absolute path of extra CA certificates (PEM) trusted for the center (optional).',
    ),
  }),
  def.int({
    key: 'https.timeoutSeconds',
    file: F,
    section: 'Https',
    name: 'TimeoutSeconds',
    default: 60,
    min: 10,
    max: 3600,
    activeWhen: httpsDirect,
    unit: text('秒', 's'),
    label: text('タイムアウト時間', 'Timeout'),
    guide: text('通報先との通信のタイムアウト時間(10~3600秒)です。', 'Timeout for the center (10-3600 s).'),
  }),
] as const;
