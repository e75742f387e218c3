import type { FieldKind } from '../exchanges/types';
import { DIGIT, HEX, LOWER, UPPER } from './charset';
import {
  compiled,
  MAX_SHAPE_LENGTH,
  type CompiledRules,
  type CompiledShape,
  type ShapeGroup,
} from './compiled';
import { FAR, NEAR, nearestExchange } from './context';
import { isAddressLike } from './filters/address';
import { isEncodedContext } from './filters/encoded';
import { isEnvReference } from './filters/env-reference';
import { identifierLikeAt } from './filters/identifier';
import { isPlaceholder } from './filters/placeholder';
import { isUuid } from './filters/uuid';
import { isWrappedBlobLine } from './filters/wrapped';
import { knownValueScan, type KnownMatch, type KnownValueIndex } from './known-values';
import { keywordScan, type KeywordHits, type KeywordScan } from './keywords';
import { hintAt, labelStart, type LabelHint } from './label';
import { findPassphraseValues, type PassphraseValue } from './passphrase';
import { findPemBlocks, type PemBlock } from './pem';
import { forEachLongToken } from './tokenize';
import type { Confidence, DetectorRules, Finding } from './types';

export interface DetectOptions {
  /** The vault's fingerprints of stored values; matches become `known-value` findings. */
  readonly known?: KnownValueIndex;
}

/** Levels: 0 dropped, 1 low, 2 medium, 3 high. */
interface Candidate {
  start: number;
  end: number;
  level: number;
  exchange: number;
  kind: FieldKind;
  rule: string;
  ref?: string;
}

const CONFIDENCE: readonly Confidence[] = ['low', 'low', 'medium', 'high'];
/** Bounds of values judged by label alone (venues whose key shapes are unknown). */
const CONTEXT_MIN = 16;
const CONTEXT_MAX = 128;
/** How far apart a key and its secret can be and still count as a pair. */
const PAIR_DISTANCE = 400;
/** How far after a value a venue's name still counts (a curl command names its host after the headers). */
const AFTER = 200;
const MIXED = DIGIT | LOWER | UPPER;

function isSecretKind(kind: FieldKind): boolean {
  return kind === 'secret' || kind === 'privateKey';
}

function fieldScore(hint: LabelHint, field: FieldKind): number {
  if (hint === null) return isSecretKind(field) ? 0.5 : 0;
  if (hint === field) return 2;
  if (hint !== 'not-secret' && hint !== 'passphrase' && isSecretKind(hint) && isSecretKind(field)) return 1;
  return -2;
}

function allExchanges(c: CompiledRules): number {
  return c.exchangeIds.length >= 32 ? -1 : (1 << c.exchangeIds.length) - 1;
}

/**
 * How strongly the text around a value names each venue in `mask`: 4 in the value's own label, 3 within NEAR
 * characters before it, 2 within FAR, 1.5 in the AFTER characters after it (a curl command names its host last).
 * A nearer mention wins a tie by a hair. Looks at a bounded number of keywords either side.
 */
function exchangeContext(
  hits: KeywordHits,
  start: number,
  end: number,
  labelDistance: number,
  mask: number,
): Map<number, number> {
  const scores = new Map<number, number>();
  const { positions, masks } = hits;
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((positions[mid] ?? 0) < start) lo = mid + 1;
    else hi = mid;
  }
  const credit = (m: number, score: number) => {
    for (let bits = m & mask; bits !== 0; bits &= bits - 1) {
      const index = 31 - Math.clz32(bits & -bits);
      if ((scores.get(index) ?? 0) < score) scores.set(index, score);
    }
  };
  for (let k = lo - 1, seen = 0; k >= 0 && seen < 24; k--, seen++) {
    const distance = start - (positions[k] ?? 0);
    if (distance > FAR) break;
    const tier = distance <= labelDistance ? 4 : distance <= NEAR ? 3 : 2;
    credit(masks[k] ?? 0, tier - distance / 100_000);
  }
  for (let k = lo, seen = 0; k < positions.length && seen < 24; k++, seen++) {
    const distance = (positions[k] ?? 0) - end;
    if (distance > AFTER) break;
    if (distance >= 0) credit(masks[k] ?? 0, 1.5 - distance / 100_000);
  }
  return scores;
}

/** Shape groups that matched the token being judged; reused so judging allocates nothing for most tokens. */
const matched: ShapeGroup[] = [];

/**
 * Judges one token. Ordered so that the common cases cost least: length buckets and the class table first, then
 * checks that read a few characters, then the label; strings are cut out of the text only for the few tokens still
 * standing, and keywords are looked for only around them.
 */
