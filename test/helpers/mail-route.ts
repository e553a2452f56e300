/**
 * The mail route as the tests set it with `config set`: the SMTP peer on loopback, a fixed sender and center address,
 * and no S/MIME (the peers read the mail in clear).
 */
export function mailRouteSettings(smtpPort: number): string[] {
  return [
    'express.route',
    'mail',
    'mail.smtp.host',
    '127.0.0.1',
    'mail.smtp.port',
    String(smtpPort),
    'mail.sender',
    'server@example.jp',
    'mail.to',
    'center@example.jp',
    'mail.smime',
    'off',
  ];
}
