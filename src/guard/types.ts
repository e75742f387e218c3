import type { KnownHash } from '../detector/known-values';
import type { ExchangeId, FieldKind } from '../exchanges/types';

/** What the paste guard needs to know about one stored value it may meet in a paste. */
export interface GuardRef {
  readonly credentialId: string;
  readonly exchange: ExchangeId;
  readonly field: FieldKind;
  /** Sites where this key may be pasted silently: its "used by" domains and the user's allowances. */
  readonly allowedHosts: readonly string[];
}

/**
 * The paste guard's view of the vault, published by the background to `storage.local` so every content script can
 * judge a paste synchronously, even while the service worker sleeps. It holds 64-bit keyed hashes of high-entropy
 * stored values only (never passphrases: those could be brute-forced from a short hash), the sites each key is
 * allowed on, and the sites where the user turned the guard off. No plaintext, no labels.
 */
export interface GuardIndex {
  readonly version: 1;
  readonly seed: string;
  readonly entries: readonly (readonly [KnownHash, string])[];
  readonly refs: Readonly<Record<string, GuardRef>>;
  readonly disabledHosts: readonly string[];
}

export const GUARD_INDEX_KEY = 'guardIndex';

/** How serious a held paste is: a secret (or private key, or passphrase) signs requests; an api key identifies. */
export type Severity = 'secret' | 'apiKey';

export interface StoredHit {
  readonly ref: string;
  readonly credentialId: string;
  readonly exchange: ExchangeId;
  readonly field: FieldKind;
}

export interface ShapeHit {
  readonly exchange: ExchangeId | null;
  readonly field: FieldKind;
  readonly rule: string;
  readonly confidence: 'medium' | 'high';
}

export type Verdict =
  | { readonly action: 'pass'; readonly reason: 'empty' | 'disabled' | 'clean' | 'allowed' }
  | {
      readonly action: 'hold';
      readonly severity: Severity;
      /** The first characters of the value, at most four, for the warning. */
      readonly preview: string;
      readonly stored: StoredHit | null;
      readonly shape: ShapeHit | null;
    };

export type GuardChoice = 'cancel' | 'paste-anyway' | 'allow-site' | 'treat-exposed';

/** One held paste, as recorded: never the value, only what was recognised and what the user chose. */
export interface GuardEvent {
  readonly id: string;
  readonly at: number;
  readonly host: string;
  readonly kind: 'paste' | 'drop';
  readonly severity: Severity;
  readonly credentialId: string | null;
  readonly field: string | null;
  readonly shape: ShapeHit | null;
  readonly choice: GuardChoice | 'pending';
  readonly choiceAt: number | null;
  /** True when this paste marked its stored key as exposed. */
  readonly exposed: boolean;
}

export interface GuardSettings {
  /** Sites where the user allowed a key from the warning, by credential id. */
  readonly allowances: Readonly<Record<string, readonly string[]>>;
  /** Sites where the user turned the guard off. */
  readonly disabledHosts: readonly string[];
}