function judgeToken(
  text: string,
  start: number,
  end: number,
  c: CompiledRules,
  hits: KeywordScan,
): Candidate | null {
  const len = end - start;
  const bucket = c.byLength[len];
  const contextual = len >= CONTEXT_MIN && len <= CONTEXT_MAX;
  if (bucket === undefined && !contextual) return null;
  let pad = 0;
  while (pad < 2 && text.charCodeAt(end - 1 - pad) === 61) pad++;
  const body = len - pad;
  const table = c.classes;
  let any = 0;
  let all = -1;
  // The same pass reads what isLowDiversity would: distinct characters (a bit each, in three words), runs of one
  // character, counting sequences and dashes.
  let m1 = 0;
  let m2 = 0;
  let m3 = 0;
  let run = 0;
  let up = 0;
  let down = 0;
  let dashes = 0;
  let regular = false;
  for (let i = start, stop = start + body, prev = -1; i < stop; i++) {
    const code = text.charCodeAt(i);
    const bits = code < 128 ? (table[code] ?? 0) : 0;
    any |= bits;
    all &= bits;
    if (code < 64) m1 |= 1 << code;
    else if (code < 96) m2 |= 1 << code;
    else m3 |= 1 << code;
    run = code === prev ? run + 1 : 1;
    up = code === prev + 1 ? up + 1 : 1;
    down = code === prev - 1 ? down + 1 : 1;
    dashes = code === 45 ? dashes + 1 : 0;
    if (run >= 6 || up >= 6 || down >= 6 || dashes === 3 || (dashes === 2 && i === start + 1)) regular = true;
    prev = code;
  }
  let token: string | undefined;
  let count = 0;
  let matchMask = 0;
  // Rare enough to flag alone: 40 or more characters mixing upper case, lower case and digits. Hex digests, UUIDs,
  // addresses and identifiers never look like that; a secret copied from a "save your secret now" dialog does.
  const statistical = len >= 40 && (any & MIXED) === MIXED;
  /** Some outcome above 0 is possible without a credential label or a venue named in the label. */
  let alone = statistical;
  if (bucket !== undefined) {
    for (const group of bucket) {
      if (
        group.bit !== 0
          ? (all & group.bit) === 0 ||
            pad < group.padMin ||
            pad > group.padMax ||
            body < group.bodyMin ||
            body > group.bodyMax
          : !group.regex.test((token ??= text.slice(start, end)))
      ) {
        continue;
      }
      matched[count++] = group;
      matchMask |= group.mask;
      if (group.distinctive || (group.secret && len >= 20)) alone = true;
    }
  }
  // Values judged by their label alone need a digit and a letter; check that before anything costlier.
  if (count === 0 && (!contextual || (any & DIGIT) === 0 || (any & (LOWER | UPPER)) === 0)) return null;
  const c0 = text.charCodeAt(start);
  const c1 = text.charCodeAt(start + 1);
  // `//host…` and `//Qm…` follow a URL scheme; no credential starts with two slashes. `0x…` is an EVM value.
  if ((c0 === 47 && c1 === 47) || (c0 === 48 && (c1 | 32) === 120)) return null;
  // Too regular to be random (see isLowDiversity): `=` padding counts as one more distinct character.
  const distinct = bitCount(m1) + bitCount(m2) + bitCount(m3) + (pad > 0 ? 1 : 0);
  if (regular || distinct < Math.min(Math.ceil(len * 0.3), 10) || identifierLikeAt(text, start, end))
    return null;
  const from = labelStart(text, start);
  const hint = hintAt(text, from, start);
  // Passphrases are judged by their own rule; signatures, hashes and addresses are not credentials.
  if (hint === 'not-secret' || hint === 'passphrase') return null;
  if (hint === null && (count === 0 || (!alone && !namedIn(hits, from, start, matchMask)))) return null;
  if (
    isEncodedContext(text, start, end) ||
    isEnvReference(text, start) ||
    isPlaceholder(text, start, end) ||
    isWrappedBlobLine(text, start, end)
  ) {
    return null;
  }
  token ??= text.slice(start, end);
  const labelDistance = start - from;
  const blocked = (pad === 0 && (all & HEX) !== 0) || isUuid(token) || isAddressLike(token);
  const cred = hint !== null;

  if (count === 0) {
    if (hint === null) return null;
    hits.cover(start - FAR, start);
    const ctx = nearestExchange(hits, start, allExchanges(c), blocked ? labelDistance : NEAR);
    if (ctx === null) return null;
    return {
      start,
      end,
      level: hint === 'apiKey' ? 1 : 2,
      exchange: ctx.index,
      kind: hint,
      rule: `context.${hint}`,
    };
  }

  hits.cover(start - FAR, end + AFTER + 1);
  const context = exchangeContext(hits, start, end, labelDistance, matchMask);
  let best: CompiledShape | null = null;
  let bestScore = -Infinity;
  let tie = false;
  for (let m = 0; m < count; m++) {
    for (const shape of matched[m]?.shapes ?? []) {
      const score =
        fieldScore(hint, shape.field) + (shape.distinctive ? 0.25 : 0) + (context.get(shape.exchange) ?? 0);
      if (score > bestScore) {
        best = shape;
        bestScore = score;
        tie = false;
      } else if (score === bestScore && best !== null && best.exchange !== shape.exchange) {
        tie = true;
      }
    }
  }
  if (best === null) return null;
  const exScore = context.get(best.exchange) ?? 0;
  const named = exScore > 0;
  const near = exScore >= 3;
  const distinctive = (best.distinctive || statistical) && !blocked;
  let level: number;
  if (distinctive) level = cred || named ? 3 : 2;
  else if (cred && named) level = blocked && !near ? 2 : 3;
  else if (cred || near) level = blocked ? 1 : 2;
  else level = isSecretKind(best.field) && len >= 20 && !blocked ? 1 : 0;
  const kind: FieldKind =
    hint !== null && fieldScore(hint, best.field) < 0
      ? hint
      : best.field === 'passphrase'
        ? 'secret'
        : best.field;
  // API keys identify rather than authenticate: one step lower, never high.
  if (kind === 'apiKey') level = Math.min(level - 1, 2);
  if (level <= 0) return null;
  const exchange = (named || distinctive) && !tie ? best.exchange : -1;
  return { start, end, level, exchange, kind, rule: best.id };
}

function bitCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** A venue among `mask` is named in [from, to): the only place a keyword lifts a value to `near`. */
function namedIn(hits: KeywordScan, from: number, to: number, mask: number): boolean {
  hits.cover(to - FAR, to);
  const { positions, masks } = hits;
  for (let k = positions.length - 1; k >= 0; k--) {
    const at = positions[k] ?? 0;
    if (at < from) break;
    if (at < to && ((masks[k] ?? 0) & mask) !== 0) return true;
  }
  return false;
}

function judgePem(text: string, pem: PemBlock, c: CompiledRules, hits: KeywordScan): Candidate {
  const normalised = text.slice(pem.start, pem.end).replace(/\\r/g, '').replace(/\\n/g, '\n');
  let mask = 0;
  for (const { shape, regex } of c.pemShapes) if (regex.test(normalised)) mask |= 1 << shape.exchange;
  hits.cover(pem.start - FAR, pem.start);
  const ctx = mask === 0 ? null : nearestExchange(hits, pem.start, mask, FAR);
  const shape = ctx === null ? undefined : c.pemShapes.find((s) => s.shape.exchange === ctx.index);
  return {
    start: pem.start,
    end: pem.end,
    // A header with no body worth the name is documentation (`-----BEGIN PRIVATE KEY-----\n...`).
    level: pem.body.length >= 40 ? 3 : 1,
    exchange: ctx?.index ?? -1,
    kind: 'privateKey',
    rule: shape?.shape.id ?? 'pem.private-key',
  };
}

function judgePassphrase(value: PassphraseValue, c: CompiledRules, hits: KeywordScan): Candidate | null {
  const at = value.keyword + 1;
  hits.cover(at - FAR, at);
  const ctx = nearestExchange(hits, at, c.passphraseMask, FAR);
  return ctx === null
    ? null
    : {
        start: value.start,
        end: value.end,
        level: 2,
        exchange: ctx.index,
        kind: 'passphrase',
        rule: 'context.passphrase',
      };
}

/**
 * Judges tokens, PEM blocks and passphrases in the order of the text, as the lazy keyword scan needs; returns them
 * in the order PEM blocks, tokens, passphrases (sorted by the caller, stably), with the stored values found.
 */
