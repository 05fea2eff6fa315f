import { describe, it, expect } from "vitest";
import { corporateNumberCheckDigit, isValidCorporateNumber, normalizeCorporateNumber } from "./corporate-number";

describe("corporateNumberCheckDigit", () => {
  it("matches published numbers", () => {
    // 国税庁's own 法人番号.
    expect(corporateNumberCheckDigit("000012050002")).toBe(7);
    expect(corporateNumberCheckDigit("010401089998")).toBe(5);
  });

  it("always yields 1–9 (0 is never a check digit)", () => {
    for (let i = 0; i < 2000; i++) {
      const base = String(i * 7919 * 104729)
        .padStart(12, "0")
        .slice(-12);
      const d = corporateNumberCheckDigit(base);
      expect(d).toBeGreaterThanOrEqual(1);
      expect(d).toBeLessThanOrEqual(9);
    }
  });

  it("weights odd positions from the right by 1 and even ones by 2", () => {
    // Only the last digit set: 1×1 → 9 - 1 = 8.
    expect(corporateNumberCheckDigit("000000000001")).toBe(8);
    // Only the second-to-last digit set: 1×2 → 9 - 2 = 7.
    expect(corporateNumberCheckDigit("000000000010")).toBe(7);
    // Sum 0 → 9 - 0 = 9.
    expect(corporateNumberCheckDigit("000000000000")).toBe(9);
    // Sum 9 (≡ 0) → 9 as well.
    expect(corporateNumberCheckDigit("000000000009")).toBe(9);
  });

  it("rejects malformed bases", () => {
    expect(() => corporateNumberCheckDigit("12345678901")).toThrow(RangeError);
    expect(() => corporateNumberCheckDigit("1234567890123")).toThrow(RangeError);
    expect(() => corporateNumberCheckDigit("12345678901a")).toThrow(RangeError);
    expect(() => corporateNumberCheckDigit("１２３４５６７８９０１２")).toThrow(RangeError);
  });
});

describe("isValidCorporateNumber", () => {
  it("accepts real numbers", () => {
    expect(isValidCorporateNumber("7000012050002")).toBe(true);
    expect(isValidCorporateNumber("5010401089998")).toBe(true);
  });

  it("accepts numbers built with the check-digit function", () => {
    for (const base of ["011001000001", "123456789012", "999999999999", "020001077057"]) {
      const full = `${corporateNumberCheckDigit(base)}${base}`;
      expect(isValidCorporateNumber(full)).toBe(true);
    }
  });

  it("rejects a wrong check digit", () => {
    expect(isValidCorporateNumber("6000012050002")).toBe(false);
    expect(isValidCorporateNumber("8000012050002")).toBe(false);
    expect(isValidCorporateNumber("0000012050002")).toBe(false);
  });

  it("rejects a transposition in the base", () => {
    expect(isValidCorporateNumber("5010401089989")).toBe(false);
  });

  it("rejects wrong lengths", () => {
    expect(isValidCorporateNumber("")).toBe(false);
    expect(isValidCorporateNumber("700001205000")).toBe(false);
    expect(isValidCorporateNumber("70000120500020")).toBe(false);
  });

  it("rejects non-digits", () => {
    expect(isValidCorporateNumber("700001205000a")).toBe(false);
    expect(isValidCorporateNumber("7000012050.02")).toBe(false);
    expect(isValidCorporateNumber("+700001205000")).toBe(false);
  });

  it("accepts full-width digits, spaces and hyphens", () => {
    expect(isValidCorporateNumber("７０００○１２０５０００２")).toBe(false); // ○ is not a digit
    expect(isValidCorporateNumber("７００００１２０５０００２")).toBe(true);
    expect(isValidCorporateNumber(" 7-0000-1205-0002 ")).toBe(true);
    expect(isValidCorporateNumber("７　０００　０１２０　５０００２")).toBe(true);
    expect(isValidCorporateNumber("7－0000－1205－0002")).toBe(true);
  });
});

describe("normalizeCorporateNumber", () => {
  it("applies NFKC and strips spaces and hyphens", () => {
    expect(normalizeCorporateNumber("５０１０４０１０８９９９８")).toBe("5010401089998");
    expect(normalizeCorporateNumber(" 5-0104-0108-9998\t")).toBe("5010401089998");
    expect(normalizeCorporateNumber("5‐0104‐0108‐9998")).toBe("5010401089998");
    expect(normalizeCorporateNumber("5　0104　0108　9998")).toBe("5010401089998");
  });

  it("keeps other characters so validation can reject them", () => {
    expect(normalizeCorporateNumber("T5010401089998")).toBe("T5010401089998");
  });
});
