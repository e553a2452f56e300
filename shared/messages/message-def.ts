export type MessageKind = 'internal' | 'network' | 'validation' | 'definition' | 'warning' | 'confirmation' | 'information';

export interface MessageDef {
  readonly kind: MessageKind;
  readonly ja: string;
  readonly en: string;
}
