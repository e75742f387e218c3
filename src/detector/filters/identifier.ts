const VOWEL = /[aeiouAEIOU]/;

/**
 * Code identifiers and words (`BINANCE_API_SECRET`, `getAccountBalance`, `XMLHttpRequest`, `node_modules`): split
 * at `_ - /`, at case changes (an acronym ends before its last capital: `XMLHttp` is `XML` + `Http`) and around
 * digits. A name is made of pronounceable words a few letters long; a random value breaks into fragments of one or
 * two characters, or into vowel-less runs such as `Lcpq`, somewhere.
 */
export function isIdentifierLike(token: string): boolean {
  const n = token.length;
  const cls = (i: number): number => {
    const c = token.charCodeAt(i);
    return c >= 97 && c <= 122 ? 1 : c >= 65 && c <= 90 ? 2 : c >= 48 && c <= 57 ? 3 : 0;
  };
  let words = 0;
  let letters = 0;
  let short = 0;
  let unpronounceable = 0;
  let digits = 0;
  let wordStart = -1;
  const flush = (end: number): boolean => {
    if (wordStart < 0) return true;
    const len = end - wordStart;
    const word = token.slice(wordStart, end);
    wordStart = -1;
    if (len === 1) return false;
    words++;
    letters += len;
    if (len === 2) short++;
    // Short acronyms (`HTTP`, `SQL`) lack vowels; longer words without one are rare in names.
    if (len >= 3 && !VOWEL.test(word) && (len >= 5 || word !== word.toUpperCase())) unpronounceable++;
    return true;
  };
  for (let i = 0; i < n; i++) {
    const k = cls(i);
    if (k === 0 || k === 3) {
      if (!flush(i)) return false;
      if (k === 3) digits++;
      continue;
    }
    if (wordStart >= 0) {
      const p = cls(i - 1);
      const acronymEnd = p === 2 && k === 2 && i + 1 < n && cls(i + 1) === 1;
      if ((p === 1 && k === 2) || acronymEnd) {
        if (!flush(i)) return false;
      }
    }
    if (wordStart < 0) wordStart = i;
  }
  if (!flush(n) || words === 0) return false;
  // Names carry few digits; random values about one in six characters.
  if (digits > 3 && digits * 8 > n) return false;
  return letters / words >= 3.5 && short * 3 <= words && unpronounceable * 4 <= words;
}
