import type { ExchangeId } from '../exchanges/types';
import { buildKeywordMatcher, type KeywordMatcher } from './keywords';
import type { DetectorRules, RuleShape } from './types';

export interface CompiledShape {
  readonly rule: RuleShape;
  readonly regex: RegExp;
  /** Index of the shape's exchange in the rule table (its bit in keyword masks). */
  readonly exchangeIndex: number;
}

/** Shapes that share one pattern (Binance's key and secret, say): the pattern is tested once for all. */
export interface ShapeGroup {
  readonly regex: RegExp;
  readonly shapes: readonly CompiledShape[];
}

/** The rule table turned into matchers once: shapes bucketed by the token lengths they can match. */
export interface CompiledRules {
  readonly exchangeIds: readonly ExchangeId[];
  readonly byLength: readonly (readonly ShapeGroup[] | undefined)[];
  readonly pemShapes: readonly CompiledShape[];
  readonly keywords: KeywordMatcher;
  /** Bit set of the exchanges that use a passphrase. */
  readonly passphraseMask: number;
}

/** Tokens longer than this are never tested against shapes (base64 images, minified code). */
export const MAX_SHAPE_LENGTH = 512;

const cache = new WeakMap<DetectorRules, CompiledRules>();

export function compiled(rules: DetectorRules): CompiledRules {
  const hit = cache.get(rules);
  if (hit !== undefined) return hit;
  const indexOf = new Map<ExchangeId, number>();
  rules.exchanges.forEach((e, i) => indexOf.set(e.id, i));
  const byLength: { regex: RegExp; shapes: CompiledShape[] }[][] = [];
  const pemShapes: CompiledShape[] = [];
  const groups = new Map<string, { regex: RegExp; shapes: CompiledShape[] }>();
  for (const rule of rules.shapes) {
    const exchangeIndex = indexOf.get(rule.exchange);
    if (exchangeIndex === undefined) continue;
    const key = `/${rule.source}/${rule.flags}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { regex: new RegExp(rule.source, rule.flags), shapes: [] };
      groups.set(key, group);
    }
    const shape: CompiledShape = { rule, regex: group.regex, exchangeIndex };
    if (rule.pem) {
      pemShapes.push(shape);
      continue;
    }
    const max = rule.maxLength < 0 ? MAX_SHAPE_LENGTH : Math.min(rule.maxLength, MAX_SHAPE_LENGTH);
    for (let n = Math.max(1, rule.minLength); n <= max; n++) {
      const bucket = (byLength[n] ??= []);
      if (group.shapes.length === 0 || !bucket.includes(group)) bucket.push(group);
    }
    group.shapes.push(shape);
  }
  let passphraseMask = 0;
  rules.exchanges.forEach((e, i) => {
    if (e.passphrase) passphraseMask |= 1 << i;
  });
  const result: CompiledRules = {
    exchangeIds: rules.exchanges.map((e) => e.id),
    byLength,
    pemShapes,
    keywords: buildKeywordMatcher(rules.exchanges.map((e) => e.keywords)),
    passphraseMask,
  };
  cache.set(rules, result);
  return result;
}
