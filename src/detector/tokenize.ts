import { CHAR_CLASS, TOKEN } from './charset';

const EQUALS = 61;
const BACKSLASH = 92;

/**
 * Calls `onToken(start, end)` for every maximal run of credential characters, in one linear pass.
 * `=` joins a run only as base64 padding (one or two at the end of a run of 8 or more, making a multiple of four),
 * so `KEY=value`, `x="…"` and `?secret=value&` split.
 * A run right after a backslash loses a leading `n`, `r` or `t`: that letter belongs to a JSON escape (`\nABC`).
 */
function isTokenCode(code: number): boolean {
  return code < 128 && ((CHAR_CLASS[code] ?? 0) & TOKEN) !== 0;
}

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
        (j >= n || !isTokenCode(text.charCodeAt(j)))
      ) {
        end = j;
      }
      i = j;
    }
    if (end > start) onToken(start, end);
  }
}

const RUN = /[A-Za-z0-9+/_-]{8,}/g;

/**
 * Like `forEachToken`, for runs of at least 8 characters only (no shape is shorter), found by the regex engine,
 * which skips prose and punctuation far faster than a loop over every character.
 */
export function forEachLongToken(text: string, onToken: (start: number, end: number) => void): void {
  const n = text.length;
  const run = RUN;
  run.lastIndex = 0;
  for (let m = run.exec(text); m !== null; m = run.exec(text)) {
    let start = m.index;
    let end = start + m[0].length;
    if (start > 0 && text.charCodeAt(start - 1) === BACKSLASH) {
      const c = text.charCodeAt(start);
      if (c === 110 || c === 114 || c === 116) start++;
    }
    if (end < n && text.charCodeAt(end) === EQUALS) {
      let j = end;
      while (j < n && text.charCodeAt(j) === EQUALS) j++;
      const padded = end - start + (j - end);
      if (
        j - end <= 2 &&
        end - start >= 8 &&
        padded % 4 === 0 &&
        (j >= n || !isTokenCode(text.charCodeAt(j)))
      ) {
        end = j;
      }
      run.lastIndex = j;
    }
    onToken(start, end);
  }
}
