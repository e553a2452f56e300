/**
 * The three definition files by name, and one entry point that dispatches to each file's codec.
 */
import { type Eol, type IniDocument } from '../ini/document.js';
import { decodeAdr, defaultAdrText, encodeAdr, type AdrModel } from './adr.js';
import { type Decoded } from './common.js';
import { decodeHbi, defaultHbiText, encodeHbi, type HbiModel } from './hbi.js';
import { decodeLog, defaultLogText, encodeLog, type LogModel } from './log.js';

export const INF_FILES = {
  'AMHTPADR.INF': 'adr',
  'AMHTPLOG.INF': 'log',
  'AMHTPHBI.INF': 'hbi',
} as const;
export type InfFileName = keyof typeof INF_FILES;
export type InfKind = (typeof INF_FILES)[InfFileName];

interface InfModels {
  adr: AdrModel;
  log: LogModel;
  hbi: HbiModel;
}
export type InfModelOf<K extends InfKind> = InfModels[K];

/** A decoded file, discriminated by kind (with K = InfKind a union a `switch (d.kind)` narrows). */
export type InfDecoded<K extends InfKind = InfKind> = K extends InfKind ? { kind: K } & Decoded<InfModels[K]> : never;
/** A model tagged with its kind. */
export type InfContent<K extends InfKind = InfKind> = K extends InfKind ? { kind: K; model: InfModels[K] } : never;

interface Codec<M> {
  decode(doc: IniDocument, file: string): Decoded<M>;
  encode(model: M, into?: IniDocument): IniDocument;
  defaultText(eol: Exclude<Eol, ''>): string;
}
const CODECS: { [K in InfKind]: Codec<InfModels[K]> } = {
  adr: { decode: decodeAdr, encode: encodeAdr, defaultText: defaultAdrText },
  log: { decode: decodeLog, encode: encodeLog, defaultText: defaultLogText },
  hbi: { decode: decodeHbi, encode: encodeHbi, defaultText: defaultHbiText },
};

/** The kind of a definition file from its name or path (either slash; case does not matter, as on Windows). */
export function infKindFromFileName(name: string): InfKind | undefined {
  const base = (name.split(/[\\/]/).pop() ?? '').toUpperCase();
  return Object.hasOwn(INF_FILES, base) ? INF_FILES[base as InfFileName] : undefined;
}

/** The file name of a kind. */
export function infFileName(kind: InfKind): InfFileName {
  const found = (Object.keys(INF_FILES) as InfFileName[]).find((n) => INF_FILES[n] === kind);
  if (!found) throw new Error(`unknown definition file kind ${String(kind)}`);
  return found;
}

export function decodeInf<K extends InfKind>(kind: K, doc: IniDocument, file: string): InfDecoded<K> {
  const codec: Codec<InfModels[K]> = CODECS[kind];
  return { kind, ...codec.decode(doc, file) } as InfDecoded<K>;
}

export function encodeInf<K extends InfKind>(kind: K, model: InfModels[K], into?: IniDocument): IniDocument {
  const codec: Codec<InfModels[K]> = CODECS[kind];
  return codec.encode(model, into);
}

/** Encodes a tagged model. */
export function encodeInfContent(content: InfContent, into?: IniDocument): IniDocument {
  switch (content.kind) {
    case 'adr':
      return encodeAdr(content.model, into);
    case 'log':
      return encodeLog(content.model, into);
    case 'hbi':
      return encodeHbi(content.model, into);
  }
}

export function defaultInfText(kind: InfKind, eol: Exclude<Eol, ''> = '\r\n'): string {
  return CODECS[kind].defaultText(eol);
}
