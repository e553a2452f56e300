import { type SettingDef } from './define.js';

/** A setting's limits in one line of English (file comments and docs/config-keys.md say the same thing). */
export function describeLimits(d: SettingDef): string {
  switch (d.kind) {
    case 'text':
      return d.exactLength ? `exactly ${d.exactLength} ${d.charClass}` : `${d.charClass}, at most ${d.maxLength} characters`;
    case 'secret':
      return `secret, at most ${d.maxLength} characters, stored sealed (sealed:v1:...; set it with express-report config set or the settings window)`;
    case 'int':
      return `${d.min}-${d.max}${d.unit ? ` ${d.unit.en}` : ''}`;
    case 'bool':
      return 'on | off';
    case 'enum':
      return d.choices.join(' | ');
    case 'list':
      return `comma list of ${d.choices.join(', ')}`;
  }
}
