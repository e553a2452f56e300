import { text } from '../../messages/text.js';
import { def, isOn } from '../define.js';

/** [Suppression] of routes.ini: folding identical events into one report. */
const F = 'routes.ini' as const;

export const suppressionDefs = [
  // 通報の抑制: "do not change the defaults unless the maintenance company says so".
  def.bool({
    key: 'suppression.use',
    file: F,
    section: 'Suppression',
    name: 'Use',
    default: true,
    label: text('通報の抑制', 'Report suppression'),
    guide: text(
      '保守サービス会社からの指示がある場合を除いて、既定値を変更しないで下さい。',
      'Do not change the defaults unless the maintenance company says so.',
    ),
  }),
  def.int({
    key: 'suppression.windowMinutes',
    file: F,
    section: 'Suppression',
    name: 'WindowMinutes',
    default: 60,
    min: 1,
    max: 1440,
    activeWhen: isOn('suppression.use'),
    unit: text('分', 'min'),
    label: text('抑制時間', 'Suppression window'),
    guide: text(
      '同じイベントをまとめる時間(分)です。保守サービス会社からの指示がある場合を除いて、既定値を変更しないで下さい。',
      'Identical events within this many minutes fold into one report. Do not change unless told to.',
    ),
  }),
] as const;
