// 法人番号 (corporate number): 13 digits, the FIRST digit being a check digit
// over the 12 that follow. Rule from the National Tax Agency
// (法人番号の指定等に関する省令 第2条):
//   check = 9 - (Σ Pn × Qn) mod 9
// where Pn is the n-th digit of the 12-digit base counted from the right
// (n = 1 is the last digit) and Qn = 1 for odd n, 2 for even n.

/**
 * NFKC (so full-width digits become ASCII) and drop the spaces and hyphens
 * people paste in from registers and business cards ("7-0000-1205-0002").
 */
export function normalizeCorporateNumber(input: string): string {
  // NFKC turns "－" (U+FF0D) into "-" but leaves other dashes alone, so strip
  // those explicitly as well.
  return input.normalize("NFKC").replace(/[\s\-‐‑‒–—―−]/g, "");
}

/** Check digit (1–9) for a 12-digit base. Throws RangeError on bad input. */
export function corporateNumberCheckDigit(base12: string): number {
  if (!/^\d{12}$/.test(base12)) {
    throw new RangeError(`corporate number base must be 12 ASCII digits: ${JSON.stringify(base12)}`);
  }
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    const digit = base12.charCodeAt(12 - n) - 48;
    sum += digit * (n % 2 === 1 ? 1 : 2);
  }
  return 9 - (sum % 9);
}

/** True when the (normalised) input is 13 digits with a correct check digit. */
export function isValidCorporateNumber(input: string): boolean {
  const s = normalizeCorporateNumber(input);
  if (!/^\d{13}$/.test(s)) return false;
  return corporateNumberCheckDigit(s.slice(1)) === s.charCodeAt(0) - 48;
}
