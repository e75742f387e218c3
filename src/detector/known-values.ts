import { isIdentifierLike } from './filters/identifier';
import { isLowDiversity } from './filters/low-diversity';
import { findPrivateKeyPems, type PemBlock } from './pem';
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

/** The two lanes of the last `hashLanes` call: module state rather than an array, so hashing allocates nothing. */
let lane1 = 0;
let lane2 = 0;

/** Two MurmurHash3-style lanes keyed by the seed, over the UTF-16 code units of `text[start, end)`. */
function hashLanes(keys: readonly number[], text: string, start: number, end: number): void {
  let h1 = keys[0] ?? 0;
  let h2 = keys[1] ?? 0;
  const k1Key = keys[2] ?? 0;
  const k2Key = keys[3] ?? 0;
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
  lane1 = (h1 + h2) | 0;
  lane2 = (h2 + lane1) | 0;
}

function hex(lane: number): string {
  return (lane >>> 0).toString(16).padStart(8, '0');
}

export function hashKnownForm(seed: string, form: string): KnownHash {
  hashLanes(seedKeys(seed), form, 0, form.length);
  return hex(lane1) + hex(lane2);
}

/**
 * An index made ready for scanning: the seed's keys, and the first lanes of its hashes in an open-addressing table,
 * so a token that is no stored value (nearly all) is turned away without building its hash string.
 */
interface Prepared {
  readonly keys: readonly number[];
  readonly slots: Int32Array;
  /** A stored hash's first lane is 0, which the table cannot hold (0 marks an empty slot). */
  readonly zero: boolean;
}

const preparedIndexes = new WeakMap<KnownValueIndex, Prepared>();

function prepare(index: KnownValueIndex): Prepared {
  let prepared = preparedIndexes.get(index);
  if (prepared !== undefined) return prepared;
  let size = 16;
  while (size < index.entries.size * 2) size *= 2;
  const slots = new Int32Array(size);
  let zero = false;
  for (const hash of index.entries.keys()) {
    const first = parseInt(hash.slice(0, 8), 16) | 0;
    if (first === 0) zero = true;
    let at = first & (size - 1);
    while (slots[at] !== 0 && slots[at] !== first) at = (at + 1) & (size - 1);
    slots[at] = first;
  }
  prepared = { keys: seedKeys(index.seed), slots, zero };
  preparedIndexes.set(index, prepared);
  return prepared;
}

/** The stored ref of `text[start, end)`, if it is a stored value. */
function lookUp(
  index: KnownValueIndex,
  p: Prepared,
  text: string,
  start: number,
  end: number,
): string | undefined {
  hashLanes(p.keys, text, start, end);
  const first = lane1;
  if (first === 0 ? !p.zero : !hasFirstLane(p.slots, first)) return undefined;
  return index.entries.get(hex(first) + hex(lane2));
}

function hasFirstLane(slots: Int32Array, first: number): boolean {
  const mask = slots.length - 1;
  for (let at = first & mask; ; at = (at + 1) & mask) {
    const slot = slots[at];
    if (slot === first) return true;
    if (slot === 0) return false;
  }
}

/** Looks stored values up in one text, token by token, for a pass over the text that someone else drives. */
export interface KnownValueScan {
  readonly matches: KnownMatch[];
  /** Called for every run of credential characters, in order (`forEachLongToken`, any minimum up to 18). */
  readonly token: (start: number, end: number) => void;
}

/** `pems` are the text's private-key PEM blocks: their bodies are looked up whole, and runs inside them skipped. */
export function knownValueScan(
  text: string,
  index: KnownValueIndex,
  pems: readonly PemBlock[],
): KnownValueScan {
  const matches: KnownMatch[] = [];
  const prepared = prepare(index);
  let p = 0;
  const look = (start: number, end: number, reportStart: number, reportEnd: number): boolean => {
    if (end - start < MIN_LENGTH) return false;
    const ref = lookUp(index, prepared, text, start, end);
    if (ref === undefined) return false;
    matches.push({ ref, start: reportStart, end: reportEnd });
    return true;
  };
  for (const pem of pems) {
    if (pem.body.length < MIN_LENGTH) continue;
    const ref = lookUp(index, prepared, pem.body, 0, pem.body.length);
    if (ref !== undefined) matches.push({ ref, start: pem.start, end: pem.end });
  }
  const token = (start: number, end: number): void => {
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
  };
  return { matches, token };
}

/**
 * Finds stored values in a text, however wrapped: every run of credential characters (and every PEM body) is
 * hashed with the install's key and looked up. Linear in the text.
 */
export function findKnownValues(text: string, index: KnownValueIndex): KnownMatch[] {
  if (index.entries.size === 0) return [];
  const scan = knownValueScan(text, index, findPrivateKeyPems(text));
  // A run shorter than MIN_LENGTH - 2 cannot make MIN_LENGTH even with its base64 padding.
  forEachLongToken(text, scan.token, MIN_LENGTH - 2);
  return scan.matches.sort((a, b) => a.start - b.start);
}
