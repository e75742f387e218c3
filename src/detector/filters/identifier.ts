/**
 * Code identifiers and words (`BINANCE_API_SECRET`, `getAccountBalance`, `node_modules/typescript`): split into
 * words at `_ - /`, at lower-to-upper case changes and at letter-digit changes; a name is made of words a few letters
 * long, a random value of fragments one or two characters long.
 */
export function isIdentifierLike(token: string): boolean {
  let words = 0;
  let letters = 0;
  let digits = 0;
  let current = 0;
  let prevClass = 0; // 0 separator, 1 lower, 2 upper, 3 digit
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    const cls = c >= 97 && c <= 122 ? 1 : c >= 65 && c <= 90 ? 2 : c >= 48 && c <= 57 ? 3 : 0;
    if (cls === 3) digits++;
    if (cls === 1 || cls === 2) letters++;
    const boundary =
      cls === 0 || prevClass === 0 || (prevClass === 1 && cls === 2) || (prevClass === 3) !== (cls === 3);
    if (boundary && current > 0) {
      words++;
      current = 0;
    }
    if (cls !== 0) current++;
    prevClass = cls;
  }
  if (current > 0) words++;
  if (words === 0 || letters === 0) return false;
  // Names carry few digits; random values about one in six characters.
  if (digits > 3 && digits * 8 > token.length) return false;
  return (letters + digits) / words >= 3.5;
}
