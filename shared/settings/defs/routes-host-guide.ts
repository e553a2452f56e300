import { text } from '../../messages/text.js';

/** A host field's guide; each server has an example of its own (a proxy's example must not look like an SMTP server). */
export const hostGuide = (what: string, en: string, name: string, ip: string) =>
  text(`${what}のホスト名またはIPアドレスを入力して下さい。(例) ${name}、${ip}`, `Enter the ${en}'s host name or IP address, e.g. ${name} or ${ip}.`);
