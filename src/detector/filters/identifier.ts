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
/** 0 separator, 1 lower, 2 upper, 3 digit. */
function classAt(token: string, i: number): number {
  const c = token.charCodeAt(i);
  return c >= 97 && c <= 122 ? 1 : c >= 65 && c <= 90 ? 2 : c >= 48 && c <= 57 ? 3 : 0;
}

export function isIdentifierLike(token: string): boolean {
  const n = token.length;
  let words = 0;
  let letters = 0;
  let short = 0;
  let odd = 0;
  let digits = 0;
  let wordStart = -1;
  // One pass; a word ends at a separator, a digit, a lower-to-upper change or the last capital of an acronym.
  for (let i = 0; i <= n; i++) {
    const k = i < n ? classAt(token, i) : 0;
    let boundary = k === 0 || k === 3;
    if (!boundary && wordStart >= 0) {
      const p = classAt(token, i - 1);
      boundary = (p === 1 && k === 2) || (p === 2 && k === 2 && i + 1 < n && classAt(token, i + 1) === 1);
    }
    if (boundary && wordStart >= 0) {
      const len = i - wordStart;
      if (len === 1) return false;
      words++;
      letters += len;
      if (len === 2) short++;
      if (unpronounceable(token.slice(wordStart, i))) odd++;
      wordStart = -1;
    }
    if (k === 3) digits++;
    else if (k !== 0 && wordStart < 0) wordStart = i;
  }
  if (words === 0) return false;
  // Names carry few digits; random values about one in six characters.
  if (digits > 3 && digits * 8 > n) return false;
  return letters / words >= 3.5 && short * 3 <= words && odd * 4 <= words;
}
