import { isAlnum } from './charset';

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
  /** Keywords by the char code of their first letter, either case, longest first. */
  readonly byFirst: readonly (readonly Keyword[] | undefined)[];
  /**
   * Finds places where some keyword may start (its first four letters), written as a trie (`b(?:i(?:na|tg)|ybi)`)
   * so the regex engine, far quicker here than a loop over characters, reads each character once.
   */
  readonly prefilter: RegExp;
  /** Longest keyword, in characters. */
  readonly longest: number;
}

/** Keyword hits found so far, and a way to find more. */
export interface KeywordScan extends KeywordHits {
  /**
   * Makes sure every keyword starting in [from, to) is in the hits. Calls must not decrease `from`; text before
   * the first `from` may never be read, so a paste with few candidates costs little.
   */
  readonly cover: (from: number, to: number) => void;
}

interface Trie {
  [letter: string]: Trie;
}

export function buildKeywordMatcher(keywordsPerExchange: readonly (readonly string[])[]): KeywordMatcher {
  const maskOf = new Map<string, number>();
  keywordsPerExchange.forEach((words, index) => {
    for (const word of words) maskOf.set(word, (maskOf.get(word) ?? 0) | (1 << index));
  });
  const byFirst: Keyword[][] = [];
  const words = [...maskOf.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const trie: Trie = {};
  const ends = new Set<Trie>();
  for (const word of words) {
    (byFirst[word.charCodeAt(0)] ??= []).push({ word, mask: maskOf.get(word) ?? 0 });
    let node = trie;
    for (let end = 0, letters = 0; end < word.length && letters < 4; end++) {
      const ch = word.charAt(end);
      if (ch !== ' ') letters++;
      node = node[ch] ??= {};
    }
    ends.add(node);
  }
  const source = (node: Trie): string => {
    if (ends.has(node)) return '';
    const branches = Object.keys(node).map(
      (ch) => (ch === ' ' ? '[-_ ]?' : ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')) + source(node[ch] ?? {}),
    );
    return branches.length === 1 ? (branches[0] ?? '') : `(?:${branches.join('|')})`;
  };
  return {
    byFirst,
    prefilter: new RegExp(words.length > 0 ? source(trie) : '(?!)', 'gi'),
    longest: words[0]?.length ?? 0,
  };
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
 * Finds venue names, lazily and in one forward pass. A hit must start a word (or a camelCase part, as in
 * `myBinanceKey`), so `gate` does not fire inside `delegate` nor `okx` inside a random token; only places the
 * prefilter finds are compared, against the few keywords sharing their first letter. A keyword's letters are
 * skipped once it matched: `binance_api_key` is one hit, not three.
 */
export function keywordScan(text: string, matcher: KeywordMatcher): KeywordScan {
  const positions: number[] = [];
  const masks: number[] = [];
  const { byFirst, prefilter } = matcher;
  // Where a skip starts reading before `from`: enough for a keyword overlapping `from` to be read whole.
  const margin = 3 * matcher.longest;
  /** Every keyword starting before `done` has been seen (or lies before a window and cannot matter). */
  let done = 0;
  const cover = (from: number, to: number): void => {
    if (to <= done) return;
    if (from - margin > done) done = from - margin;
    // Search a slice (cheap: it shares the text's memory), so a long stretch with no keyword is not read past `to`.
    // Its tail reaches far enough past `to` for any prefix starting before `to` to be seen whole.
    const base = done;
    const window = text.slice(base, to + 16);
    /** Where reading resumes after the last place looked at: past a keyword's letters once it matched. */
    let resume = base;
    prefilter.lastIndex = 0;
    for (let m = prefilter.exec(window); m !== null && base + m.index < to; m = prefilter.exec(window)) {
      const i = base + m.index;
      const raw = text.charCodeAt(i);
      const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
      resume = i + 1;
      if (!isAlnum(prev) || (prev >= 97 && prev <= 122 && raw >= 65 && raw <= 90)) {
        for (const keyword of byFirst[raw | 32] ?? []) {
          const len = matchAt(text, i, keyword.word);
          if (len < 0) continue;
          positions.push(i);
          masks.push(keyword.mask);
          resume = i + len;
          break;
        }
      }
      prefilter.lastIndex = resume - base;
    }
    done = Math.max(to, resume);
  };

  return { positions, masks, cover };
}
