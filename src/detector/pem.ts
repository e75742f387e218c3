import { isBase64 } from './charset';

export interface PemBlock {
  readonly start: number;
  /** End of the `-----END …-----` line, or of the body when the footer is missing (a truncated paste). */
  readonly end: number;
  /** The header label, e.g. `EC PRIVATE KEY`. */
  readonly label: string;
  /** The base64 body without whitespace or JSON `\n` escapes. */
  readonly body: string;
  readonly complete: boolean;
}

const BEGIN = '-----BEGIN ';
const DASHES = '-----';

/** PEM private-key blocks (`… PRIVATE KEY`, `PGP PRIVATE KEY BLOCK`). */
export function findPrivateKeyPems(text: string): PemBlock[] {
  return findPemBlocks(text).filter((b) => b.label.includes('PRIVATE KEY'));
}

/**
 * Finds PEM blocks of any kind, whether written with real line breaks or JSON-escaped `\n` (as in Coinbase's
 * cdp_api_key.json). One forward pass: each block's body is scanned once and the search resumes after it.
 */
export function findPemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf(BEGIN, from);
    if (start < 0) break;
    const labelStart = start + BEGIN.length;
    const labelEnd = text.indexOf(DASHES, labelStart);
    if (labelEnd < 0 || labelEnd - labelStart > 40) {
      from = labelStart;
      continue;
    }
    const label = text.slice(labelStart, labelEnd);
    let i = labelEnd + DASHES.length;
    let body = '';
    let bodyEnd = i;
    const n = text.length;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 45 && text.startsWith(DASHES, i)) break;
      if (c === 92) {
        // JSON escapes \n \r \t and a stray backslash-newline
        const e = text.charCodeAt(i + 1);
        if (e === 110 || e === 114 || e === 116) {
          i += 2;
          continue;
        }
        break;
      }
      if (isBase64(c)) {
        // Legacy encrypted PEMs carry `Proc-Type:` and `DEK-Info:` header lines; they are not body.
        let j = i;
        while (j < n && isBase64(text.charCodeAt(j))) j++;
        if (text.charCodeAt(j) !== 58) body += text.slice(i, j);
        i = j;
        bodyEnd = i;
        continue;
      }
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 58 || c === 44 || c === 45) {
        i++;
        continue;
      }
      break;
    }
    let end = bodyEnd;
    let complete = false;
    const footer = `-----END ${label}-----`;
    if (text.startsWith(footer, i)) {
      end = i + footer.length;
      complete = true;
    }
    blocks.push({ start, end, label, body, complete });
    from = Math.max(end, labelEnd + DASHES.length);
  }
  return blocks;
}
