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
  /** Finds places where some keyword may start (its first letters): the regex engine skips the rest quickly. */
  readonly prefilter: RegExp;
}

export function buildKeywordMatcher(keywordsPerExchange: readonly (readonly string[])[]): KeywordMatcher {
  const maskOf = new Map<string, number>();
  keywordsPerExchange.forEach((words, index) => {
    for (const word of words) maskOf.set(word, (maskOf.get(word) ?? 0) | (1 << index));
  });
  const byFirst: Keyword[][] = [];
  const words = [...maskOf.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const prefixes = new Set<string>();
  for (const word of words) {
    (byFirst[word.charCodeAt(0)] ??= []).push({ word, mask: maskOf.get(word) ?? 0 });
    let letters = 0;
    let end = 0;
    while (end < word.length && letters < 4) if (word.charAt(end++) !== ' ') letters++;
    prefixes.add(
      word
        .slice(0, end)
        .replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
        .replace(/ /g, '[-_ ]?'),
    );
  }
  const prefilter = new RegExp(prefixes.size > 0 ? [...prefixes].join('|') : '(?!)', 'gi');
  return { byFirst, prefilter };
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
 * does not fire inside `delegate` nor `okx` inside a random token; only places the prefilter finds are compared,
 * against the few keywords sharing their first letter.
 */
export function findKeywords(text: string, matcher: KeywordMatcher): KeywordHits {
  const positions: number[] = [];
  const masks: number[] = [];
  const byFirst = matcher.byFirst;
  const prefilter = matcher.prefilter;
  prefilter.lastIndex = 0;
  for (let m = prefilter.exec(text); m !== null; m = prefilter.exec(text)) {
    const i = m.index;
    const raw = text.charCodeAt(i);
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
    const wordStart = !isAlnum(prev) || (prev >= 97 && prev <= 122 && raw >= 65 && raw <= 90);
    prefilter.lastIndex = i + 1;
    if (!wordStart) continue;
    const group = byFirst[raw >= 65 && raw <= 90 ? raw | 32 : raw];
    if (group === undefined) continue;
    for (const keyword of group) {
      const len = matchAt(text, i, keyword.word);
      if (len < 0) continue;
      positions.push(i);
      masks.push(keyword.mask);
      // Skip the keyword's letters: `binance_api_key` is one hit, not three.
      prefilter.lastIndex = i + len;
      break;
    }
  }
  return { positions, masks };
}
