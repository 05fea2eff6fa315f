// Message catalogs. Every user-visible string lives in ja.ts (the source of
// truth) and en.ts (second locale). Keys are flat dotted strings so that
// validation schemas can carry a key instead of a sentence.
import { ja, type MessageKey } from "./ja";
import { en } from "./en";
import { readCookie } from "../http/cookies";

export type { MessageKey };
export const locales = ["ja", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "ja";

const catalogs: Record<Locale, Record<MessageKey, string>> = { ja, en };

/** A parameter may itself be a catalog key, translated in the same locale (e.g. a status label). */
export type MessageParams = Record<string, string | number | { key: MessageKey }>;

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(ja, key);
}

/** Translate a key; `{name}` placeholders are filled from params. */
export function translate(locale: Locale, key: MessageKey | string, params?: MessageParams): string {
  const template = isMessageKey(key) ? catalogs[locale][key] : key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === "object" ? translate(locale, value.key) : String(value);
  });
}

export type Translate = (key: MessageKey | string, params?: MessageParams) => string;

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** Locale from the `lang` cookie, else Japanese (the product is Japanese first). */
export function localeFromRequest(request: Request): Locale {
  const lang = readCookie(request, "lang");
  return isLocale(lang) ? lang : defaultLocale;
}
