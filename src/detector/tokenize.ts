import { CHAR_CLASS, isTokenChar, TOKEN } from './charset';

const EQUALS = 61;
const BACKSLASH = 92;

/**
 * Calls `onToken(start, end)` for every maximal run of credential characters, in one linear pass.
 * `=` joins a run only as base64 padding (one or two at the end of a run of 8 or more, making a multiple of four),
 * so `KEY=value`, `x="…"` and `?secret=value&` split.
 * A run right after a backslash loses a leading `n`, `r` or `t`: that letter belongs to a JSON escape (`\nABC`).
 */
export function forEachToken(text: string, onToken: (start: number, end: number) => void): void {
  const n = text.length;
  // Local copies: hot loops should not go through module bindings.
  const table = CHAR_CLASS;
  const tokenBit = TOKEN;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code >= 128 || ((table[code] ?? 0) & tokenBit) === 0) {
      i++;
      continue;
    }
    let start = i;
    if (start > 0 && text.charCodeAt(start - 1) === BACKSLASH) {
      const c = text.charCodeAt(start);
      if (c === 110 || c === 114 || c === 116) start++;
    }
    i++;
    for (
      let c = text.charCodeAt(i);
      i < n && c < 128 && ((table[c] ?? 0) & tokenBit) !== 0;
      c = text.charCodeAt(++i)
    );
    let end = i;
    if (i < n && text.charCodeAt(i) === EQUALS) {
      let j = i;
      while (j < n && text.charCodeAt(j) === EQUALS) j++;
      const padded = end - start + (j - i);
      if (
        j - i <= 2 &&
        end - start >= 8 &&
        padded % 4 === 0 &&
        (j >= n || !isTokenChar(text.charCodeAt(j)))
      ) {
        end = j;
      }
      i = j;
    }
    if (end > start) onToken(start, end);
  }
}

/**
 * Like `forEachToken`, for runs of at least `min` characters only (no shape is shorter than 8). Reads one character
 * in `min` where no run is long enough (a probe outside the alphabet rules out every run through it), so prose and
 * punctuation cost a fraction of a pass.
 */
export function forEachLongToken(text: string, onToken: (start: number, end: number) => void, min = 8): void {
  const n = text.length;
  const table = CHAR_CLASS;
  const tokenBit = TOKEN;
  /** No run of interest starts before `floor`. */
  let floor = 0;
  let probe = min - 1;
  while (probe < n) {
    let code = text.charCodeAt(probe);
    if (code >= 128 || ((table[code] ?? 0) & tokenBit) === 0) {
      probe += min;
      continue;
    }
    let start = probe;
    while (start > floor) {
      code = text.charCodeAt(start - 1);
      if (code >= 128 || ((table[code] ?? 0) & tokenBit) === 0) break;
      start--;
    }
    let end = probe + 1;
    while (end < n) {
      code = text.charCodeAt(end);
      if (code >= 128 || ((table[code] ?? 0) & tokenBit) === 0) break;
      end++;
    }
    let next = end;
    if (end - start >= min) {
      const runEnd = end;
      if (start > 0 && text.charCodeAt(start - 1) === BACKSLASH) {
        const c = text.charCodeAt(start);
        if (c === 110 || c === 114 || c === 116) start++;
      }
      if (end < n && text.charCodeAt(end) === EQUALS) {
        let j = end;
        while (j < n && text.charCodeAt(j) === EQUALS) j++;
        if (
          j - end <= 2 &&
          runEnd - start >= 8 &&
          (j - start) % 4 === 0 &&
          (j >= n || !isTokenChar(text.charCodeAt(j)))
        ) {
          end = j;
        }
        next = j;
      }
      onToken(start, end);
    }
    floor = next;
    probe = next + min - 1;
  }
}
