/**
 * What the vault needs from its host, injected so the service runs in Node tests. Production adapters for
 * chrome.storage.session and chrome.alarms are in chrome-ports.ts.
 */

/** What storage.session holds while the vault is unlocked. JSON-safe, since storage.session stores JSON values. */
export interface SessionRecord {
  readonly v: 1;
  /** Which vault this key opens. */
  readonly vaultId: string;
  /** Random per unlock, so a worker can tell whether its cached CryptoKey is still the current one. */
  readonly sessionId: string;
  /** The raw 256-bit data key, base64. */
  readonly key: string;
  readonly unlockedAt: number;
  readonly lastActivityAt: number;
}

/**
 * The only place the unwrapped data key is kept outside worker memory. Must survive a worker restart and die with
 * the browser session, and must not be readable from content scripts: chrome.storage.session at its default
 * TRUSTED_CONTEXTS access level (https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/storage/session).
 * Never storage.local, storage.sync or IndexedDB.
 */
export interface SessionStore {
  get(): Promise<unknown>;
  set(record: SessionRecord): Promise<void>;
  remove(): Promise<void>;
}

/** chrome.alarms: fires even after the worker was stopped, unlike setTimeout. */
export interface AlarmPort {
  /** Creates or replaces the named alarm, to fire once at `when` (epoch ms). */
  create(name: string, when: number): Promise<void>;
  clear(name: string): Promise<void>;
}

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/**
 * The detector's known-value API (src/detector/known-values.ts), injected so the vault stores exactly the hashes
 * the content script will compute.
 */
export interface KnownValueHasher {
  /** The normalised forms of a value that the detector looks for (e.g. trimmed, PEM body without line breaks). */
  knownValueForms(value: string): string[];
  /** 16 hex characters. */
  hashKnownForm(seed: string, form: string): string;
}
