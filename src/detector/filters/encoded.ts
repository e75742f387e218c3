import { isTokenChar } from '../charset';

const INTEGRITY = /^sha(?:1|256|384|512)-/i;

/**
 * Values inside encodings that are not credentials: data: URIs (`;base64,…`), subresource integrity
 * (`sha384-…`), JWTs and base64 JSON (`eyJ…`), SSH key material (`AAAA…`), and parts of dotted names (host names, `a.b.c` tokens).
 */
export function isEncodedContext(text: string, start: number, end: number): boolean {
  if (start >= 7 && text.slice(start - 7, start).toLowerCase() === 'base64,') return true;
  const head = text.slice(start, Math.min(end, start + 8));
  // eyJ: base64 of `{"` (JWTs, JSON blobs); AAAA: the length prefix of SSH public-key material.
  if (head.startsWith('eyJ') || head.startsWith('AAAA') || INTEGRITY.test(head)) return true;
  if (start >= 2 && text.charCodeAt(start - 1) === 46 && isTokenChar(text.charCodeAt(start - 2))) return true;
  return end + 1 < text.length && text.charCodeAt(end) === 46 && isTokenChar(text.charCodeAt(end + 1));
}
