/**
 * A small passphrase strength estimate for the first-run and change-passphrase forms. No big dictionary: the
 * estimate splits the passphrase into runs (letters, digits, symbols), charges word-like letter runs as if drawn
 * from a 7,776-word list (Diceware), spots repeats, sequences, keyboard rows, years and a short list of the most
 * common passwords, and takes the lower of that and a plain character-set bound.
 *
 * Scores target offline guessing against PBKDF2-SHA256 at 600,000 iterations (a few 10^4 guesses per second per
 * GPU): 0 < 25 bits ≤ 1 < 40 ≤ 2 < 55 ≤ 3 < 70 ≤ 4.
 */

export type StrengthWarningCode =
  | 'empty'
  | 'too-short'
  | 'common-password'
  | 'repeated'
  | 'sequence'
  | 'year'
  | 'few-words'
  | 'one-character-class';

export interface StrengthWarning {
  readonly code: StrengthWarningCode;
  readonly message: string;
}

export interface StrengthEstimate {
  /** Estimated bits of guessing work (log2 of guesses). */
  readonly bits: number;
  readonly score: 0 | 1 | 2 | 3 | 4;
  readonly warnings: readonly StrengthWarning[];
}

const MESSAGES: Record<StrengthWarningCode, string> = {
  empty: 'Enter a passphrase.',
  'too-short': 'Use at least 12 characters; four or more random words work well.',
  'common-password': 'This is one of the most common passwords.',
  repeated: 'Repeated characters add little.',
  sequence: 'Sequences such as "abcd", "1234" or "qwerty" are easy to guess.',
  year: 'Years and dates are easy to guess.',
  'few-words': 'A few words are easy to guess; add more words that are not a phrase.',
  'one-character-class': 'Mix letters with digits or symbols, or use more words.',
};

/** The most common passwords (from public breach top-lists), compared after lower-casing and undoing leet. */
const COMMON = new Set([
  '123456',
  'password',
  '12345678',
  'qwerty',
  '123456789',
  '12345',
  '1234',
  '111111',
  '1234567',
  'dragon',
  '123123',
  'baseball',
  'abc123',
  'football',
  'monkey',
  'letmein',
  '696969',
  'shadow',
  'master',
  '666666',
  'qwertyuiop',
  '123321',
  'mustang',
  '1234567890',
  'michael',
  '654321',
  'superman',
  '1qaz2wsx',
  '7777777',
  'fuckyou',
  '121212',
  '000000',
  'qazwsx',
  '123qwe',
  'killer',
  'trustno1',
  'jordan',
  'jennifer',
  'zxcvbnm',
  'asdfgh',
  'hunter',
  'buster',
  'soccer',
  'harley',
  'batman',
  'andrew',
  'tigger',
  'sunshine',
  'iloveyou',
  'fuckme',
  '2000',
  'charlie',
  'robert',
  'thomas',
  'hockey',
  'ranger',
  'daniel',
  'starwars',
  'klaster',
  '112233',
  'george',
  'asshole',
  'computer',
  'michelle',
  'jessica',
  'pepper',
  '1111',
  'zxcvbn',
  '555555',
  '11111111',
  '131313',
  'freedom',
  '777777',
  'pass',
  'maggie',
  '159753',
  'aaaaaa',
  'ginger',
  'princess',
  'joshua',
  'cheese',
  'amanda',
  'summer',
  'love',
  'ashley',
  '6969',
  'nicole',
  'chelsea',
  'biteme',
  'matthew',
  'access',
  'yankees',
  '987654321',
  'dallas',
  'austin',
  'thunder',
  'taylor',
  'matrix',
  'welcome',
  'admin',
  'passw0rd',
  'password1',
  'qwerty123',
  'login',
  'solo',
  'starwars',
  'whatever',
  'flower',
  'hello',
  'secret',
  'bitcoin',
  'crypto',
  'binance',
  'satoshi',
  'ethereum',
  'wallet',
  'trading',
  'moon',
  'lambo',
  'hodl',
  'changeme',
  'default',
  'keywarden',
  'passphrase',
  'correcthorsebatterystaple',
  'letmein1',
  'monkey1',
]);

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'l',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
};
const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'abcdefghijklmnopqrstuvwxyz', '01234567890'];
const WORD_BITS = Math.log2(7776);
const SEPARATOR = /[\s\-_.,+]/u;

function poolOf(text: string): number {
  let pool = 0;
  if (/[a-z]/.test(text)) pool += 26;
  if (/[A-Z]/.test(text)) pool += 26;
  if (/[0-9]/.test(text)) pool += 10;
  if (/[^a-zA-Z0-9\p{L}]/u.test(text)) pool += 33;
  if (/[^\p{ASCII}]/u.test(text)) pool += 100;
  return Math.max(pool, 1);
}

function isSequence(run: string): boolean {
  if (run.length < 3) return false;
  const lower = run.toLowerCase();
  for (const row of ROWS) {
    if (row.includes(lower)) return true;
    if ([...row].reverse().join('').includes(lower)) return true;
  }
  return false;
}

