/** Character classes of credential tokens, as a lookup table over ASCII. */

export const TOKEN = 1;
export const HEX = 2;
export const BASE58 = 4;
export const DIGIT = 8;
export const LOWER = 16;
export const UPPER = 32;

/** Class bits of each ASCII code; hot loops read it directly instead of calling the helpers below. */
export const CHAR_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  let bits = 0;
  if (/[A-Za-z0-9+/_-]/.test(ch)) bits |= TOKEN;
  if (/[0-9a-fA-F]/.test(ch)) bits |= HEX;
  if (/[1-9A-HJ-NP-Za-km-z]/.test(ch)) bits |= BASE58;
  if (/[0-9]/.test(ch)) bits |= DIGIT;
  if (/[a-z]/.test(ch)) bits |= LOWER;
  if (/[A-Z]/.test(ch)) bits |= UPPER;
  CHAR_CLASS[c] = bits;
}

/** Letters, digits and `+ / _ -`: the union of the alphabets credentials are written in (`=` is padding only). */
export function isTokenChar(code: number): boolean {
  return code < 128 && ((CHAR_CLASS[code] ?? 0) & TOKEN) !== 0;
}

export function isHexChar(code: number): boolean {
  return code < 128 && ((CHAR_CLASS[code] ?? 0) & HEX) !== 0;
}

export function isBase58Char(code: number): boolean {
  return code < 128 && ((CHAR_CLASS[code] ?? 0) & BASE58) !== 0;
}

export function isAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Letters, digits, `+ / =`: what a line of base64 (a PEM body, a wrapped blob) is made of. */
export function isBase64(code: number): boolean {
  return isAlnum(code) || code === 43 || code === 47 || code === 61;
}

/** OR of the class bits of every character of `text[start, end)` (non-ASCII adds nothing), and AND in `all`. */
export interface ClassSummary {
  readonly any: number;
  readonly all: number;
}

export function classSummary(text: string, start: number, end: number): ClassSummary {
  const table = CHAR_CLASS;
  let any = 0;
  let all = 0xff;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const bits = c < 128 ? (table[c] ?? 0) : 0;
    any |= bits;
    all &= bits;
  }
  return { any, all };
}
