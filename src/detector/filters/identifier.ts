/** Common vowel-less words in code. */
const ABBREVIATIONS = new Set(
  'http https html xml sql css src dst ctx cfg msg pwd rgb tcp udp dns jwt sdk std str len btn nth cmd dll lib pkg tmp txn'.split(
    ' ',
  ),
);

/** 1 lower, 2 upper, 3 digit (0: a separator); 4 marks a vowel, 8 a `y`, which ends a run of consonants. */
const KIND = new Uint8Array(128);
for (let c = 48; c < 123; c++) {
  const ch = String.fromCharCode(c);
  const kind = /[a-z]/.test(ch) ? 1 : /[A-Z]/.test(ch) ? 2 : /[0-9]/.test(ch) ? 3 : 0;
  KIND[c] = kind | (/[aeiou]/i.test(ch) ? 4 : 0) | (/y/i.test(ch) ? 8 : 0);
}

function kindAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c < 128 ? (KIND[c] ?? 0) : 0;
}

/**
 * Code identifiers and words (`BINANCE_API_SECRET`, `getAccountBalance`, `XMLHttpRequest`, `node_modules`): split
 * at `_ - /`, at case changes (an acronym ends before its last capital: `XMLHttp` is `XML` + `Http`) and around
 * digits. A name is made of pronounceable words a few letters long; a random value breaks into fragments of one or
 * two characters, or into vowel-less runs such as `Lcpq`, somewhere. A word no one would name a thing has no vowel,
 * or five consonants in a row (`ftbvxz`, `XSKJJJ`), unless it is a short acronym or a common abbreviation.
 */
export function isIdentifierLike(token: string): boolean {
  return identifierLikeAt(token, 0, token.length);
}

/** `isIdentifierLike` for `text[start, end)`, in one pass and without cutting it out. */
export function identifierLikeAt(text: string, start: number, end: number): boolean {
  let words = 0;
  let letters = 0;
  let short = 0;
  let odd = 0;
  let digits = 0;
  let wordStart = -1;
  let vowel = false;
  let lower = false;
  let run = 0;
  let longestRun = 0;
  let prev = 0;
  // A word ends at a separator, a digit, a lower-to-upper change or the last capital of an acronym.
  for (let i = start; i <= end; i++) {
    const bits = i < end ? kindAt(text, i) : 0;
    const k = bits & 3;
    let boundary = k === 0 || k === 3;
    if (!boundary && wordStart >= 0) {
      boundary =
        (prev === 1 && k === 2) || (prev === 2 && k === 2 && i + 1 < end && (kindAt(text, i + 1) & 3) === 1);
    }
    if (boundary && wordStart >= 0) {
      const len = i - wordStart;
      if (len === 1) return false;
      words++;
      letters += len;
      if (len === 2) short++;
      if (
        ((len >= 3 && !vowel) || longestRun >= 5) &&
        // Acronyms are written in capitals and kept short.
        !(len <= 5 && !lower) &&
        !ABBREVIATIONS.has(text.slice(wordStart, i).toLowerCase())
      ) {
        odd++;
      }
      wordStart = -1;
    }
    if (k === 3) digits++;
    else if (k !== 0) {
      if (wordStart < 0) {
        wordStart = i;
        vowel = false;
        lower = false;
        run = 0;
        longestRun = 0;
      }
      if (bits & 4) vowel = true;
      if (k === 1) lower = true;
      run = bits & 12 ? 0 : run + 1;
      if (run > longestRun) longestRun = run;
    }
    prev = k;
  }
  if (words === 0) return false;
  // Names carry few digits; random values about one in six characters.
  if (digits > 3 && digits * 8 > end - start) return false;
  return letters / words >= 3.5 && short * 3 <= words && odd * 4 <= words;
}
