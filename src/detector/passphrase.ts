import { isPlaceholder } from './filters/placeholder';

export interface PassphraseValue {
  /** Where the word `passphrase` / `password` starts. */
  readonly keyword: number;
  readonly start: number;
  readonly end: number;
}

const WORD = /pass(?:_?phrase|word)|\bpwd\b/gi;
const REFERENCE =
  /^(?:\$|%|process\.|os\.|getenv|env\(|ENV\[|\{\{|secrets\.|self\.|this\.|config\.|settings\.)/i;
const STOPWORDS = new Set(
  'required optional string str none null undefined true false empty your the not set same stored needed'.split(
    ' ',
  ),
);

function isTerminator(c: number): boolean {
  // whitespace " ' ` , ; } ] ) & < >
  return (
    c <= 32 ||
    c === 34 ||
    c === 39 ||
    c === 96 ||
    c === 44 ||
    c === 59 ||
    c === 125 ||
    c === 93 ||
    c === 41 ||
    c === 38 ||
    c === 60 ||
    c === 62
  );
}

/**
 * Values assigned to a passphrase or password: `OKX_PASSPHRASE=…`, `"password": "…"`, `KC-API-PASSPHRASE: …`,
 * `my passphrase is …`. A passphrase is chosen by the user, so its shape says nothing; only the label does. Values
 * that read from elsewhere (`$X`, `process.env.X`, `config.password`) and type names are skipped.
 */
export function findPassphraseValues(text: string): PassphraseValue[] {
  const out: PassphraseValue[] = [];
  const n = text.length;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    let j = m.index + m[0].length;
    const limit = Math.min(n, j + 32);
    while (j < limit && /[A-Za-z0-9_-]/.test(text.charAt(j))) j++;
    while (j < n && /["'` \t]/.test(text.charAt(j)) && j < limit + 4) j++;
    const sep = text.charAt(j);
    if (sep === ':' || sep === '=') {
      j++;
      if (text.charAt(j) === '>') j++;
    } else if (text.slice(j, j + 3).toLowerCase() === 'is ') {
      j += 3;
    } else continue;
    while (j < n && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    const quote = text.charAt(j);
    const quoted = quote === '"' || quote === "'" || quote === '`';
    if (quoted) j++;
    const start = j;
    const max = Math.min(n, start + 128);
    if (quoted) {
      while (j < max && text.charAt(j) !== quote && text.charCodeAt(j) !== 10) j++;
      if (text.charAt(j) !== quote) continue;
    } else {
      while (j < max && !isTerminator(text.charCodeAt(j))) j++;
    }
    const end = j;
    WORD.lastIndex = Math.max(WORD.lastIndex, end);
    const value = text.slice(start, end);
    if (value.length < 4 || STOPWORDS.has(value.toLowerCase())) continue;
    if (REFERENCE.test(value) || isPlaceholder(text, start, end)) continue;
    // Code that passes the value along: `passphrase=userPassphrase`, `password=cfg.password`.
    if (!quoted && (/pass/i.test(value) || /^[A-Za-z_]\w*\.\w/.test(value))) continue;
    // A passphrase worth guarding mixes character kinds; `trading` alone reads as prose.
    if (!/[0-9]/.test(value) && !/[^A-Za-z0-9]/.test(value) && !(/[a-z]/.test(value) && /[A-Z]/.test(value)))
      continue;
    out.push({ keyword: m.index, start, end });
  }
  return out;
}
