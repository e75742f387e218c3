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

/** One compiled shape: just what the detector needs, none of the knowledge base's prose or sources. */
export interface RuleShape {
  readonly id: string;
  readonly exchange: ExchangeId;
  readonly field: FieldKind;
  readonly source: string;
  readonly flags: string;
  readonly minLength: number;
  /** -1 when unbounded (PEM blocks). */
  readonly maxLength: number;
  readonly distinctive: boolean;
  /** The shape describes a whole PEM block rather than a token. */
  readonly pem: boolean;
}

export interface RuleExchange {
  readonly id: ExchangeId;
  /** Lower-case words that name the venue in text. */
  readonly keywords: readonly string[];
  /** The venue issues (or asks for) a passphrase. */
  readonly passphrase: boolean;
}

/** The compact rule table the content script ships; produced by `compileRules`. */
export interface DetectorRules {
  readonly version: 1;
  readonly exchanges: readonly RuleExchange[];
  readonly shapes: readonly RuleShape[];
}
