/**
 * The device's own identity (装置コード, 製造番号) read from the firmware tables where the OS exposes them
 * (Linux: /sys/class/dmi/id; the serial number is readable by root only). What cannot be read is left out, and the
 * setup utility asks for it (装置の固有情報の入力). EXPRESS_REPORT_DMI_DIR points elsewhere (tests, containers).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type DeviceInfo } from '../../host/api.js';

const junk = /^(|none|default string|to be filled by o\.e\.m\.|not specified|system serial number|0+|x+)$/i;

async function field(dir: string, name: string): Promise<string | undefined> {
  const v = (await readFile(join(dir, name), 'utf8').catch(() => '')).trim();
  return junk.test(v) ? undefined : v;
}

export async function readDeviceInfo(env: NodeJS.ProcessEnv = process.env): Promise<DeviceInfo> {
  if (process.platform !== 'linux' && !env.EXPRESS_REPORT_DMI_DIR) return {};
  const dir = env.EXPRESS_REPORT_DMI_DIR ?? '/sys/class/dmi/id';
  const code = (await field(dir, 'product_sku')) ?? (await field(dir, 'product_name'));
  const serial = await field(dir, 'product_serial');
  return {
    ...(code && /^[\x21-\x7e]{1,20}$/.test(code) ? { deviceCode: code } : {}),
    ...(serial && /^[\x21-\x7e]{1,16}$/.test(serial) ? { serialNumber: serial } : {}),
  };
}
