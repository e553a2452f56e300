/**
 * `express-report`: the command line. Every command takes --help, --lang ja|en (default from the locale) and
 * --config-dir / --state-dir (defaults in shared/node/config-paths.ts). Exit codes: 0 fine, 1 problems found or
 * a value refused, 2 the command line itself is wrong.
 */
import { Command, CommanderError, Option } from 'commander';
import { isLang, type Lang } from '../../shared/messages/text.js';
import { problem } from '../../shared/messages/problem.js';
import { CodedError } from '../../shared/node/coded-error.js';
import { langFromEnv, printProblems, processIo, type CliIo } from './io.js';
import { contextFrom, type CliContext } from './context.js';
import {
  initCommand,
  validateCommand,
  infShowCommand,
  configExport,
  configGet,
  configList,
  configSet,
  serveCommand,
  activateCommand,
  serviceCommand,
  eventCommand,
  statusCommand,
  notifyCommand,
  testConnectionCommand,
  endServiceCommand,
  pauseCommand,
  resumeCommand,
  relayAgentsCommand,
  exportCommand,
  exportDiffCommand,
  exportHtmlCommand,
  importCommand,
  fleetBuildCommand,
  fleetCheckCommand,
  backupCommand,
  restoreCommand,
  migrateCommand,
} from './on-demand.js'; // each command's code loads when it runs

type Help = Readonly<Record<Lang, string>>;
const h = (ja: string, en: string): Help => ({ ja, en });

function langFromArgv(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const v = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return isLang(v) ? v : langFromEnv(env);
}

/** The command word of argv (`config`, `event`...), skipping the global options and their values. */
function commandName(argv: readonly string[]): string {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (['--lang', '--config-dir', '--state-dir'].includes(a)) i++;
    else if (!a.startsWith('-')) return a;
  }
  return '';
}

