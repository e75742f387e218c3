const VOWEL = /[aeiou]/;
const CONSONANT_RUN = /[^aeiouy]{5}/;
/** Common vowel-less words in code. */
const ABBREVIATIONS = new Set([
  'http',
  'https',
  'html',
  'xml',
  'sql',
  'css',
  'src',
  'dst',
  'ctx',
  'cfg',
  'msg',
  'pwd',
  'rgb',
  'tcp',
  'udp',
  'dns',
  'jwt',
  'sdk',
  'std',
  'str',
  'len',
  'btn',
  'nth',
  'cmd',
  'dll',
  'lib',
  'pkg',
  'tmp',
  'txn',
]);

/** A word no one would name a thing: no vowel, or five consonants in a row (`ftbvxz`, `XSKJJJ`). */
function unpronounceable(word: string): boolean {
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return false;
  // Acronyms are written in capitals and kept short.
  if (word.length <= 5 && word === word.toUpperCase()) return false;
  return (word.length >= 3 && !VOWEL.test(lower)) || CONSONANT_RUN.test(lower);
}

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
  let odd = 0;
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
    if (unpronounceable(word)) odd++;
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
  return letters / words >= 3.5 && short * 3 <= words && odd * 4 <= words;
}
