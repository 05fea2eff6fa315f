// Text normalisation for Japanese search. Both the query and the indexed text
// must go through normalizeForSearch so that spelling variants compare equal.

// ヷヸヹヺ have no precomposed hiragana; write them as base + combining dakuten.
const KATAKANA_VA_ROW: Readonly<Record<string, string>> = {
  ヷ: "わ\u3099",
  ヸ: "ゐ\u3099",
  ヹ: "ゑ\u3099",
  ヺ: "を\u3099",
};

/**
 * Full-width katakana → hiragana (ァ–ヶ, ヽヾ, ヷ–ヺ). ー and half-width
 * katakana are left alone; apply NFKC first to handle the latter.
 */
export function katakanaToHiragana(s: string): string {
  return s.replace(/[\u30A1-\u30F6\u30F7-\u30FA\u30FD\u30FE]/g, (ch) => {
    const va = KATAKANA_VA_ROW[ch];
    if (va !== undefined) return va;
    return String.fromCharCode(ch.charCodeAt(0) - 0x60);
  });
}

/** Hiragana → full-width katakana (ぁ–ゖ, ゝゞ). */
export function hiraganaToKatakana(s: string): string {
  return s.replace(/[\u3041-\u3096\u309D\u309E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60));
}

// Kana letters (hiragana, katakana incl. half-width and Ainu small
// katakana), voicing marks, iteration marks and the long-vowel mark.
// Spaces and punctuation such as ・ do not count.
const KANA_ONLY = /^[\u3041-\u3096\u3099-\u309F\u30A1-\u30FA\u30FC-\u30FF\u31F0-\u31FF\uFF66-\uFF9F]+$/;

/** True when s is non-empty and consists only of kana (see KANA_ONLY). */
export function isKanaOnly(s: string): boolean {
  return KANA_ONLY.test(s);
}

// Small kana → full-size. The 総務省 code list writes readings with full-size
// kana only (四條畷市 = しじようなわてし), while people type しじょうなわてし.
// Ainu small katakana (ㇰ…) are mapped straight to hiragana, since they are
// not covered by katakanaToHiragana.
const SMALL_TO_FULL: Readonly<Record<string, string>> = {
  ぁ: "あ",
  ぃ: "い",
  ぅ: "う",
  ぇ: "え",
  ぉ: "お",
  っ: "つ",
  ゃ: "や",
  ゅ: "ゆ",
  ょ: "よ",
  ゎ: "わ",
  ゕ: "か",
  ゖ: "け",
  ㇰ: "く",
  ㇱ: "し",
  ㇲ: "す",
  ㇳ: "と",
  ㇴ: "ぬ",
  ㇵ: "は",
  ㇶ: "ひ",
  ㇷ: "ふ",
  ㇸ: "へ",
  ㇹ: "ほ",
  ㇺ: "む",
  ㇻ: "ら",
  ㇼ: "り",
  ㇽ: "る",
  ㇾ: "れ",
  ㇿ: "ろ",
};
const SMALL_KANA = new RegExp(`[${Object.keys(SMALL_TO_FULL).join("")}]`, "g");

// Dash-like characters typed (or produced by Shift_JIS conversion, which maps
// 0x815C to ― or — depending on the converter) where ー was meant. ｰ becomes
// ー through NFKC already.
const LONG_VOWEL_VARIANTS = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFF70]/g;
// ASCII "-" (also what NFKC makes of full-width "－") is only a long-vowel mark
// right after kana ("コンピュ－タ"); elsewhere it is a real hyphen ("1-2-3").
const HYPHEN_AFTER_KANA = /(?<=[\u3041-\u3096\u309D\u309E\u30A1-\u30FA\u30FC-\u30FE])-/g;

/**
 * Normalise text for search matching: NFKC (full-width ASCII and half-width
 * katakana), lowercase, katakana → hiragana, small kana → full-size, dash
 * variants → ー, whitespace trimmed and collapsed to single spaces.
 */
export function normalizeForSearch(s: string): string {
  return katakanaToHiragana(
    s
      // Spacing voicing marks (゛゜) become " ゙" under NFKC; turn them into the
      // combining marks first so NFKC composes か゛ into が.
      .replace(/\u309B/g, "\u3099")
      .replace(/\u309C/g, "\u309A")
      .normalize("NFKC")
      .toLowerCase(),
  )
    .replace(SMALL_KANA, (ch) => SMALL_TO_FULL[ch] ?? ch)
    .replace(LONG_VOWEL_VARIANTS, "ー")
    .replace(HYPHEN_AFTER_KANA, "ー")
    .replace(/\s+/g, " ")
    .trim();
}
