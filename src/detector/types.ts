import type { ExchangeId, FieldKind } from '../exchanges/types';

export type Confidence = 'high' | 'medium' | 'low';

/** One suspected credential in a text. Offsets are UTF-16 code units, `end` exclusive. */
export interface Finding {
  /** ccxt id of the venue, or null when the text does not tell. */
  readonly exchange: ExchangeId | null;
  readonly kind: FieldKind;
  /** `low` is informational only and must never alarm a user. API keys are never above `medium`. */
  readonly confidence: Confidence;
  /** A shape id such as `binance.secret`, or a built-in rule such as `pem.private-key` or `known-value`. */
  readonly rule: string;
  readonly start: number;
  readonly end: number;
  /** For `known-value` findings: the vault's opaque reference of the stored value. */
  readonly ref?: string;
}

/**
 * One pattern of the rule table: [anchored source, minimum and maximum length of what it matches (-1 when
 * unbounded: PEM blocks), flags when any]. Shapes that share a pattern point at the same entry.
 */
export type RulePattern = readonly [source: string, minLength: number, maxLength: number, flags?: string];

/**
 * One shape of a venue: [field (index into FIELDS), pattern (index into `patterns`), id suffix after
 * `<exchange>.<field>` (`''` or `'.hmac'`), 1 when the venue's own word says the shape is distinctive].
 */
export type RuleShape = readonly [field: number, pattern: number, suffix: string, distinctive: 0 | 1];

/**
 * One venue: [ccxt id, the lower-case words that name it joined by `|` (a space stands for an optional `_`, `-` or
 * space), 1 when it issues (or asks for) a passphrase, its shapes].
 */
export type RuleExchange = readonly [
  id: ExchangeId,
  keywords: string,
  passphrase: 0 | 1,
  shapes: readonly RuleShape[],
];

/** Field kinds by their index in RuleShape. */
export const FIELDS: readonly FieldKind[] = ['apiKey', 'secret', 'passphrase', 'privateKey'];

/**
 * The compact rule table the content script ships; produced by `compileRules`. Tuples rather than objects, and
 * each pattern once, because every byte of it is loaded into every frame of every page.
 */
export interface DetectorRules {
  readonly version: 2;
  readonly patterns: readonly RulePattern[];
  readonly exchanges: readonly RuleExchange[];
}