function judgeAll(
  text: string,
  c: CompiledRules,
  hits: KeywordScan,
  blocks: readonly PemBlock[],
  known: KnownValueIndex | undefined,
): { candidates: Candidate[]; known: KnownMatch[] } {
  const pems: Candidate[] = [];
  const tokens: Candidate[] = [];
  const phrases: Candidate[] = [];
  const privatePems = blocks.filter((b) => b.label.includes('PRIVATE KEY'));
  // Stored values are looked up in the same pass over the text.
  const knownScan =
    known !== undefined && known.entries.size > 0 ? knownValueScan(text, known, privatePems) : null;
  const values = c.passphraseMask === 0 ? [] : findPassphraseValues(text);
  let p = 0;
  let v = 0;
  const upTo = (pos: number) => {
    for (let pem = privatePems[p]; pem !== undefined && pem.start <= pos; pem = privatePems[++p]) {
      pems.push(judgePem(text, pem, c, hits));
    }
    for (let value = values[v]; value !== undefined && value.keyword + 1 <= pos; value = values[++v]) {
      const found = judgePassphrase(value, c, hits);
      if (found !== null) phrases.push(found);
    }
  };
  let s = 0;
  forEachLongToken(text, (start, end) => {
    knownScan?.token(start, end);
    while (s < blocks.length && (blocks[s]?.end ?? 0) <= start) s++;
    const covering = blocks[s];
    if (covering !== undefined && covering.start <= start) return;
    if (end - start > MAX_SHAPE_LENGTH) return;
    upTo(start);
    const found = judgeToken(text, start, end, c, hits);
    if (found !== null) tokens.push(found);
  });
  upTo(Infinity);
  return {
    candidates: [...pems, ...tokens, ...phrases],
    known: knownScan?.matches.sort((a, b) => a.start - b.start) ?? [],
  };
}

/**
 * Key, secret and passphrase side by side strengthen each other: each secret or passphrase with an API key of the
 * same (or an unnamed) venue within reach goes one level up, and so does the key; an unnamed partner takes the
 * other's venue. Looks at a few neighbours only, so it stays linear.
 */
function pair(candidates: Candidate[]): void {
  const boost = new Set<Candidate>();
  for (let i = 0; i < candidates.length; i++) {
    const a = candidates[i];
    if (a === undefined || a.kind === 'apiKey') continue;
    for (let d = -4; d <= 4; d++) {
      const b = candidates[i + d];
      if (b === undefined || b.kind !== 'apiKey') continue;
      if (Math.abs(a.start - b.start) > PAIR_DISTANCE) continue;
      if (a.exchange >= 0 && b.exchange >= 0 && a.exchange !== b.exchange) continue;
      if (a.level < 2 && b.level < 2) continue;
      boost.add(a);
      boost.add(b);
      if (a.exchange < 0) a.exchange = b.exchange;
      else if (b.exchange < 0) b.exchange = a.exchange;
    }
  }
  for (const cand of boost) cand.level = Math.min(cand.level + 1, cand.kind === 'apiKey' ? 2 : 3);
}

function knownKind(ref: string): FieldKind | null {
  const field = ref.slice(ref.lastIndexOf(':') + 1);
  return field === 'apiKey' || field === 'secret' || field === 'passphrase' || field === 'privateKey'
    ? field
    : null;
}

/**
 * Finds stored values and exchange credentials in a text. Synchronous and linear in the text's length; uses no
 * browser or Node API, so the paste guard and the command-line scanner share it.
 */
export function detect(text: string, rules: DetectorRules, options: DetectOptions = {}): Finding[] {
  const c = compiled(rules);
  // Every PEM block, public ones too, is judged as a whole and never line by line.
  const { candidates, known } = judgeAll(
    text,
    c,
    keywordScan(text, c.keywords),
    findPemBlocks(text),
    options.known,
  );
  candidates.sort((a, b) => a.start - b.start);
  pair(candidates);

  let result = candidates;
  if (known.length > 0) {
    const overlapping = (k: KnownMatch) => (x: Candidate) => x.start < k.end && k.start < x.end;
    const knownCandidates = known.map((k): Candidate => {
      const shape = candidates.find(overlapping(k));
      return {
        start: k.start,
        end: k.end,
        level: 3,
        exchange: shape?.exchange ?? -1,
        kind: knownKind(k.ref) ?? shape?.kind ?? 'secret',
        rule: 'known-value',
        ref: k.ref,
      };
    });
    result = candidates
      .filter((x) => !known.some((k) => overlapping(k)(x)))
      .concat(knownCandidates)
      .sort((a, b) => a.start - b.start);
  }

  const findings: Finding[] = [];
  for (const x of result) {
    if (x.level <= 0) continue;
    const finding: Finding = {
      exchange: x.exchange >= 0 ? (c.exchangeIds[x.exchange] ?? null) : null,
      kind: x.kind,
      confidence: CONFIDENCE[x.level] ?? 'low',
      rule: x.rule,
      start: x.start,
      end: x.end,
      ...(x.ref !== undefined ? { ref: x.ref } : {}),
    };
    findings.push(finding);
  }
  return findings;
}
