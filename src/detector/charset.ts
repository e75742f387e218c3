/** Character classes of credential tokens, as a lookup table over ASCII. */

const TOKEN = 1;
const HEX = 2;
const BASE58 = 4;

const table = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9+/_-]/.test(ch)) table[c] = TOKEN;
  if (/[0-9a-fA-F]/.test(ch)) table[c] = (table[c] ?? 0) | HEX;
  if (/[1-9A-HJ-NP-Za-km-z]/.test(ch)) table[c] = (table[c] ?? 0) | BASE58;
}

/** Letters, digits and `+ / _ -`: the union of the alphabets credentials are written in (`=` is padding only). */
export function isTokenChar(code: number): boolean {
  return code < 128 && ((table[code] ?? 0) & TOKEN) !== 0;
}

export function isHexChar(code: number): boolean {
  return code < 128 && ((table[code] ?? 0) & HEX) !== 0;
}

export function isBase58Char(code: number): boolean {
  return code < 128 && ((table[code] ?? 0) & BASE58) !== 0;
}

export function isAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