export async function main(argv: string[], io?: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const lang = langFromArgv(argv, env);
  const out: CliIo = io ? { ...io, lang } : processIo(lang);
  const t = (x: Help): string => x[lang];
  let code = 0;
  const ctx = (cmd: Command): CliContext => contextFrom(cmd.optsWithGlobals(), out, env);
  const run =
    (fn: (cmd: Command) => Promise<number>) =>
    async (...args: unknown[]) => {
      code = await fn(args[args.length - 1] as Command);
    };

  const program = new Command('express-report')
    .description(t(h('エクスプレス通報サービス: 設定、定義ファイル、通報サービス', 'Express Report: settings, definition files and the reporting service')))
    .addOption(new Option('--lang <lang>', t(h('表示言語', 'language of messages'))).choices(['ja', 'en']))
    .option('--config-dir <dir>', t(h('設定フォルダ (環境変数 EXPRESS_REPORT_CONFIG_DIR)', 'config folder (or EXPRESS_REPORT_CONFIG_DIR)')))
    .option('--state-dir <dir>', t(h('状態フォルダ (環境変数 EXPRESS_REPORT_STATE_DIR)', 'state folder (or EXPRESS_REPORT_STATE_DIR)')))
    .helpOption('-h, --help', t(h('ヘルプを表示', 'show help')))
    .helpCommand(false)
    .exitOverride()
    .configureOutput({ writeOut: (s) => out.out(s.trimEnd()), writeErr: (s) => out.err(s.trimEnd()), outputError: () => undefined });
  program.configureHelp({ showGlobalOptions: true });

  program
    .command('init')
    .description(t(h('既定の設定フォルダを作成します', 'write a complete default config folder')))
    .option('--force', t(h('既存の設定を上書きします(1世代のバックアップを残します)', 'overwrite existing settings (one backup is kept)')))
    .option(
      '--only-missing',
      t(h('足りないファイル(鍵ペアを含む)だけを作成します。既存のファイルは変更しません', 'write only what is missing (the key pair too); never overwrite')),
    )
    .action(run((c) => initCommand(ctx(c), c.opts())));

  program
    .command('validate')
    .description(t(h('設定フォルダを検査します', 'check the config folder; one line per problem')))
    .action(run((c) => validateCommand(ctx(c))));

  const inf = program.command('inf').description(t(h('定義ファイル (AMHTPADR/AMHTPLOG/AMHTPHBI.INF)', 'definition files (AMHTPADR/AMHTPLOG/AMHTPHBI.INF)')));
  inf
    .command('show <file>')
    .description(t(h('定義ファイルを解析して JSON で表示します', 'print the parsed file as JSON')))
    .addOption(
      new Option('--kind <kind>', t(h('ファイルの種類 (省略時はファイル名から)', 'file kind (default: from the file name)'))).choices(['adr', 'log', 'hbi']),
    )
    .action(run((c) => infShowCommand(ctx(c), c.args[0]!, c.opts())));

  const config = program
    .command('config')
    .description(t(h('設定の参照と変更 (キーは docs/config-keys.md)', 'read and change settings (keys: docs/config-keys.md)')));
  config
    .command('get <key>')
    .description(t(h('設定値を表示します', 'print one setting')))
    .action(run((c) => configGet(ctx(c), c.args[0]!)));
  config
    .command('set <pairs...>')
    .description(t(h('設定値を検査して保存します: KEY VALUE [KEY VALUE ...]', 'validate and save: KEY VALUE [KEY VALUE ...]')))
    .option('--stdin', t(h('値を標準入力から読みます(パスワード向け)', 'read the value from standard input (for passwords)')))
    .action(run((c) => configSet(ctx(c), c.args, c.opts())));
  config
    .command('list')
    .description(t(h('すべての設定を表示します(パスワードは (set))', 'print every setting (secrets as (set))')))
    .option('--json', 'JSON')
    .action(run((c) => configList(ctx(c), c.opts())));
  config
    .command('export')
    .description(t(h('サポート向けに設定を INI で出力します(パスワードは出力しません)', 'print the settings as one INI for support (no secrets)')))
    .action(run((c) => configExport(ctx(c))));

  const exp = program
    .command('export')
    .description(t(h('設定をファイルにエクスポートします (docs/settings-transfer.md)', 'export the settings to one file (docs/settings-transfer.md)')))
    .option('--out <file>', t(h('書き出すファイル(必須)', 'the file to write (required)')))
    .addOption(
      new Option(
        '--scope <scope>',
        t(h('support: パスワードは設定の有無のみ / transfer: パスフレーズで暗号化', 'support: secrets as set / not set; transfer: sealed with a passphrase')),
      )
        .choices(['support', 'transfer'])
        .default('support'),
    )
    .addOption(
      new Option('--personal <mode>', t(h('個人情報を含めるか(support のみ)', 'leave out or include personal data (support only)')))
        .choices(['omit', 'include'])
        .default('omit'),
    )
    .option('--passphrase-file <file>', t(h('パスフレーズのファイル(transfer で必須)', 'the passphrase file (required for transfer)')))
    .action(run((c) => exportCommand(ctx(c), c.opts())));
  exp
    .command('diff <a> <b>')
    .description(t(h('2 つのエクスポートを比較します(同じなら 0、違えば 1)', 'compare two exports (exit 0 equal, 1 different)')))
    .option('--json', 'JSON')
    .action(run((c) => exportDiffCommand(ctx(c), c.args[0]!, c.args[1]!, c.opts())));
  exp
    .command('html <file> <out>')
    .description(
      t(h('エクスポートの要約を HTML ファイル <out> に書き出します(スクリプトなし)', "write an export's summary to <out> as one HTML page (no script)")),
    )
    .action(run((c) => exportHtmlCommand(ctx(c), c.args[0]!, c.args[1]!)));

  program
    .command('import <file>')
    .description(t(h('エクスポートを検査し、変更点を表示して読み込みます', 'check an export, show the changes, and apply them as one save')))
    .option('--dry-run', t(h('変更点の表示のみ(何も書き込みません)', 'show the changes only (nothing is written)')))
    .option('--only <groups>', t(h('読み込む範囲: activation,routes,schedule,definitions', 'what to import: activation,routes,schedule,definitions')))
    .option('--passphrase-file <file>', t(h('パスフレーズのファイル(transfer のエクスポート)', 'the passphrase file (a transfer export)')))
    .option('--other-machine', t(h('別の製造番号の装置の識別情報と証明書も読み込みます', "import another serial's identity and certificate too")))
    .action(run((c) => importCommand(ctx(c), c.args[0]!, c.opts())));

  const fleet = program
    .command('fleet')
    .description(t(h('CSV から複数サーバの設定を一括準備します (docs/fleet.md)', 'prepare many servers from one CSV (docs/fleet.md)')));
  const fleetOptions = (c: Command, out: string): Command =>
    c
      .requiredOption('--base <base>', t(h('共通設定: エクスポートファイルまたは設定フォルダ', 'what all servers share: an export file or a config folder')))
      .option('--out <dir>', out)
      .option('--keys <dir>', t(h('開局キーファイルのフォルダ(省略時は CSV と同じ場所の keys)', 'the key files folder (default: keys beside the CSV)')))
      .option(
        '--window <HH:MM-HH:MM>',
        t(h('構成情報通報の時間帯(平日、既定 10:00-15:00)', 'the configuration information window (weekdays, default 10:00-15:00)')),
      )
      .addOption(new Option('--service <s>', t(h('エクスプレス通報サービスの種類', 'which service'))).choices(['express', 'https']).default('https'));
  fleetOptions(
    fleet.command('check <csv>').description(t(h('CSV を 1 行ずつ検査します(何も書き込みません)', 'check the CSV row by row (nothing is written)'))),
    t(h('出力先(既にあるフォルダは 置き換え と表示)', 'the output folder (an existing folder shows as replace)')),
  ).action(run((c) => fleetCheckCommand(ctx(c), c.args[0]!, c.opts())));
  fleetOptions(
    fleet.command('build <csv>').description(t(h('エラーのない行のサーバフォルダを書き込みます', 'write the folder of every row without errors'))),
    t(h('出力先(必須)', 'the output folder (required)')),
  ).action(run((c) => fleetBuildCommand(ctx(c), c.args[0]!, c.opts())));

  program
    .command('serve')
    .description(
      t(h('設定画面をブラウザで表示します(127.0.0.1 のみ、起動ごとのトークン付き)', 'the settings window in a browser (127.0.0.1 only, a token per start)')),
    )
    .option('--port <n>', t(h('待ち受けポート(省略時は空きポート)', 'port to listen on (default: any free port)')))
    .option('--open', t(h('ブラウザを開きます', 'open the browser')))
    .option('--view <file>', t(h('エクスポートを読み取り専用で表示します(何も書き込みません)', 'show an export read-only (nothing is written)')))
    .option(
      '--no-service',
      t(h('通報サービスを子プロセスとして起動しません(動作中のサービスは使用します)', 'start no reporting service as a child (a running one is used)')),
    )
    .action(run((c) => serveCommand(ctx(c), c.opts())));

  program
    .command('activate')
    .description(t(h('画面なしで開局します(設定ユーティリティと同じ処理)', 'activate without a display (what the setup utility does)')))
    .option('--key-file <file>', t(h('開局キーファイル', 'activation key file')))
    .option('--key-code <code>', t(h('通報開局キーコード(5桁)', 'activation key code (5 digits)')))
    .option('--server-name <name>', t(h('サーバ名称', 'server name')))
    .option('--device-code <code>', t(h('装置コード', 'device code')))
    .option('--serial <n>', t(h('製造番号', 'serial number')))
    .option('--warranty <w>', t(h('保証書番号', 'warranty number')))
    .option('--comment <text>', t(h('コメント', 'comment')))
    .option('--reply-mail <m>', t(h('テスト・開局結果返信メールアドレス(HTTPS)', 'reply address for results (HTTPS)')))
    .addOption(new Option('--service <s>', t(h('エクスプレス通報サービスの種類', 'which service'))).choices(['express', 'https']).default('https'))
    .option(
      '--accept-host-name-mismatch',
      t(h('サーバ名称とホスト名の不一致を承知で続行します(続行)', 'continue although the server name differs from the host name')),
    )
    .option('--reactivate', t(h('以前の設定をすべて消去して再開局します', 'erase every previous setting and activate again')))
    .action(run((c) => activateCommand(ctx(c), c.opts())));

  program
    .command('service')
    .description(
      t(h('通報サービスをフォアグラウンドで実行します(状態フォルダごとに 1 つ)', 'run the reporting service in the foreground (one per state folder)')),
    )
    .option('--no-os-events', t(h('OS のイベント(systemd ジャーナル、syslog)を監視しません', 'do not watch the OS events (systemd journal, syslog)')))
    .option('--syslog-file <path...>', t(h('追跡する syslog ファイル(ジャーナルに加えて)', 'syslog files to follow (besides the journal)')))
    .option('--journalctl <path>', t(h('journalctl コマンドのパス', 'path of the journalctl command')))
    .addOption(
      new Option(
        '--run-mode <mode>',
        t(
          h(
            '起動のされ方(system: OS のサービス、child: 画面の子プロセス、manual: 手動)',
            "how it was started (system: the OS service, child: a window's child, manual: by hand)",
          ),
        ),
      )
        .choices(['system', 'child', 'manual'])
        .default('manual'),
    )
    .action(run((c) => serviceCommand(ctx(c), c.opts())));

  program
    .command('event')
    .description(t(h('イベントを 1 件、動作中の通報サービスに渡します(擬似障害テスト)', 'hand one event to the running service (pseudo failure test)')))
    .requiredOption('--source <s>', t(h('イベントのソース名', 'event source')))
    .requiredOption('--id <0xXXXXXXXX>', t(h('イベント ID(0x と 8 桁の 16 進数)', 'event id (0x and 8 hex digits)')))
    .option('--message <m>', t(h('イベントの説明', 'event message')))
    .action(run((c) => eventCommand(ctx(c), c.opts())));

  program
    .command('status')
    .description(t(h('状態、送信待ち件数、最終送信と最終失敗、次の再送', 'state, queue depth, last delivery and failure, next retry')))
    .option('--json', 'JSON')
    .action(run((c) => statusCommand(ctx(c), c.opts())));

  program
    .command('test-notify')
    .description(t(h('テスト通報を送信します', 'send a test notification')))
    .addOption(new Option('--target <t>', t(h('通報先', 'destination'))).choices(['primary', 'secondary']).default('primary'))
    .option('--result-mail <m>', t(h('テスト通報結果の送付先メールアドレス', 'address for the test result')))
    .action(run((c) => notifyCommand(ctx(c), { ...c.opts(), kind: 'test' })));

  program
    .command('activate-notify')
    .description(t(h('開局通報を送信します(テスト通報の成功後)', 'send the activation notification (after a successful test)')))
    .addOption(
      new Option('--target <t>', t(h('通報先(一次が失敗した場合に二次)', 'destination (the secondary after the primary failed)')))
        .choices(['primary', 'secondary'])
        .default('primary'),
    )
    .option('--ignore-definition-errors', t(h('定義ファイルの誤りを承知で送信します(OK)', 'send although the definition files have errors (OK)')))
    .action(run((c) => notifyCommand(ctx(c), { ...c.opts(), kind: 'activation' })));

  program
    .command('end-service')
    .description(t(h('サービスを終了します(以後通報しません)', 'end the service (no more reports)')))
    .action(run((c) => endServiceCommand(ctx(c))));

  program
    .command('pause')
    .description(
      t(
        h(
          '保守中にします(運用中のみ。終了まで通報を保留し、保守センターに通知します)',
          'pause for maintenance (only while active): reports are held until it ends; the center is told',
        ),
      ),
    )
    .option(
      '--until <time>',
      t(
        h(
          '終了予定時刻: YYYY-MM-DD HH:MM、HH:MM または ISO 8601(省略時は 8 時間後、最長 30 日)',
          'end time: YYYY-MM-DD HH:MM, HH:MM or ISO 8601 (default: in 8 hours; at most 30 days)',
        ),
      ),
    )
    .option('--hours <n>', t(h('終了までの時間数(--until の代わりに)', 'hours until the end (instead of --until)')))
    .option('--reason <text>', t(h('理由(保守センターに通知します)', 'reason (sent to the center)')))
    .action(run((c) => pauseCommand(ctx(c), c.opts())));

  program
    .command('resume')
    .description(
      t(h('保守を終了します(保留した通報を送信し、保守センターに通知します)', 'end the maintenance pause: the held reports are sent; the center is told')),
    )
    .option('--expire-held', t(h('保留した通報を送信せず期限切れにします', 'move the held reports to expired instead of sending them')))
    .action(run((c) => resumeCommand(ctx(c), c.opts())));

  const relay = program
    .command('relay')
    .description(t(h('マネージャの中継(エージェントからの通報の受信)', "the manager relay (agents' reports received here)")));
  relay
    .command('agents')
    .description(t(h('このマネージャに通報したエージェントの一覧', 'the agents that reported to this manager')))
    .option('--json', 'JSON')
    .action(run((c) => relayAgentsCommand(ctx(c), c.opts())));

  program
    .command('backup')
    .description(
      t(
        h(
          '設定と状態をバックアップします(ログを除く。既定は状態フォルダの backups、新しい 5 個を保持)',
          'back up config + state, logs aside (default: <state>/backups/, the newest five kept)',
        ),
      ),
    )
    .option('--out <file>', t(h('書き出すファイル', 'the file to write')))
    .option('--reason <text>', t(h('理由(目録に記録します)', 'why (kept in the manifest)')))
    .action(run((c) => backupCommand(ctx(c), c.opts())));

  program
    .command('restore <file>')
    .description(t(h('バックアップを検査して設定と状態を復元します(サービス停止中のみ)', 'check a backup and put config + state back (service stopped)')))
    .option(
      '--force',
      t(h('新しい版で作成されたバックアップも復元します(新しい形式は不可)', 'restore a backup made by a newer version too (never a newer format)')),
    )
    .action(run((c) => restoreCommand(ctx(c), c.args[0]!, c.opts())));

  program
    .command('migrate')
    .description(
      t(h('設定と状態のフォルダを現在の形式に移行します(サービス停止中のみ)', 'migrate the config and state folders to the current format (service stopped)')),
    )
    .action(run((c) => migrateCommand(ctx(c))));

  program
    .command('test-connection')
    .description(t(h('通報先への接続を確認します(確認ごとに SUCCESS / FAILURE)', 'check the way to the center (one SUCCESS / FAILURE line per check)')))
    .action(run((c) => testConnectionCommand(ctx(c))));

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.help' || e.code === 'commander.version') return 0;
      printProblems(out, [problem('ER_3034', { reason: e.message.replace(/^error: /, '') })]);
      return 2;
    }
    if (e instanceof CodedError) {
      printProblems(out, [e.problem]);
      return 1;
    }
    // Not one of ours: a coded line naming the command, never a raw stack trace (and not "cannot understand").
    printProblems(out, [problem('ER_1097', { command: commandName(argv), reason: e instanceof Error ? e.message : String(e) })]);
    return 1;
  }
}
