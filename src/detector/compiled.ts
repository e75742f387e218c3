import type { ExchangeId, FieldKind } from '../exchanges/types';
import { CHAR_CLASS } from './charset';
import { buildKeywordMatcher, type KeywordMatcher } from './keywords';
import { FIELDS, type DetectorRules } from './types';

export interface CompiledShape {
  /** Rule id, e.g. `binance.secret.hmac`. */
  readonly id: string;
  readonly field: FieldKind;
  readonly distinctive: boolean;
  /** Index of the shape's exchange in the rule table (its bit in keyword masks). */
  readonly exchange: number;
}

/**
 * Shapes that share one pattern (Binance's key and secret, say): the pattern is tested once for all. A pattern of
 * the form `^[set]{m,n}$`, with optional `=` padding, is tested with the class table instead of its regex: no
 * string is cut out of the text for it.
 */
export interface ShapeGroup {
  readonly shapes: CompiledShape[];
  /** Bit set of the shapes' exchanges. */
  mask: number;
  /** Some shape is a secret or private key. */
  secret: boolean;
  /** Some shape is distinctive. */
  distinctive: boolean;
  readonly regex: RegExp;
  /** The set's bit in `CompiledRules.classes`; 0 when the regex must be run. */
  readonly bit: number;
  readonly padMin: number;
  readonly padMax: number;
  readonly bodyMin: number;
  readonly bodyMax: number;
}

export interface PemShape {
  readonly shape: CompiledShape;
  readonly regex: RegExp;
}

/** The rule table turned into matchers once: shapes bucketed by the token lengths they can match. */
export interface CompiledRules {
  readonly exchangeIds: readonly ExchangeId[];
  readonly byLength: readonly (readonly ShapeGroup[] | undefined)[];
  readonly pemShapes: readonly PemShape[];
  readonly keywords: KeywordMatcher;
  /** Bit set of the exchanges that use a passphrase. */
  readonly passphraseMask: number;
  /** charset.ts's classes of each ASCII code, plus one bit per character set of a simple pattern. */
  readonly classes: Int32Array;
}

/** Tokens longer than this are never tested against shapes (base64 images, minified code). */
export const MAX_SHAPE_LENGTH = 512;

const SIMPLE = /^\^\[((?:\\.|[^\]\\])+)\]\{\d+(?:,\d+)?\}(={0,2}|=\{0,([12])\})\$$/;

const cache = new WeakMap<DetectorRules, CompiledRules>();

export function compiled(rules: DetectorRules): CompiledRules {
  const hit = cache.get(rules);
  if (hit !== undefined) return hit;
  const classes = Int32Array.from(CHAR_CLASS);
  const setBits = new Map<string, number>();
  const groups: (ShapeGroup | undefined)[] = [];
  const byLength: ShapeGroup[][] = [];
  const pemShapes: PemShape[] = [];
  let passphraseMask = 0;
  const groupOf = (index: number): ShapeGroup | undefined => {
    const pattern = rules.patterns[index];
    if (pattern === undefined || pattern[0].includes('-----BEGIN')) return undefined;
    let group = groups[index];
    if (group !== undefined) return group;
    const [source, min, bound, flags = ''] = pattern;
    const max = bound < 0 ? MAX_SHAPE_LENGTH : bound;
    const m = flags ? null : SIMPLE.exec(source);
    const set = m?.[1] ?? '';
    const inSet = new RegExp(`[${set}]`);
    // `=` inside the set (Kraken's key) is a character like any other, not padding.
    const equals = m !== null && inSet.test('=');
    let bit = 0;
    if (m !== null && !(equals && m[2])) {
      bit = setBits.get(set) ?? 0;
      if (bit === 0 && setBits.size < 25) {
        bit = 1 << (6 + setBits.size);
        setBits.set(set, bit);
        for (let c = 0; c < 128; c++)
          if (inSet.test(String.fromCharCode(c))) classes[c] = (classes[c] ?? 0) | bit;
      }
    }
    const pad = m?.[2] ?? '';
    const padMin = equals ? 0 : m?.[3] ? 0 : pad.length;
    const padMax = equals ? 2 : Number(m?.[3] ?? pad.length);
    group = {
      shapes: [],
      mask: 0,
      secret: false,
      distinctive: false,
      regex: new RegExp(source, flags),
      bit,
      padMin,
      padMax,
      bodyMin: equals ? 0 : min - padMin,
      bodyMax: equals ? max : max - padMax,
    };
    groups[index] = group;
    for (let n = Math.max(1, min); n <= Math.min(max, MAX_SHAPE_LENGTH); n++)
      (byLength[n] ??= []).push(group);
    return group;
  };
  rules.exchanges.forEach(([id, , passphrase, shapes], exchange) => {
    if (passphrase) passphraseMask |= 1 << exchange;
    for (const [fieldIndex, patternIndex, suffix, distinctive] of shapes) {
      const field = FIELDS[fieldIndex] ?? 'secret';
      const shape: CompiledShape = {
        id: `${id}.${field}${suffix}`,
        field,
        distinctive: !!distinctive,
        exchange,
      };
      const group = groupOf(patternIndex);
      if (group === undefined) {
        const pattern = rules.patterns[patternIndex];
        if (pattern !== undefined) pemShapes.push({ shape, regex: new RegExp(pattern[0], pattern[3]) });
        continue;
      }
      group.shapes.push(shape);
      group.mask |= 1 << exchange;
      group.secret ||= field === 'secret' || field === 'privateKey';
      group.distinctive ||= shape.distinctive;
    }
  });
  const result: CompiledRules = {
    exchangeIds: rules.exchanges.map((e) => e[0]),
    byLength,
    pemShapes,
    keywords: buildKeywordMatcher(rules.exchanges.map((e) => e[1].split('|'))),
    passphraseMask,
    classes,
  };
  cache.set(rules, result);
  return result;
}
