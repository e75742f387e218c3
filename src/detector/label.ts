import type { FieldKind } from '../exchanges/types';

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

/** Where the label of a value starting at `start` begins. */
export function labelStart(text: string, start: number, maxChars = 48): number {
  let i = start - 1;
  const stop = Math.max(0, start - maxChars);
  for (; i >= stop; i--) {
    const c = text.charCodeAt(i);
    // \n \r , { ; & ? (
    if (c === 10 || c === 13 || c === 44 || c === 123 || c === 59 || c === 38 || c === 63 || c === 40) break;
  }
  return i + 1;
}

export function labelBefore(text: string, start: number, maxChars = 48): Label {
  const from = labelStart(text, start, maxChars);
  return {
    text: text
      .slice(from, start)
      .replace(/[^A-Za-z0-9]+/g, '')
      .toLowerCase(),
    from,
  };
}

export type LabelHint = FieldKind | 'not-secret' | null;

/**
 * Words a label may end with, by what they make of the value. Compounds are listed so that the longest word ending
 * at the same place wins: `secretkey` is a secret. The last group are values that are derived or public, never the
 * credential itself.
 */
const WORDS: readonly (readonly [Exclude<LabelHint, null>, string])[] = [
  ['apiKey', 'key apikey accesskey accesskeyid keyid clientid keyname apikeyname apikeyid'],
  ['secret', 'secret secretkey keysecret apikeysecret secretaccesskey hmac'],
  ['privateKey', 'private privatekey privkey'],
  ['passphrase', 'passphrase password pwd'],
  [
    'not-secret',
    'sign signature hash digest checksum sha1 sha256 sha512 integrity commit txid nonce address publickey pubkey requestid orderid',
  ],
];

/** The words above by the code of their last letter, longest first. */
const ENDING: (readonly [string, Exclude<LabelHint, null>])[][] = Array.from({ length: 128 }, () => []);
for (const [kind, words] of WORDS) {
  for (const word of words.split(' ')) ENDING[word.charCodeAt(word.length - 1)]?.push([word, kind]);
}
for (const list of ENDING) list.sort((a, b) => b[0].length - a[0].length);

/**
 * The label's letters and digits, lower-cased, last first; reused so reading a label allocates nothing. Only as
 * many as a word ending 12 places from the end can reach are read.
 */
const codes = new Uint8Array(
  13 + Math.max(...WORDS.flatMap(([, words]) => words.split(' ').map((w) => w.length))),
);

/**
 * What the label `text[from, to)` says the value is, reading it in place as `labelBefore` would normalise it: the
 * word ending closest to the value wins, the longest one if several end there. A word far from the value's end
 * (`keyboard shortcut …`) says little; only the label's last 12 letters and digits count.
 */
export function hintAt(text: string, from: number, to: number): LabelHint {
  let n = 0;
  for (let i = to - 1; i >= from && n < codes.length; i--) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) codes[n++] = c;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) codes[n++] = c | 32;
  }
  for (let back = 0; back < n && back <= 12; back++) {
    words: for (const [word, kind] of ENDING[codes[back] ?? 0] ?? []) {
      const len = word.length;
      if (back + len > n) continue;
      for (let k = 1; k < len; k++) if (word.charCodeAt(len - 1 - k) !== codes[back + k]) continue words;
      return kind;
    }
  }
  return null;
}

/** `hintAt` for a label already normalised (`labelBefore(…).text`). */
export function hintOf(label: string): LabelHint {
  return hintAt(label, 0, label.length);
}
