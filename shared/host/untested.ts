/**
 * 変更後未テスト ("changed since the last test"): the settings the center must re-learn changed after the last successful
 * テスト通報. Reports keep flowing and the state does not drop; the window shows the flag and advises a test.
 */
import { text, type LocalizedText } from '../messages/text.js';

/** What the center must re-learn: which route, where it sends (URL1/URL2, mail address, numbers), which certificate. */
export type ChangeArea = 'route' | 'destinations' | 'certificate';
export const CHANGE_AREAS: readonly ChangeArea[] = ['route', 'destinations', 'certificate'];

export const CHANGE_AREA_LABEL: Record<ChangeArea, LocalizedText> = {
  route: text('通報経路', 'route'),
  destinations: text('通報先', 'destinations'),
  certificate: text('証明書', 'certificate'),
};

export const UNTESTED_LABEL = text('変更後未テスト', 'changed, not tested');

export interface UntestedChanges {
  /** What differs from the settings of the last successful test, in CHANGE_AREAS order. */
  areas: ChangeArea[];
  /** When that test was made (absent for a baseline taken from a machine tested before this was recorded). */
  testedAt?: string;
}

/** 「通報経路、証明書」 / "route, certificate". */
export function areasText(areas: readonly ChangeArea[]): LocalizedText {
  return {
    ja: areas.map((a) => CHANGE_AREA_LABEL[a].ja).join('、'),
    en: areas.map((a) => CHANGE_AREA_LABEL[a].en).join(', '),
  };
}
