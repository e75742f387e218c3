import { isBase64 } from '../charset';

/** Length of the base64 line in [from, ...) up to a line break, or -1 if the line holds anything else. */
function base64LineLength(text: string, from: number, max: number): number {
  let i = from;
  while (i < text.length && i - from <= max) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    if (!isBase64(c)) return -1;
    i++;
  }
  return i - from > max ? -1 : i - from;
}

/**
 * One line of a wrapped base64 blob (a certificate, a public key, a MIME part, a base64 file): the value fills its
 * line and the line before has the same length, or the line after is a shorter base64 tail. A pasted key is one
 * line, not a column of equal lines.
 */
export function isWrappedBlobLine(text: string, start: number, end: number): boolean {
  const len = end - start;
  if (len < 40) return false;
  const lineStart = start === 0 || text.charCodeAt(start - 1) === 10;
  const lineEnd = end === text.length || text.charCodeAt(end) === 10 || text.charCodeAt(end) === 13;
  if (!lineStart || !lineEnd) return false;
  if (start >= 2) {
    let p = start - 1;
    if (p > 0 && text.charCodeAt(p - 1) === 13) p--;
    const prevStart = p - len;
    if (prevStart >= 0 && (prevStart === 0 || text.charCodeAt(prevStart - 1) === 10)) {
      if (base64LineLength(text, prevStart, len) === len) return true;
    }
  }
  let q = end;
  if (text.charCodeAt(q) === 13) q++;
  if (text.charCodeAt(q) !== 10) return false;
  const next = base64LineLength(text, q + 1, len);
  return next >= 4 && next <= len;
}
