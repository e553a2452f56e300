import { text } from '../../messages/text.js';
import { def, is, all, type Condition } from '../define.js';

/** activation.ini: the activation state and what the setup utility's pages collect (docs/design.md section 8.1). */
const F = 'activation.ini' as const;
const keyFile: Condition = is('activation.method', 'keyfile');
const activated: Condition = (s) => s.get('activation.method') !== 'none';
const individual: Condition = all(keyFile, is('customer.type', 'individual'));

export const activationDefs = [
  def.enum({
    key: 'activation.state', file: F, section: 'Activation', name: 'State', default: 'not-activated',
    choices: ['not-activated', 'configured', 'tested', 'active', 'ended', 'paused'],
    choiceLabels: {
      'not-activated': text('未開局', 'not activated'), configured: text('設定済み(未テスト)', 'configured'),
      tested: text('テスト通報済み', 'tested'), active: text('運用中', 'active'), ended: text('サービス終了', 'service ended'),
      // An older version's pause (now an overlay on 運用中): still read, migrated at once, never written (docs/activation.md).
      paused: text('保守中(旧形式)', 'paused (older version)'),
    },
    label: text('状態', 'State'), guide: text('通報サービスの状態です。', 'The state of the reporting service.'),
  }),
  def.enum({
    key: 'activation.method', file: F, section: 'Activation', name: 'Method', default: 'none', choices: ['none', 'keyfile', 'keycode'],
    choiceLabels: { none: text('未開局', 'none'), keyfile: text('開局キーファイル', 'key file'), keycode: text('通報開局キーコード', 'key code') },
    label: text('開局方式', 'Activation method'),
    guide: text('開局キーファイルを持っている場合は開局キーファイル、持っていない場合は通報開局キーコードで開局します。', 'Activate with the key file if you have one, otherwise with the activation key code.'),
  }),
  def.text({
    key: 'activation.keyCode', file: F, section: 'Activation', name: 'KeyCode', default: '', maxLength: 5, exactLength: 5, charClass: 'digits',
    accessKey: 'K', requiredWhen: is('activation.method', 'keycode'), activeWhen: is('activation.method', 'keycode'),
    label: text('通報開局キーコード', 'Activation key code'),
    guide: text('通報開局キーコード(5桁の数字)を入力して下さい。', 'Enter the activation key code (5 digits).'),
  }),
  def.text({
    key: 'activation.replyMail', file: F, section: 'Activation', name: 'ReplyMail', default: '', maxLength: 254, charClass: 'email',
    accessKey: 'E', requiredWhen: all(is('activation.method', 'keycode'), is('express.route', 'https')), activeWhen: is('activation.method', 'keycode'),
    label: text('テスト・開局結果返信メールアドレス', 'Reply address for test and activation results'),
    guide: text('テスト通報と開局通報の結果を受け取るメールアドレスを入力して下さい。', 'Enter the e-mail address that receives the results of test and activation notifications.'),
  }),
  def.text({
    key: 'activation.userSystemCode', file: F, section: 'Activation', name: 'UserSystemCode', default: '', maxLength: 20, charClass: 'ascii',
    label: text('ユーザシステムコード', 'User system code'),
    guide: text('開局時に設定されるユーザシステムコードです。', 'The user system code set by activation.'),
  }),
  def.text({
    key: 'activation.expiry', file: F, section: 'Activation', name: 'Expiry', default: '', maxLength: 10, charClass: 'date',
    label: text('サービス有効期限', 'Service expiry date'),
    guide: text('サービスの有効期限(YYYY-MM-DD)です。期限延長キーで変更します。', 'The service expiry date (YYYY-MM-DD); an extension key changes it.'),
  }),

  // お客様に関する情報: key-file activation only.
  def.enum({
    key: 'customer.type', file: F, section: 'Customer', name: 'Type', default: 'corporate', choices: ['individual', 'corporate'],
    choiceLabels: { individual: text('個人', 'Individual'), corporate: text('法人', 'Corporate') },
    activeWhen: keyFile, label: text('お客様属性', 'Customer type'),
    guide: text('お客様が個人の場合は個人、法人の場合は法人を選択して下さい。', 'Choose Individual or Corporate.'),
  }),
  def.text({
    key: 'customer.nameKana', file: F, section: 'Customer', name: 'NameKana', default: '', maxLength: 40, charClass: 'half-kana', accessKey: 'M',
    requiredWhen: keyFile, activeWhen: keyFile, label: text('お客様名称(カナ)', 'Customer name (kana)'),
    guide: text('お客様の名称を半角カナで入力して下さい。(例) ﾆﾁﾃﾞﾝ ﾀﾛｳ', 'Enter the customer name in half-width katakana, e.g. ﾆﾁﾃﾞﾝ ﾀﾛｳ.'),
  }),
  def.text({
    key: 'customer.name', file: F, section: 'Customer', name: 'Name', default: '', maxLength: 30, charClass: 'full-width', accessKey: 'A',
    requiredWhen: keyFile, activeWhen: keyFile, label: text('お客様名称(漢字)', 'Customer name'),
    guide: text('お客様の名称を全角で入力して下さい。(例) 日電　太郎', 'Enter the customer name in full-width characters, e.g. 日電　太郎.'),
  }),
  def.text({
    key: 'customer.department', file: F, section: 'Customer', name: 'Department', default: '', maxLength: 20, charClass: 'full-width', accessKey: 'P',
    activeWhen: all(keyFile, is('customer.type', 'corporate')), forbiddenWhen: individual, label: text('部署名', 'Department'),
    guide: text('部署名を全角で入力して下さい。お客様が個人の場合は入力できません。', 'Enter the department in full-width characters (not for an individual customer).'),
  }),
  def.text({
    key: 'customer.postalCode', file: F, section: 'Customer', name: 'PostalCode', default: '', maxLength: 7, charClass: 'postal', accessKey: 'Z',
    requiredWhen: keyFile, activeWhen: keyFile, label: text('お客様郵便番号', 'Postal code'),
    guide: text('郵便番号を7桁の半角数字で入力して下さい。(例) 0123456', 'Enter the postal code as 7 half-width digits, e.g. 0123456.'),
  }),
  def.text({
    key: 'customer.addressKana', file: F, section: 'Customer', name: 'AddressKana', default: '', maxLength: 40, charClass: 'half-kana', accessKey: 'D',
    requiredWhen: keyFile, activeWhen: keyFile, label: text('住所(カナ)', 'Address (kana)'),
    guide: text('住所を半角カナで入力して下さい。(例) ﾄｳｷｮｳﾄ ﾌﾁｭｳｼ', 'Enter the address in half-width katakana, e.g. ﾄｳｷｮｳﾄ ﾌﾁｭｳｼ.'),
  }),
  def.text({
    key: 'customer.address', file: F, section: 'Customer', name: 'Address', default: '', maxLength: 30, charClass: 'full-width', accessKey: 'R',
    requiredWhen: keyFile, activeWhen: keyFile, label: text('住所(漢字)', 'Address'),
    guide: text('住所を全角で入力して下さい。(例) 東京都府中市', 'Enter the address in full-width characters.'),
  }),
  def.text({
    key: 'customer.addressDetail', file: F, section: 'Customer', name: 'AddressDetail', default: '', maxLength: 30, charClass: 'any', accessKey: 'E',
    activeWhen: keyFile, label: text('住所(詳細)', 'Address (details)'),
    guide: text('番地、建物名などを入力して下さい。', 'Enter the street number, building and so on.'),
  }),
  def.text({
    key: 'customer.phone', file: F, section: 'Customer', name: 'Phone', default: '', maxLength: 20, charClass: 'phone', accessKey: 'T',
    requiredWhen: keyFile, activeWhen: keyFile, label: text('お客様電話番号', 'Phone number'),
    guide: text('電話番号を半角数字と - で入力して下さい。(例) 0123-45-6789', 'Enter the phone number with half-width digits and -, e.g. 0123-45-6789.'),
  }),
  def.text({
    key: 'customer.email', file: F, section: 'Customer', name: 'Email', default: '', maxLength: 60, charClass: 'email', accessKey: 'L',
    requiredWhen: keyFile, activeWhen: keyFile, label: text('お客様メールアドレス', 'E-mail address'),
    guide: text('テスト通報結果の送付先にもなるメールアドレスを入力して下さい。(例) aaa@bbb.co.jp', 'Enter the e-mail address (test results are sent there), e.g. aaa@bbb.co.jp.'),
  }),
  def.text({
    key: 'customer.contactKana', file: F, section: 'Customer', name: 'ContactKana', default: '', maxLength: 20, charClass: 'half-kana', accessKey: 'C',
    activeWhen: all(keyFile, is('customer.type', 'corporate')), forbiddenWhen: individual, label: text('担当者名(カナ)', 'Contact person (kana)'),
    guide: text('担当者名称(姓および名)を半角カナで入力して下さい。(例) ﾆﾁﾃﾞﾝ ﾊﾅｺ', 'Enter the contact person (family and given name) in half-width katakana, e.g. ﾆﾁﾃﾞﾝ ﾊﾅｺ.'),
  }),
  def.text({
    key: 'customer.contact', file: F, section: 'Customer', name: 'Contact', default: '', maxLength: 20, charClass: 'full-width', accessKey: 'G',
    activeWhen: all(keyFile, is('customer.type', 'corporate')), forbiddenWhen: individual, label: text('担当者名(漢字)', 'Contact person'),
    guide: text('担当者名称(姓および名)を全角で入力して下さい。(例) 日電　花子', 'Enter the contact person in full-width characters, e.g. 日電　花子.'),
  }),

  // 本機に関する情報
  def.text({
    key: 'machine.serverName', file: F, section: 'Machine', name: 'ServerName', default: '', maxLength: 20, charClass: 'any', accessKey: 'R',
    requiredWhen: activated, label: text('サーバ名称', 'Server name'),
    guide: text('お客様が付けたいサーバ名称(20文字以内)を入力して下さい。', 'Enter the name you want for this server (at most 20 characters).'),
  }),
  def.text({
    key: 'machine.deviceCode', file: F, section: 'Machine', name: 'DeviceCode', default: '', maxLength: 20, charClass: 'ascii', accessKey: 'H',
    requiredWhen: activated, label: text('装置コード', 'Device code'),
    guide: text('装置コードを一覧から選択して下さい。一覧に無い場合は入力して下さい。(例) N8100-XXX', 'Choose the device code from the list, or type it if it is not listed (e.g. N8100-XXX).'),
  }),
  def.text({
    key: 'machine.serialNumber', file: F, section: 'Machine', name: 'SerialNumber', default: '', maxLength: 16, charClass: 'ascii', accessKey: 'U',
    requiredWhen: activated, label: text('製造番号', 'Serial number'),
    guide: text('本体装置の製造番号を入力して下さい。', 'Enter the serial number of the server.'),
  }),
  def.text({
    key: 'machine.warrantyNumber', file: F, section: 'Machine', name: 'WarrantyNumber', default: '', maxLength: 16, charClass: 'ascii', accessKey: 'G',
    requiredWhen: activated, label: text('保証書番号', 'Warranty number'),
    guide: text('本体装置の保証書番号を入力して下さい。', 'Enter the warranty number of the server.'),
  }),
  def.text({
    key: 'machine.comment', file: F, section: 'Machine', name: 'Comment', default: '', maxLength: 60, charClass: 'any', accessKey: 'C',
    label: text('コメント', 'Comment'), guide: text('必要であればコメントを入力して下さい(60文字以内)。', 'An optional comment (at most 60 characters).'),
  }),

  // 販売店情報 (optional)
  def.text({
    key: 'dealer.name', file: F, section: 'Dealer', name: 'Name', default: '', maxLength: 40, charClass: 'any', accessKey: 'D',
    label: text('販売店名', 'Dealer'), guide: text('販売店の名称を選択して下さい。一覧に無い場合は入力して下さい。', 'Choose the dealer from the list, or type it if it is not listed.'),
  }),
  def.text({
    key: 'dealer.sales.department', file: F, section: 'Dealer', name: 'SalesDepartment', default: '', maxLength: 40, charClass: 'any', accessKey: 'S',
    label: text('担当営業所属', 'Sales department'), guide: text('担当営業の所属を入力して下さい。', 'Enter the sales representative\'s department.'),
  }),
  def.text({
    key: 'dealer.sales.name', file: F, section: 'Dealer', name: 'SalesName', default: '', maxLength: 20, charClass: 'any', accessKey: 'A',
    label: text('担当営業氏名', 'Sales representative'), guide: text('担当営業の氏名を入力して下さい。', 'Enter the sales representative\'s name.'),
  }),
  def.text({
    key: 'dealer.sales.phone', file: F, section: 'Dealer', name: 'SalesPhone', default: '', maxLength: 20, charClass: 'phone', accessKey: 'P',
    label: text('担当営業電話番号', 'Sales phone number'), guide: text('担当営業の電話番号を入力して下さい。(例) 0123-45-6789', 'Enter the sales representative\'s phone number, e.g. 0123-45-6789.'),
  }),
  def.text({
    key: 'dealer.se.department', file: F, section: 'Dealer', name: 'SeDepartment', default: '', maxLength: 40, charClass: 'any', accessKey: 'E',
    label: text('担当SE所属', 'SE department'), guide: text('担当SEの所属を入力して下さい。', 'Enter the systems engineer\'s department.'),
  }),
  def.text({
    key: 'dealer.se.name', file: F, section: 'Dealer', name: 'SeName', default: '', maxLength: 20, charClass: 'any', accessKey: 'M',
    label: text('担当SE氏名', 'Systems engineer'), guide: text('担当SEの氏名を入力して下さい。', 'Enter the systems engineer\'s name.'),
  }),
  def.text({
    key: 'dealer.se.phone', file: F, section: 'Dealer', name: 'SePhone', default: '', maxLength: 20, charClass: 'phone', accessKey: 'O',
    label: text('担当SE電話番号', 'SE phone number'), guide: text('担当SEの電話番号を入力して下さい。(例) 0123-45-6789', 'Enter the systems engineer\'s phone number, e.g. 0123-45-6789.'),
  }),
] as const;
