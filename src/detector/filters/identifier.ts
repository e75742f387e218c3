/** Common vowel-less words in code. */
const ABBREVIATIONS = new Set(
  'http https html xml sql css src dst ctx cfg msg pwd rgb tcp udp dns jwt sdk std str len btn nth cmd dll lib pkg tmp txn'.split(
    ' ',
  ),
);

/**
 * A word no one would name a thing: no vowel, or five consonants in a row (`ftbvxz`, `XSKJJJ`). Reads the word in
 * place; only a suspect word is cut out, to look it up among the abbreviations.
 */
function unpronounceable(text: string, start: number, end: number): boolean {
  let vowel = false;
  let run = 0;
  let maxRun = 0;
  let lower = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) | 32;
    if (c === 97 || c === 101 || c === 105 || c === 111 || c === 117) {
      vowel = true;
      run = 0;
    } else {
      run = c === 121 ? 0 : run + 1;
      if (run > maxRun) maxRun = run;
    }
    if (text.charCodeAt(i) >= 97) lower = true;
  }
  const n = end - start;
  if (!((n >= 3 && !vowel) || maxRun >= 5)) return false;
  // Acronyms are written in capitals and kept short.
  if (n <= 5 && !lower) return false;
  return !ABBREVIATIONS.has(text.slice(start, end).toLowerCase());
}

/**
 * Code identifiers and words (`BINANCE_API_SECRET`, `getAccountBalance`, `XMLHttpRequest`, `node_modules`): split
 * at `_ - /`, at case changes (an acronym ends before its last capital: `XMLHttp` is `XML` + `Http`) and around
 * digits. A name is made of pronounceable words a few letters long; a random value breaks into fragments of one or
 * two characters, or into vowel-less runs such as `Lcpq`, somewhere.
 */
/** 0 separator, 1 lower, 2 upper, 3 digit. */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 97 && c <= 122 ? 1 : c >= 65 && c <= 90 ? 2 : c >= 48 && c <= 57 ? 3 : 0;
}

export function isIdentifierLike(token: string): boolean {
  return identifierLikeAt(token, 0, token.length);
}

/** `isIdentifierLike` for `text[start, end)`, without cutting it out. */
export function identifierLikeAt(text: string, start: number, end: number): boolean {
  const n = end - start;
  let words = 0;
  let letters = 0;
  let short = 0;
  let odd = 0;
  let digits = 0;
  let wordStart = -1;
  // One pass; a word ends at a separator, a digit, a lower-to-upper change or the last capital of an acronym.
  for (let i = start; i <= end; i++) {
    const k = i < end ? classAt(text, i) : 0;
    let boundary = k === 0 || k === 3;
    if (!boundary && wordStart >= 0) {
      const p = classAt(text, i - 1);
      boundary = (p === 1 && k === 2) || (p === 2 && k === 2 && i + 1 < end && classAt(text, i + 1) === 1);
    }
    if (boundary && wordStart >= 0) {
      const len = i - wordStart;
      if (len === 1) return false;
      words++;
      letters += len;
      if (len === 2) short++;
      if (unpronounceable(text, wordStart, i)) odd++;
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
