/** Where venue names occur in a text: parallel arrays sorted by position. */
export interface KeywordHits {
  readonly positions: readonly number[];
  /** Bit set of the exchanges (indexes into the rule table) the keyword at the same index names. */
  readonly masks: readonly number[];
}

interface Keyword {
  /** Lower-case; a space stands for an optional `_`, `-` or space. */
  readonly word: string;
  readonly mask: number;
}

export interface KeywordMatcher {
  /** Keywords by the char code of their first letter, longest first. */
  readonly byFirst: readonly (readonly Keyword[] | undefined)[];
}

export function buildKeywordMatcher(keywordsPerExchange: readonly (readonly string[])[]): KeywordMatcher {
  const maskOf = new Map<string, number>();
  keywordsPerExchange.forEach((words, index) => {
    for (const word of words) maskOf.set(word, (maskOf.get(word) ?? 0) | (1 << index));
  });
  const byFirst: Keyword[][] = [];
  const words = [...maskOf.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  for (const word of words) (byFirst[word.charCodeAt(0)] ??= []).push({ word, mask: maskOf.get(word) ?? 0 });
  return { byFirst };
}

function isAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Length of the match of `word` at `at` (ASCII case-insensitive, flexible separators), or -1. */
function matchAt(text: string, at: number, word: string): number {
  let i = at;
  for (let k = 0; k < word.length; k++) {
    const w = word.charCodeAt(k);
    if (w === 32) {
      const c = text.charCodeAt(i);
      if (c === 95 || c === 45 || c === 32) i++;
      continue;
    }
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c |= 32;
    if (c !== w) return -1;
    i++;
  }
  return i - at;
}

/**
 * Finds venue names in one pass. A hit must start a word (or a camelCase part, as in `myBinanceKey`), so `gate`
 * does not fire inside `delegate` nor `okx` inside a random token; only word starts are compared, against the few
 * keywords sharing their first letter.
 */
export function findKeywords(text: string, matcher: KeywordMatcher): KeywordHits {
  const positions: number[] = [];
  const masks: number[] = [];
  const byFirst = matcher.byFirst;
  const n = text.length;
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const raw = text.charCodeAt(i);
    const wordStart = !isAlnum(prev) || (prev >= 97 && prev <= 122 && raw >= 65 && raw <= 90);
    prev = raw;
    if (!wordStart) continue;
    const group = byFirst[raw >= 65 && raw <= 90 ? raw | 32 : raw];
    if (group === undefined) continue;
    for (const keyword of group) {
      const len = matchAt(text, i, keyword.word);
      if (len < 0) continue;
      positions.push(i);
      masks.push(keyword.mask);
      // Skip the keyword's letters: `binance_api_key` is one hit, not three.
      i += len - 1;
      prev = text.charCodeAt(i);
      break;
    }
  }
  return { positions, masks };
}
