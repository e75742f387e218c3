import { isIdentifierLike } from './filters/identifier';
import { isLowDiversity } from './filters/low-diversity';
import { findPrivateKeyPems } from './pem';
import { forEachLongToken, forEachToken } from './tokenize';

export type KnownHash = string; // 16 lowercase hex chars (64 bits)

export interface KnownValueIndex {
  readonly seed: string;
  /** value = opaque ref, e.g. `${credentialId}:${field}` */
  readonly entries: ReadonlyMap<KnownHash, string>;
}

export interface KnownMatch {
  readonly ref: string;
  readonly start: number;
  readonly end: number;
}

const MIN_LENGTH = 20;
const MIN_BITS = 80;

/** Estimated entropy in bits: length times log2 of the alphabet its character classes imply. */
function estimatedBits(form: string): number {
  let lower = false;
  let upper = false;
  let digit = false;
  let hexLetters = true;
  let other = false;
  for (let i = 0; i < form.length; i++) {
    const c = form.charCodeAt(i);
    if (c >= 97 && c <= 122) {
      lower = true;
      if (c > 102) hexLetters = false;
    } else if (c >= 65 && c <= 90) {
      upper = true;
      if (c > 70) hexLetters = false;
    } else if (c >= 48 && c <= 57) digit = true;
    else other = true;
  }
  let pool: number;
  if (hexLetters && !other && !(lower && upper)) pool = 16;
  else pool = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (other ? 4 : 0);
  return pool <= 1 ? 0 : form.length * Math.log2(pool);
}

function indexable(form: string): boolean {
  // Words and names (`correcthorsebatterystaple`) carry far fewer bits than their length suggests.
  return (
    form.length >= MIN_LENGTH &&
    estimatedBits(form) >= MIN_BITS &&
    !isLowDiversity(form) &&
    !isIdentifierLike(form)
  );
}

/**
 * Normalised forms of a stored value to index (e.g. a PEM's base64 body without whitespace); [] when the value is
 * too short or too low-entropy to index safely (< 20 chars or < ~80 bits estimated).
 */
export function knownValueForms(value: string): string[] {
  const trimmed = value.trim();
  const pems = findPrivateKeyPems(trimmed.replace(/\\n/g, '\n'));
  if (pems.length > 0) return pems.map((p) => p.body).filter(indexable);
  const forms = new Set<string>();
  // The detector sees text as runs of credential characters, so index the value the same way.
  forEachToken(trimmed, (start, end) => {
    const run = trimmed.slice(start, end);
    if (indexable(run)) forms.add(run);
  });
  return [...forms];
}

/** Four 32-bit keys from the seed, so that the same form hashes differently on every install. */
function seedKeys(seed: string): [number, number, number, number] {
  let a = 0x243f6a88;
  let b = 0x85a308d3;
  let c = 0x13198a2e;
  let d = 0x03707344;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    a = Math.imul(a ^ k, 0x9e3779b1);
    b = Math.imul(b ^ k, 0x85ebca77);
    c = Math.imul(c ^ k, 0xc2b2ae3d);
    d = Math.imul(d ^ k, 0x27d4eb2f);
    a ^= d >>> 15;
    b ^= a >>> 13;
    c ^= b >>> 16;
    d ^= c >>> 13;
  }
  return [fmix(a ^ seed.length), fmix(b), fmix(c), fmix(d)];
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Two MurmurHash3-style lanes keyed by the seed, over the UTF-16 code units of `text[start, end)`. */
function hashRange(
  keys: readonly [number, number, number, number],
  text: string,
  start: number,
  end: number,
): string {
  let h1 = keys[0];
  let h2 = keys[1];
  const k1Key = keys[2];
  const k2Key = keys[3];
  // Two UTF-16 units per 32-bit block, as MurmurHash3 takes four bytes at a time.
  for (let i = start; i < end; i += 2) {
    const unit = i + 1 < end ? text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16) : text.charCodeAt(i);
    let k1 = Math.imul(unit ^ k1Key, 0xcc9e2d51);
    k1 = Math.imul((k1 << 15) | (k1 >>> 17), 0x1b873593);
    h1 ^= k1;
    h1 = Math.imul((h1 << 13) | (h1 >>> 19), 5) + 0xe6546b64;
    let k2 = Math.imul(unit ^ k2Key, 0x1b873593);
    k2 = Math.imul((k2 << 17) | (k2 >>> 15), 0xcc9e2d51);
    h2 ^= k2;
    h2 = Math.imul((h2 << 15) | (h2 >>> 17), 5) + 0x38495ab5;
  }
  const n = end - start;
  h1 ^= n;
  h2 ^= n;
  h1 = (h1 + h2) | 0;
  h2 = (h2 + h1) | 0;
  h1 = fmix(h1);
  h2 = fmix(h2);
  h1 = (h1 + h2) | 0;
  h2 = (h2 + h1) | 0;
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

export function hashKnownForm(seed: string, form: string): KnownHash {
  return hashRange(seedKeys(seed), form, 0, form.length);
}

const compiledKeys = new WeakMap<KnownValueIndex, [number, number, number, number]>();

function keysOf(index: KnownValueIndex): [number, number, number, number] {
  let keys = compiledKeys.get(index);
  if (keys === undefined) {
    keys = seedKeys(index.seed);
    compiledKeys.set(index, keys);
  }
  return keys;
}

/**
 * Finds stored values in a text, however wrapped: every run of credential characters (and every PEM body) is
 * hashed with the install's key and looked up. Linear in the text.
 */
export function findKnownValues(text: string, index: KnownValueIndex): KnownMatch[] {
  const matches: KnownMatch[] = [];
  if (index.entries.size === 0) return matches;
  const keys = keysOf(index);
  const pems = findPrivateKeyPems(text);
  let p = 0;
  const look = (start: number, end: number, reportStart: number, reportEnd: number): boolean => {
    if (end - start < MIN_LENGTH) return false;
    const ref = index.entries.get(hashRange(keys, text, start, end));
    if (ref === undefined) return false;
    matches.push({ ref, start: reportStart, end: reportEnd });
    return true;
  };
  for (const pem of pems) {
    if (pem.body.length < MIN_LENGTH) continue;
    const ref = index.entries.get(hashRange(keys, pem.body, 0, pem.body.length));
    if (ref !== undefined) matches.push({ ref, start: pem.start, end: pem.end });
  }
  forEachLongToken(text, (start, end) => {
    if (end - start < MIN_LENGTH) return;
    while (p < pems.length && (pems[p]?.end ?? 0) <= start) p++;
    const pem = pems[p];
    if (pem !== undefined && pem.start <= start && start < pem.end) return;
    if (look(start, end, start, end)) return;
    // A value can sit inside a longer run: after a path's slash, or with its base64 padding dropped.
    let last = start;
    for (let i = start; i < end; i++) {
      if (text.charCodeAt(i) !== 47) continue;
      look(last, i, last, i);
      last = i + 1;
    }
    if (last > start) look(last, end, last, end);
    let unpadded = end;
    while (unpadded > start && text.charCodeAt(unpadded - 1) === 61) unpadded--;
    if (unpadded < end) look(start, unpadded, start, end);
  });
  matches.sort((a, b) => a.start - b.start);
  return matches;
}
