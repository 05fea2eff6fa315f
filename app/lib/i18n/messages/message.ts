// The shape of a catalog module: one entry per flat dotted key, Japanese (the
// source of truth) first and English beside it, so a key cannot miss a locale.
export interface Message {
  readonly ja: string;
  readonly en: string;
}

export type Messages = Readonly<Record<string, Message>>;
