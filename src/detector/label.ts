import type { FieldKind } from '../exchanges/types';
import { isAlnum } from './charset';

/**
 * The label of a value: the words just before it on its line, back to the previous `,` `{` `;` `&` `?` `(` or
 * line break and at most 48 characters, lower-cased with everything but letters and digits removed. It is
 * `binanceapisecret` for `BINANCE_API_SECRET=…`, `secret` for `"secret": "…"`, `xmbxapikey` for a curl header.
 */
export interface Label {
  readonly text: string;
  /** Offset where the label starts in the scanned text. */
  readonly from: number;
}

export function labelBefore(text: string, start: number, maxChars = 48): Label {
  let out = '';
  let i = start - 1;
  const stop = Math.max(0, start - maxChars);
  for (; i >= stop; i--) {
    const c = text.charCodeAt(i);
    // \n \r , { ; & ? (
    if (c === 10 || c === 13 || c === 44 || c === 123 || c === 59 || c === 38 || c === 63 || c === 40) break;
    if (isAlnum(c)) out = String.fromCharCode(c | (c >= 65 && c <= 90 ? 32 : 0)) + out;
  }
  return { text: out, from: i + 1 };
}

interface Word {
  readonly word: string;
  readonly kind: FieldKind | 'not-secret';
}

// Compounds are listed so that the longest word ending at the same place wins: `secretkey` is a secret.
const WORDS: readonly Word[] = [
  { word: 'key', kind: 'apiKey' },
  { word: 'apikey', kind: 'apiKey' },
  { word: 'accesskey', kind: 'apiKey' },
  { word: 'accesskeyid', kind: 'apiKey' },
  { word: 'keyid', kind: 'apiKey' },
  { word: 'clientid', kind: 'apiKey' },
  { word: 'keyname', kind: 'apiKey' },
  { word: 'apikeyname', kind: 'apiKey' },
  { word: 'apikeyid', kind: 'apiKey' },
  { word: 'secret', kind: 'secret' },
  { word: 'secretkey', kind: 'secret' },
  { word: 'keysecret', kind: 'secret' },
  { word: 'apikeysecret', kind: 'secret' },
  { word: 'secretaccesskey', kind: 'secret' },
  { word: 'hmac', kind: 'secret' },
  { word: 'private', kind: 'privateKey' },
  { word: 'privatekey', kind: 'privateKey' },
  { word: 'privkey', kind: 'privateKey' },
  { word: 'passphrase', kind: 'passphrase' },
  { word: 'password', kind: 'passphrase' },
  { word: 'pwd', kind: 'passphrase' },
  // Values that are derived or public, never the credential itself.
  { word: 'sign', kind: 'not-secret' },
  { word: 'signature', kind: 'not-secret' },
  { word: 'hash', kind: 'not-secret' },
  { word: 'digest', kind: 'not-secret' },
  { word: 'checksum', kind: 'not-secret' },
  { word: 'sha1', kind: 'not-secret' },
  { word: 'sha256', kind: 'not-secret' },
  { word: 'sha512', kind: 'not-secret' },
  { word: 'integrity', kind: 'not-secret' },
  { word: 'commit', kind: 'not-secret' },
  { word: 'txid', kind: 'not-secret' },
  { word: 'nonce', kind: 'not-secret' },
  { word: 'address', kind: 'not-secret' },
  { word: 'publickey', kind: 'not-secret' },
  { word: 'pubkey', kind: 'not-secret' },
  { word: 'requestid', kind: 'not-secret' },
  { word: 'orderid', kind: 'not-secret' },
];

export type LabelHint = FieldKind | 'not-secret' | null;

/** What the label says the value is: the credential word ending closest to the value wins. */
/** Letters every word above contains one of; most labels have none and are done with in one test. */
const ANY_WORD =
  /key|secret|hmac|priv|pass|pwd|sign|hash|digest|checksum|sha|integrity|commit|txid|nonce|address|clientid|requestid|orderid/;

export function hintOf(label: string): LabelHint {
  if (!ANY_WORD.test(label)) return null;
  let best: Word | null = null;
  let bestEnd = -1;
  for (const w of WORDS) {
    const at = label.lastIndexOf(w.word);
    if (at < 0) continue;
    const end = at + w.word.length;
    if (end > bestEnd || (end === bestEnd && best !== null && w.word.length > best.word.length)) {
      best = w;
      bestEnd = end;
    }
  }
  // A word far from the value's end (`keyboard shortcut …`) says little; only the label's tail counts.
  if (best === null || label.length - bestEnd > 12) return null;
  return best.kind;
}