function isRepeat(run: string): boolean {
  return run.length >= 3 && /^(.+?)\1+$/su.test(run);
}

function looksLikeWord(run: string): boolean {
  const lower = run.toLowerCase();
  const vowels = (lower.match(/[aeiouy]/g) ?? []).length;
  return (
    run.length >= 3 &&
    vowels / run.length >= 0.2 &&
    vowels / run.length <= 0.7 &&
    !/[bcdfghjklmnpqrstvwxz]{4}/.test(lower)
  );
}

interface RunCost {
  readonly bits: number;
  readonly warning?: StrengthWarningCode;
  /** How many dictionary-like words the run is charged as. */
  readonly words?: number;
}

function costOfRun(run: string): RunCost {
  const chars = Array.from(run);
  if (isRepeat(run)) {
    const unit = /^(.+?)\1+$/su.exec(run)?.[1] ?? run;
    return { bits: costOfRun(unit).bits + Math.log2(chars.length), warning: 'repeated' };
  }
  if (isSequence(run)) return { bits: Math.log2(26) + Math.log2(chars.length) + 1, warning: 'sequence' };
  if (/^\d+$/.test(run)) {
    if (/^(19|20)\d\d$/.test(run)) return { bits: Math.log2(200), warning: 'year' };
    return { bits: chars.length * Math.log2(10) };
  }
  if (/^\p{L}+$/u.test(run) && looksLikeWord(run)) {
    const caps = /^\p{Lu}\p{Ll}+$/u.test(run) || /^\p{Lu}+$/u.test(run) ? 1 : /\p{Lu}/u.test(run) ? 3 : 0;
    // Without a dictionary, assume a letter run of L characters is about L/6 concatenated common words.
    const words = Math.max(1, Math.round(chars.length / 6));
    return { bits: Math.min(words * WORD_BITS, chars.length * Math.log2(26)) + caps, words };
  }
  return { bits: chars.length * Math.log2(poolOf(run)) };
}

function runsOf(text: string): string[] {
  return text.match(/\p{L}+|\p{N}+|[^\p{L}\p{N}]+/gu) ?? [];
}

function scoreOf(bits: number): StrengthEstimate['score'] {
  if (bits < 25) return 0;
  if (bits < 40) return 1;
  if (bits < 55) return 2;
  if (bits < 70) return 3;
  return 4;
}

export function estimateStrength(passphrase: string): StrengthEstimate {
  const text = passphrase.normalize('NFC');
  if (text.length === 0) return { bits: 0, score: 0, warnings: [{ code: 'empty', message: MESSAGES.empty }] };
  const warnings = new Set<StrengthWarningCode>();
  const length = Array.from(text).length;
  const charsetBits = length * Math.log2(poolOf(text));

  const unleet = Array.from(text.toLowerCase(), (c) => LEET[c] ?? c).join('');
  const compact = unleet.replace(/[\s\-_.,+]/gu, '');
  const base = compact.replace(/[^a-z]+$/u, '');
  let commonBits: number | null = null;
  if (COMMON.has(compact) || COMMON.has(text.toLowerCase())) commonBits = Math.log2(COMMON.size);
  else if (base.length > 0 && COMMON.has(base)) {
    const suffix = text.slice(text.length - (compact.length - base.length));
    commonBits = Math.log2(COMMON.size) + Math.min(...runsOf(suffix).map((r) => costOfRun(r).bits), 20) + 1;
  }

  let structureBits = 0;
  let words = 0;
  for (const run of runsOf(text)) {
    if (SEPARATOR.test(run) && Array.from(run).length === 1) {
      structureBits += 1;
      continue;
    }
    const cost = costOfRun(run);
    structureBits += cost.bits;
    words += cost.words ?? 0;
    if (cost.warning) warnings.add(cost.warning);
  }
  // A leetified word ("p4ssw0rd") is a word plus a few bits for the substitutions.
  if (/[013457@$!]/.test(text)) {
    const unleetCosts = runsOf(unleet).map(costOfRun);
    const leetBits = unleetCosts.reduce((sum, cost) => sum + cost.bits, 0) + 3;
    if (leetBits < structureBits) {
      structureBits = leetBits;
      words = unleetCosts.reduce((sum, cost) => sum + (cost.words ?? 0), 0);
    }
  }

  let bits = Math.min(charsetBits, structureBits);
  if (commonBits !== null) {
    bits = Math.min(bits, commonBits);
    warnings.add('common-password');
  }
  if (length < 12) warnings.add('too-short');
  if (words > 0 && words < 5 && bits < 70 && commonBits === null) warnings.add('few-words');
  if (poolOf(text) <= 26 && words === 0 && length < 20) warnings.add('one-character-class');

  const rounded = Math.max(0, Math.round(bits * 10) / 10);
  return {
    bits: rounded,
    score: scoreOf(rounded),
    warnings: [...warnings].map((code) => ({ code, message: MESSAGES[code] })),
  };
}
