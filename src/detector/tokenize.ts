import { isTokenChar } from './charset';

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
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (!isTokenChar(code)) {
      i++;
      continue;
    }
    let start = i;
    if (start > 0 && text.charCodeAt(start - 1) === BACKSLASH) {
      const c = text.charCodeAt(start);
      if (c === 110 || c === 114 || c === 116) start++;
    }
    i++;
    while (i < n && isTokenChar(text.charCodeAt(i))) i++;
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
