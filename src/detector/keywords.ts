import { isAlnum } from './charset';

/** Where venue names occur in a text: parallel arrays sorted by position. */
export interface KeywordHits {
  readonly positions: readonly number[];
  /** Bit set of the exchanges (indexes into the rule table) the keyword at the same index names. */
  readonly masks: readonly number[];
}

export interface KeywordMatcher {
  readonly regex: RegExp;
  /** Exchange mask of each keyword, in the order of the regex's capture groups. */
  readonly masks: readonly number[];
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

export function buildKeywordMatcher(keywordsPerExchange: readonly (readonly string[])[]): KeywordMatcher {
  const maskOf = new Map<string, number>();
  keywordsPerExchange.forEach((words, index) => {
    for (const word of words) maskOf.set(word, (maskOf.get(word) ?? 0) | (1 << index));
  });
  const words = [...maskOf.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  // An alternation of literals (a space is an optional `_`, `-` or space): irregexp tries each alternative at a
  // position at most once, so this is linear.
  const source = words.map((w) => `(${escape(w).replace(/ /g, '[-_ ]?')})`).join('|');
  const regex = new RegExp(words.length > 0 ? source : '(?!)', 'gi');
  return { regex, masks: words.map((w) => maskOf.get(w) ?? 0) };
}

/**
 * Finds venue names. A hit must start a word (or a camelCase part, as in `myBinanceKey`), so `gate` does not fire
 * inside `delegate` nor `okx` inside a random token.
 */
export function findKeywords(text: string, matcher: KeywordMatcher): KeywordHits {
  const positions: number[] = [];
  const masks: number[] = [];
  const regex = matcher.regex;
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    const at = m.index;
    if (at > 0) {
      const prev = text.charCodeAt(at - 1);
      const first = text.charCodeAt(at);
      const camel = prev >= 97 && prev <= 122 && first >= 65 && first <= 90;
      if (isAlnum(prev) && !camel) continue;
    }
    let group = 1;
    while (group < m.length && m[group] === undefined) group++;
    const mask = matcher.masks[group - 1];
    if (mask === undefined) continue;
    positions.push(at);
    masks.push(mask);
  }
  return { positions, masks };
}

/** Union of the exchange masks of hits starting in [from, to); looks at no more than `limit` hits. */
export function masksBetween(hits: KeywordHits, from: number, to: number, limit = 24): number {
  const { positions, masks } = hits;
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((positions[mid] ?? 0) < to) lo = mid + 1;
    else hi = mid;
  }
  let mask = 0;
  for (let k = lo - 1, seen = 0; k >= 0 && seen < limit; k--, seen++) {
    if ((positions[k] ?? 0) < from) break;
    mask |= masks[k] ?? 0;
  }
  return mask;
}
