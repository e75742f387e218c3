/**
 * The shape of what Keywarden knows about one exchange. Every fact carries its source so it can be re-checked,
 * and how sure we are of it: only `official` facts are shown to users as fact; others are shown as "reported".
 */

/** ccxt ids, so users of ccxt-based bots recognise them. */
export const EXCHANGE_IDS = [
  'binance',
  'bybit',
  'bingx',
  'bitget',
  'bitmex',
  'okx',
  'coinbase',
  'coinbaseexchange',
  'kraken',
  'kucoin',
  'gate',
  'bitfinex',
  'gemini',
  'deribit',
  'mexc',
  'htx',
  'bitstamp',
  'cryptocom',
] as const;

export type ExchangeId = (typeof EXCHANGE_IDS)[number];

/**
 * How a fact is known:
 * - `official`: stated by the exchange itself (docs, help centre, its own GitHub docs);
 * - `code`: seen in library or scanner source (ccxt, trufflehog, gitleaks): what that code assumes;
 * - `third-party`: only in third-party pages (bot vendors, tutorials);
 * - `observed`: inferred from public samples;
 * - `unconfirmed`: no source found yet.
 */
export type Confirmation = 'official' | 'code' | 'third-party' | 'observed' | 'unconfirmed';

export interface Source {
  /** https address of the page or file the fact comes from. */
  readonly url: string;
  readonly confirmation: Confirmation;
  /** Optional detail: line numbers, the date read, a caveat. */
  readonly note?: string;
}

/** A value we could not establish, with the reason, instead of a guess. */
export interface UnknownFact {
  readonly unknown: string;
}

export interface Fact<T> {
  readonly value: T;
  readonly source: Source;
}

export type Known<T> = Fact<T> | UnknownFact;

export type FieldKind = 'apiKey' | 'secret' | 'passphrase' | 'privateKey';

/** A credential field the exchange issues (or asks the user to choose), named as the exchange's own UI names it. */
export interface CredentialField {
  readonly kind: FieldKind;
  /** The exchange's own name, e.g. "API Key", "Secret Key", "Passphrase", "Private key". */
  readonly label: string;
  /** Whether knowing this value lets someone act on the account (or helps to). */
  readonly secret: boolean;
  /** A field present only for one key type (for example the private key of an Ed25519 Binance key). */
  readonly optional: boolean;
  /** Which key type this field belongs to when the exchange offers several ('hmac', 'ed25519', 'ecdsa', 'rsa'). */
  readonly variant?: string;
  readonly source: Source;
}

/**
 * A shape of one credential field. `pattern` is anchored (`^…$`), has no nested quantifiers over overlapping
 * classes (so it runs in linear time), and is tested against whole candidate tokens, not searched in text.
 */
export interface Shape {
  /** Unique id: `<exchange>.<field>[.<variant>]`, also the detector rule name. */
  readonly id: string;
  readonly field: FieldKind;
  readonly variant?: string;
  readonly pattern: RegExp;
  /** Plain words for a hint in forms: "64 letters and digits". */
  readonly description: string;
  /**
   * True when the shape alone is rare enough to flag without context (a prefix such as `bg_` or `mx0`, a PEM header,
   * a long mixed-case alphabet). False when it collides with hashes, UUIDs or other services' keys. Only shapes with
   * an `official` source may be distinctive.
   */
  readonly distinctive: boolean;
  /** Documented example values (placeholders or published test vectors), never a real user's key. */
  readonly examples: readonly string[];
  /**
   * Made-up values in this shape, for tests only, when the exchange documents no example (never real keys).
   * Kept apart from `examples` so nothing undocumented passes as documented.
   */
  readonly synthetic?: readonly string[];
  readonly source: Source;
}

/** How a permission affects risk. */
export type PermissionKind = 'read' | 'trade' | 'withdraw' | 'transfer' | 'subaccount' | 'other';

