/** A definition file and the center certificate as the plan and the diff see them, whether from an export or the folder. */
import { X509Certificate, createHash } from 'node:crypto';
import { join } from 'node:path';
import { IniDocument } from '../../ini/document.js';
import { decodeInf, infKindFromFileName } from '../../inf/files.js';
import { type Problem } from '../../messages/problem.js';
import { ConfigStore } from '../config-store.js';
import { readFileIfExists } from '../atomic-write.js';
import { decodeText } from '../encoding.js';
import { isCodedError } from '../coded-error.js';
import { CERT_ENTRY, DEFINITION_ENTRIES, type DefinitionEntry } from '../../transfer/format.js';
import { type Certificate, type DefinitionFile } from '../../transfer/model.js';
import { type LocalFolder } from '../../transfer/plan.js';

export function definitionFile(bytes: Uint8Array, name: DefinitionEntry): { file: DefinitionFile; problems: Problem[] } {
  try {
    const d = decodeText(bytes, name);
    const kind = infKindFromFileName(name.split('/').pop()!)!;
    const decoded = decodeInf(kind, IniDocument.parse(d.text), name);
    const encoding = d.encoding === 'cp932' ? 'Shift_JIS' : d.bom ? 'UTF-8 BOM' : 'UTF-8';
    return { file: { bytes, text: d.text, encoding, model: decoded.model }, problems: decoded.problems };
  } catch (e) {
    if (!isCodedError(e)) throw e;
    return { file: { bytes, text: '', encoding: 'unknown', model: undefined }, problems: [e.problem] };
  }
}

export function certificateOf(pem: string): Certificate {
  try {
    return { pem, fingerprint: new X509Certificate(pem).fingerprint256 };
  } catch {
    return { pem, fingerprint: `not a certificate, sha256 ${createHash('sha256').update(pem).digest('hex')}` };
  }
}

/** The config folder as an import compares it: the settings, the definition files' bytes, the certificate. */
export async function readLocalFolder(configDir: string): Promise<LocalFolder & { store: ConfigStore }> {
  const store = await ConfigStore.open(configDir);
  const definitions: LocalFolder['definitions'] = {};
  for (const name of DEFINITION_ENTRIES) {
    const bytes = await readFileIfExists(join(configDir, name));
    if (bytes) definitions[name] = definitionFile(bytes, name).file;
  }
  const cert = await readFileIfExists(join(configDir, CERT_ENTRY));
  return { store, config: store.config, definitions, ...(cert ? { certificate: certificateOf(Buffer.from(cert).toString('utf8')) } : {}) };
}
