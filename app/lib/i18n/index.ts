// Message catalogs. Every user-visible string lives in messages/, one module
// per feature or area, each key with its Japanese (the source of truth) and
// English text side by side. Keys are flat dotted strings so that validation
// schemas can carry a key instead of a sentence.
import { messages, type MessageKey } from "./messages";
import { formatters } from "./format";
import { readCookie } from "../http/cookies";

export type { MessageKey };
export { formatters, type Formatters } from "./format";
export const locales = ["ja", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "ja";

/**
 * A parameter is text or a number, or is written in the message's own locale:
 * a catalog key (a status label, with its own parameters), a calendar date
 * ("YYYY-MM-DD", 和暦 in Japanese) or a moment (an ISO timestamp). A
 * notification is written in each recipient's locale, so its dates are too.
 */
export type MessageParam = string | number | { key: MessageKey; params?: MessageParams } | { date: string } | { dateTime: string };
export type MessageParams = Record<string, MessageParam>;

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(messages, key);
}

/** Translate a key; `{name}` placeholders are filled from params. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  // A key from stored data that a later version dropped shows as itself rather than failing the page.
  const template: string = isMessageKey(key) ? messages[key][locale] : key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : paramText(locale, value);
  });
}

function paramText(locale: Locale, value: MessageParam): string {
  if (typeof value !== "object") return String(value);
  if ("key" in value) return translate(locale, value.key, value.params);
  return "date" in value ? formatters(locale).date(value.date) : formatters(locale).dateTime(value.dateTime);
}

/** Every dotted prefix of a catalog key: "field", "proposals", "proposals.status" … */
type KeyPrefix<K extends string> = K extends `${infer Head}.${infer Rest}` ? Head | `${Head}.${KeyPrefix<Rest>}` : never;
export type LabelPrefix = KeyPrefix<MessageKey>;

/**
 * The label of a code that the data layer types only as string (a text
 * column, a text[] of policy fields, an audit action): the catalog's
 * `${prefix}.${code}`, checked with isMessageKey rather than cast. A code the
 * catalog has no label for shows as itself.
 */
export function translateLabel(locale: Locale, prefix: LabelPrefix, code: string): string {
  const key = `${prefix}.${code}`;
  return isMessageKey(key) ? translate(locale, key) : code;
}

/** The codes the catalog labels under a prefix ("audit.action" → "proposal.submit", …), in catalog order. */
export function labelledCodes(prefix: LabelPrefix): string[] {
  const start = `${prefix}.`;
  return Object.keys(messages)
    .filter((key) => key.startsWith(start))
    .map((key) => key.slice(start.length));
}

export interface Translate {
  (key: MessageKey, params?: MessageParams): string;
  /** translateLabel in this locale. */
  label(prefix: LabelPrefix, code: string): string;
}

export function translator(locale: Locale): Translate {
  const t = (key: MessageKey, params?: MessageParams) => translate(locale, key, params);
  return Object.assign(t, { label: (prefix: LabelPrefix, code: string) => translateLabel(locale, prefix, code) });
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** Locale from the `lang` cookie, else Japanese (the product is Japanese first). */
export function localeFromRequest(request: Request): Locale {
  const lang = readCookie(request, "lang");
  return isLocale(lang) ? lang : defaultLocale;
}
