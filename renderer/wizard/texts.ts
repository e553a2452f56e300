/** The setup utility's own texts (page titles, buttons, questions), Japanese as in the original manual, and English. */
import { text } from '../../shared/messages/text.js';

export const W = {
  title: text('エクスプレス通報サービス設定ユーティリティ', 'Express Report Service setup utility'),
  /** The utility's title for the HTTPS service, as the manual prints it. */
  titleHttps: text('エクスプレス通報サービス(HTTPS)設定ユーティリティ', 'Express Report Service (HTTPS) setup utility'),
  confirmTitle: text('確認', 'Confirmation'),
  yes: text('はい(Y)', 'Yes (Y)'),
  no: text('いいえ(N)', 'No (N)'),
  back: text('< 戻る(B)', '< Back (B)'),
  next: text('次へ(N) >', 'Next (N) >'),
  cancel: text('キャンセル', 'Cancel'),
  finish: text('完了', 'Finish'),
  ok: text('OK', 'OK'),
  requiredNote: text('※ 入力必須項目', '※ Required items'),
  userSystemCode: text('ユーザシステムコード', 'User system code'),

  // 開局方式選択
  methodPage: text('開局方式選択', 'Activation method'),
  methodQuestion: text('開局ファイルを持っていますか。', 'Do you have an activation key file?'),
  methodKeyFile: text('はい、持っています(E)', 'Yes, I have one (E)'),
  methodKeyCode: text('いいえ、持っていません。通報開局キーコードを入力します(I)', 'No, I do not. I will enter the activation key code (I)'),
  serviceLegend: text('通報サービス', 'Service'),
  serviceExpress: text('エクスプレス通報サービス', 'Express Report Service'),
  serviceHttps: text('エクスプレス通報サービス(HTTPS)', 'Express Report Service (HTTPS)'),
  smimeNote: text(
    '開局キーファイルによる開局の場合、S/MIME 暗号化による通報が可能です。開局するときは、毎回新しい S/MIME 証明書を入手して使用してください。',
    'Only activation with a key file allows S/MIME encrypted reports; use a fresh S/MIME certificate each time you activate.',
  ),

  // 開局キーファイル
  keyFilePage: text('開局キーファイルの指定', 'Activation key file'),
  keyFileIntro: text(
    '開局キーファイルのパスを入力するか、[参照]をクリックしてファイルを指定し、[次へ]をクリックします。',
    'Type the path of the activation key file, or click Browse to choose it, then click Next.',
  ),
  keyFileLabel: text('開局キーファイル', 'Activation key file'),
  keyFileGuide: text(
    '受付センターから届いた開局キーファイルのパスを入力するか、[参照]で指定して下さい。',
    'Type the path of the key file from the reception center, or choose it with Browse.',
  ),
  browse: text('参照(W)...', 'Browse (W)...'),
  keyFileRead: text('読み込んだ開局キーファイル', 'Key file read'),

  // 通報開局キーコード
  keyCodePage: text('通報開局キーコードの入力', 'Activation key code'),
  keyCodeIntro: text('通報開局キーコード(5桁の数字)を入力し、[次へ]をクリックします。', 'Enter the activation key code (5 digits) and click Next.'),

  // 装置の固有情報の入力
  deviceTitle: text('装置の固有情報の入力', 'Device identity'),
  deviceIntro: text(
    '装置の固有情報を自動取得できませんでした。装置コードと製造番号を入力し、[OK]をクリックします。',
    "The device's identity could not be read automatically. Enter the device code and the serial number and click OK.",
  ),

  // サーバ名称の不一致
  mismatchTitle: text('サーバ名称の確認', 'Server name'),
  mismatchAdvice: text(
    '申込書に記入されたサーバ名称と OS から取得したホスト名が一致しません。この場合、OS から取得したホスト名がエクスプレス通報サービスに登録されます。誤った開局キーファイルを読み込ませようとしていた場合は、[終了]をクリックしていったん終了し、正しい開局キーファイルを使用して開局作業を行ってください。',
    'The server name on the application differs from the host name the OS reports; the OS host name will be registered with the service. If this is the wrong key file, click Exit and activate again with the right one.',
  ),
  continue: text('続行', 'Continue'),
  exit: text('終了', 'Exit'),

  // pages
  customerPage: text('お客様に関する情報', 'Customer'),
  machinePage: text('本機に関する情報', 'This machine'),
  optionsPage: text('オプション装置情報', 'Option devices'),
  dealerPage: text('販売店情報', 'Dealer'),
  customerType: text('お客様属性', 'Customer type'),
  individual: text('個人', 'Individual'),
  corporate: text('法人', 'Corporate'),
  individualNote: text('お客様が個人の場合、部署名と担当者名は入力できません。', 'An individual customer has no department or contact person.'),
  deviceCodeNote: text(
    '装置コードは一覧から選択できますが、一覧にない場合は入力が可能です。',
    'Pick the device code from the list, or type it if it is not listed.',
  ),
  serverNameFixed: text(
    '開局キーファイルのサーバ名称と OS のホスト名が一致しないため、OS のホスト名が登録されます。',
    "The key file's server name differs from the OS host name, so the OS host name is registered.",
  ),
  optionsIntro: text(
    '[追加]をクリックすると装置情報を追加できます。リストから装置を選択して[削除]をクリックすると、その装置情報を削除します。',
    'Click Add to add a device; select a device in the list and click Delete to remove it.',
  ),
  optionsOptional: text('※ 「オプションリスト」は、入力必須項目ではありません。', '※ The option list is not required.'),
  optionsList: text('オプションリスト', 'Option list'),
  optionsEmpty: text('(オプション装置はありません)', '(no option devices)'),
  add: text('追加(A)', 'Add (A)'),
  remove: text('削除(D)', 'Delete (D)'),
  addTitle: text('オプション装置の追加', 'Add an option device'),
  dealerNote: text('販売店名は一覧から選択できますが、一覧にない場合は入力が可能です。', 'Pick the dealer from the list, or type it if it is not listed.'),
  dealerOptional: text('※ 「販売店情報」は、入力必須項目ではありません。', '※ The dealer information is not required.'),

  // results
  busy: text('処理中...', 'Working...'),
  loading: text('読み込み中...', 'Loading...'),
  failed: text('処理できませんでした', 'The request failed'),
  activated: text('開局しました', 'Activated'),
  activateFailed: text('開局できませんでした。表示された項目を確認してください。', 'Activation failed: see the items shown.'),
} as const;
