/**
 * Types of the live key audit (one signed read-only request that asks the exchange what a key can do) and of the
 * offline signature checker.
 */
import type { ExchangeId, Known, PermissionKind } from '../exchanges/types';

/** The credential values a signer needs; only the fields the exchange uses are read. */
export interface Credentials {
  readonly apiKey: string;
  readonly secret?: string;
  readonly passphrase?: string;
  readonly privateKey?: string;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** The four kinds of right that matter for risk. Sub-account control counts as transfer. */
export interface PermissionKinds {
  readonly read: boolean;
  readonly trade: boolean;
  readonly withdraw: boolean;
  readonly transfer: boolean;
}

/** What the exchange reported, mapped to the knowledge base's permission ids where one exists. */
export interface NormalizedPermissions {
  readonly exchange: ExchangeId;
  /** Knowledge-base permission ids (or the exchange's own id when the knowledge base has none), sorted. */
  readonly ids: readonly string[];
  /** The exchange's own words, as reported. */
  readonly raw: readonly string[];
  readonly kinds: PermissionKinds;
  /** The kind of each id in `ids` ('other' when neither the knowledge base nor the exchange's docs say). */
  readonly kindOf: Readonly<Record<string, PermissionKind>>;
  /** Ids in `ids` that the knowledge base does not list. */
  readonly unrecognised: readonly string[];
}

export type UnknownReason =
  | 'network'
  | 'rate-limited'
  | 'server-error'
  | 'timeout'
  | 'unexpected-response'
  /** The exchange rejected the request time even after syncing with its server time. */
  | 'clock-skew'
  /** The key works but lacks the right needed to read its own permissions. */
  | 'not-permitted';

/**
 * The result of a live audit.
 * - `valid`: the exchange accepted the key and reported its rights.
 * - `invalid`: the exchange rejected the key, signature or passphrase. `ipMayBeCause` is set when the exchange
 *   uses one error for "bad key" and "wrong IP" (Binance -2015, Coinbase 401), so the UI must not say "dead key".
 * - `restricted`: the exchange said the caller's IP is not on the key's allow-list. The key exists and is
 *   IP-bound, which is the expected outcome for a well-configured bot key checked from a browser; its rights
 *   could not be read from here. Kept apart from `invalid` so an IP-bound key is never reported as broken.
 * - `unknown`: nothing can be concluded (network, 429, 5xx, timeout, odd answer). Never treat as invalid.
 */
export type LiveAuditResult =
  | {
      readonly state: 'valid';
      readonly permissions: NormalizedPermissions;
      readonly ipRestricted: boolean | 'unknown';
      readonly ipList?: readonly string[];
      readonly expiresAt: number | null;
      readonly checkedAt: number;
    }
  | {
      readonly state: 'invalid';
      readonly message: string;
      readonly code?: string;
      readonly ipMayBeCause?: boolean;
      readonly checkedAt: number;
    }
  | {
      readonly state: 'restricted';
      readonly message: string;
      readonly code?: string;
      readonly checkedAt: number;
    }
  | {
      readonly state: 'unknown';
      readonly reason: UnknownReason;
      readonly message: string;
      readonly retryAfterMs?: number;
      readonly checkedAt: number;
    };

/** A verdict before the client stamps it with `checkedAt`. `next` asks the client to try the next endpoint. */
export type Verdict =
  | {
      readonly state: 'valid';
      readonly permissions: NormalizedPermissions;
      readonly ipRestricted: boolean | 'unknown';
      readonly ipList?: readonly string[];
      readonly expiresAt: number | null;
    }
  | {
      readonly state: 'invalid';
      readonly message: string;
      readonly code?: string;
      readonly ipMayBeCause?: boolean;
    }
  | { readonly state: 'restricted'; readonly message: string; readonly code?: string }
  | { readonly state: 'unknown'; readonly reason: UnknownReason; readonly message: string }
  | { readonly state: 'next'; readonly message: string };

/** An HTTP answer as the parsers see it. */
export interface ExchangeResponse {
  readonly status: number;
  readonly text: string;
  /** The parsed body, or undefined when it is not JSON. */
  readonly json: unknown;
}

/** The parts of a request that get signed, as the user (or the audit) wants them sent. */
export interface SignInput {
  readonly method: HttpMethod;
  /** Path only, starting with `/`, e.g. `/api/v3/order`. */
  readonly path: string;
  /** The query string exactly as sent, without `?`. */
  readonly query: string;
  /** The body exactly as sent; empty when none. */
  readonly body: string;
  /**
   * The time value in the venue's own unit and format: ms, seconds, ISO-8601, BitMEX `expires` (s) or Kraken
   * nonce. Ignored by venues that carry it inside the query or body (Binance, BingX, Kraken).
   */
  readonly timestamp: string;
  /** Coinbase JWT nonce (random when absent). */
  readonly nonce?: string;
}

/** A request as it goes on the wire after signing. */
export interface SignedRequest {
  /** The exact string (or bytes shown as text) that was signed. */
  readonly prehash: string;
  readonly signature: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Final query (with `signature=` for venues that put it there), without `?`. */
  readonly query: string;
  readonly body: string;
  readonly notes: readonly string[];
}

/** A public or signed endpoint by method, origin and path. */
export interface Endpoint {
  readonly method: 'GET' | 'POST';
  readonly origin: string;
  readonly path: string;
}

export interface TimeEndpoint extends Endpoint {
  /** Server time in epoch ms from the parsed body, or null when the answer does not hold one. */
  readonly parse: (json: unknown) => number | null;
}

/** Whether a key can delete itself through the API, as recorded from the exchange's documentation. */
export interface SelfDelete {
  readonly method: HttpMethod;
  readonly path: string;
  /** What the exchange requires, in words. */
  readonly note: string;
  /**
   * The exchange's own current docs confirm the endpoint, its request (body), signing and success answer. Only a
   * confirmed self-delete may reach the allow-list and be offered as "Revoke via API".
   */
  readonly confirmed: boolean;
}

/** What an exchange answered to a self-delete request, before the client stamps it. */
export type RevokeVerdict =
  | { readonly state: 'revoked' }
  | { readonly state: 'rejected'; readonly message: string; readonly code?: string }
  | { readonly state: 'unknown'; readonly reason: UnknownReason; readonly message: string };

/**
 * The outcome of "Revoke via API".
 * - `revoked`: the exchange confirmed it deleted the key.
 * - `rejected`: the exchange refused (bad signature, missing right, wrong IP, stale time); the key still exists.
 *   `message` is the exchange's own (sanitised) words.
 * - `unknown`: no answer says either way (network, 429, 5xx, timeout, odd answer): the key must be treated as live
 *   and revoked on the exchange's website.
 */
export type RevokeResult =
  | { readonly state: 'revoked'; readonly at: number }
  | { readonly state: 'rejected'; readonly message: string; readonly code?: string; readonly at: number }
  | {
      readonly state: 'unknown';
      readonly reason: UnknownReason;
      readonly message: string;
      readonly at: number;
    };

/** How an adapter sends its confirmed self-delete request. */
export interface SelfRevoke {
  /** Must equal the confirmed `selfDelete` method and path; the allow-list checks that. */
  readonly endpoint: Endpoint;
  /** The unsigned request (with its body exactly as sent) at `nowMs` (skew-corrected). */
  request(nowMs: number): SignInput;
  parse(response: ExchangeResponse, credentials: Credentials): RevokeVerdict;
}

/** One exchange's signer and parser. */
export interface ExchangeAdapter {
  readonly id: ExchangeId;
  /** Credential fields the signer reads. */
  readonly requires: readonly (keyof Credentials)[];
  /** Server-time endpoint (public, unsigned GET), when the exchange has one and its signing depends on time. */
  readonly time?: TimeEndpoint;
  /**
   * Extra permission endpoints tried in order after the knowledge base's one, when a parser answers `next`
   * (Bitget unified accounts).
   */
  readonly fallbackEndpoints?: readonly Endpoint[];
  /** The venue's time value for `nowMs` (already corrected for skew). */
  timestamp(nowMs: number): string;
  /** The unsigned request for a permission endpoint. */
  permissionRequest(endpoint: Endpoint, nowMs: number): SignInput;
  sign(input: SignInput, credentials: Credentials, origin: string): Promise<SignedRequest>;
  parse(response: ExchangeResponse, credentials: Credentials, endpoint: Endpoint): Verdict;
  /** Headers whose value is a standing credential (a plain or HMAC'd passphrase): masked by the checker. */
  readonly credentialHeaders?: readonly string[];
  /** A documented self-delete request, or why none is recorded. */
  readonly selfDelete: Known<SelfDelete>;
  /** Present only when `selfDelete` is confirmed: the one request that is not read-only. */
  readonly revoke?: SelfRevoke;
}
