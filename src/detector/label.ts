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

export function labelBefore(text: string, start: number, maxChars = 48): Label {
  let i = start - 1;
  const stop = Math.max(0, start - maxChars);
  for (; i >= stop; i--) {
    const c = text.charCodeAt(i);
    // \n \r , { ; & ? (
    if (c === 10 || c === 13 || c === 44 || c === 123 || c === 59 || c === 38 || c === 63 || c === 40) break;
  }
  return {
    text: text
      .slice(i + 1, start)
      .replace(/[^A-Za-z0-9]+/g, '')
      .toLowerCase(),
    from: i + 1,
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

/** The words above by their last letter, longest first. */
const ENDING = new Map<number, (readonly [string, Exclude<LabelHint, null>])[]>();
for (const [kind, words] of WORDS) {
  for (const word of words.split(' ')) {
    const last = word.charCodeAt(word.length - 1);
    ENDING.set(
      last,
      [...(ENDING.get(last) ?? []), [word, kind] as const].sort((a, b) => b[0].length - a[0].length),
    );
  }
}

/**
 * What the label says the value is: the word ending closest to the value wins, the longest one if several end
 * there. A word far from the value's end (`keyboard shortcut …`) says little; only the label's last 12 characters
 * count.
 */
export function hintOf(label: string): LabelHint {
  for (let end = label.length; end >= 0 && end >= label.length - 12; end--) {
    for (const [word, kind] of ENDING.get(label.charCodeAt(end - 1)) ?? []) {
      if (end >= word.length && label.startsWith(word, end - word.length)) return kind;
    }
  }
  return null;
}