export interface Permission {
  /** Stable id used in stored credentials, e.g. 'withdrawals'. */
  readonly id: string;
  /** As the exchange shows it, e.g. "Enable Withdrawals". */
  readonly label: string;
  readonly kind: PermissionKind;
  /** Withdrawal, transfer out, or sub-account control. */
  readonly dangerous: boolean;
}

/** What starts the clock of an automatic expiry or deletion. */
export type ExpiryTrigger = 'creation' | 'inactivity' | 'password-change';

/** What the exchange does when the clock runs out. */
export type ExpiryEffect = 'key-invalid' | 'key-deleted' | 'permission-removed';

export interface ExpiryRule {
  readonly id: string;
  /** Plain words, e.g. "Keys with no IP allow-list stop working 90 days after creation." */
  readonly description: string;
  readonly trigger: ExpiryTrigger;
  readonly days: number;
  readonly effect: ExpiryEffect;
  /** The rule applies only to keys with no IP allow-list. */
  readonly onlyWithoutIpAllowlist: boolean;
  /** The rule applies only when the key has at least one permission of these kinds; empty means any key. */
  readonly whenPermissionKinds: readonly PermissionKind[];
  /** For 'permission-removed': the permission ids that are removed. */
  readonly removesPermissions?: readonly string[];
  readonly source: Source;
}

export interface IpAllowlistPolicy {
  readonly supported: boolean;
  /** Most addresses or ranges per key, when the exchange states it. */
  readonly maxEntries?: number;
  readonly cidr?: boolean;
}

/** A rule such as "withdrawal requires an IP allow-list". */
export interface KeyRule {
  readonly id: string;
  readonly description: string;
  readonly source: Source;
}

export interface Policies {
  readonly ipAllowlist: Known<IpAllowlistPolicy>;
  /** Automatic expiry or deletion rules; an empty list (with a source) means the exchange states none. */
  readonly expiry: Known<readonly ExpiryRule[]>;
  readonly rules: readonly KeyRule[];
}

export type SigningAlgorithm =
  'HMAC-SHA256' | 'HMAC-SHA384' | 'HMAC-SHA512' | 'Ed25519' | 'RSA-SHA256' | 'ES256-JWT' | 'EdDSA-JWT';

export interface Signing {
  readonly algorithms: readonly SigningAlgorithm[];
  readonly output: 'hex' | 'base64' | 'jwt';
  /** How the signed string is built, in words: "timestamp + METHOD + path + body". */
  readonly prehash: string;
  /** Header or parameter names that carry the key, signature, timestamp and passphrase. */
  readonly headers: readonly string[];
  readonly source: Source;
}

/** The one read-only request that reports the key's own permissions; the only request the live audit may sign. */
export interface PermissionEndpoint {
  readonly method: 'GET' | 'POST';
  /** https origin, e.g. https://api.binance.com */
  readonly origin: string;
  readonly path: string;
  readonly source: Source;
}

export interface Links {
  /** Where the user lists and deletes API keys. */
  readonly keyManagement: Fact<string>;
  /** Orders, withdrawals, login history or security pages, where known. */
  readonly activity: Known<readonly { readonly label: string; readonly url: string }[]>;
  readonly support: Known<string>;
}

export interface Exchange {
  readonly id: ExchangeId;
  readonly name: string;
  /** Registrable web domains; a host matches when it equals one or is a subdomain of one. */
  readonly webDomains: readonly string[];
  /** API hosts (exact host names). */
  readonly apiHosts: readonly string[];
  readonly fields: readonly CredentialField[];
  readonly shapes: readonly Shape[];
  /**
   * Lower-case words that signal this exchange's credentials in text: its names, header names (`x-mbx-apikey`),
   * env-var conventions (`binance_api_key`).
   */
  readonly keywords: readonly string[];
  readonly links: Links;
  readonly permissions: Known<readonly Permission[]>;
  readonly policies: Policies;
  readonly signing: Known<Signing>;
  readonly permissionEndpoint: Known<PermissionEndpoint>;
}

export function isKnown<T>(fact: Known<T>): fact is Fact<T> {
  return 'value' in fact;
}
