/**
 * Keyed fingerprints of stored secret values, for the paste guard: HMAC-SHA256 under a per-install random key,
 * never a plain hash, so a copy of the fingerprint table alone cannot be checked against leaked-key lists or
 * brute-forced without also taking the key. The key sits unencrypted next to the table (it must work while the
 * vault is locked), so against an attacker with the whole disk this only protects high-entropy values; see
 * docs/security-model.md.
 */
import { randomBytes, toHex, utf8, type Bytes } from './bytes';

export const FINGERPRINT_KEY_BYTES = 32;

export function newFingerprintKey(): Bytes {
  return randomBytes(FINGERPRINT_KEY_BYTES);
}

export function importFingerprintKey(raw: Bytes): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

/** Hex HMAC-SHA256 of the UTF-8 value, domain-separated from any other use of the key. */
export async function fingerprint(key: CryptoKey, value: string): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', key, utf8(`keywarden/fingerprint/v1\u0000${value}`));
  return toHex(new Uint8Array(mac));
}
