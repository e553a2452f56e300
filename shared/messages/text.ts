/** Every user-facing text exists in both languages; the reader's language is chosen when it is printed. */
export type Lang = 'ja' | 'en';
export interface LocalizedText {
  readonly ja: string;
  readonly en: string;
}
export const LANGS: readonly Lang[] = ['ja', 'en'];

export function text(ja: string, en: string): LocalizedText {
  return { ja, en };
}

export function isLang(v: unknown): v is Lang {
  return v === 'ja' || v === 'en';
}
