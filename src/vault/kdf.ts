/**
 * Passphrase → key-encryption key. PBKDF2-SHA256 (WebCrypto has no Argon2, and a WASM Argon2 would need
 * 'wasm-unsafe-eval' in the CSP: https://github.com/bitwarden/clients/pull/4578) gives a 256-bit master secret;
 * HKDF splits it into the AES-GCM key that wraps the data key and a short verifier. The verifier lets unlock tell a
 * wrong passphrase from a damaged wrapped key; it gives an offline attacker nothing the wrapped key's GCM tag
 * does not already give (both cost one PBKDF2 run per guess).
 */
import { randomBytes, utf8, type Bytes } from './bytes';
import { open, seal } from './envelope';
import { VaultError } from './errors';

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256 and Bitwarden's floor. */
export const DEFAULT_KDF_ITERATIONS = 600_000;
/** Upper bound accepted from stored headers and backup files, so a hostile file cannot stall the worker. */
export const MAX_KDF_ITERATIONS = 10_000_000;
/** Lower bound accepted from backup files; a real file from this code always has ≥ DEFAULT_KDF_ITERATIONS. */
export const MIN_ACCEPTED_ITERATIONS = 1_000;
export const SALT_BYTES = 16;
const VERIFIER_BYTES = 16;
const DATA_KEY_BYTES = 32;
const DATA_KEY_CONTEXT = 'data-key';

export interface KdfParams {
  readonly name: 'PBKDF2';
  readonly hash: 'SHA-256';
  readonly iterations: number;
  readonly salt: Bytes;
}

export interface DerivedKeys {
  readonly kek: CryptoKey;
  readonly verifier: Bytes;
}

export function newKdfParams(iterations: number): KdfParams {
  return { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: randomBytes(SALT_BYTES) };
}

export async function deriveKeys(passphrase: string, params: KdfParams): Promise<DerivedKeys> {
  // NFC so the same passphrase typed through different input methods gives the same bytes.
  const base = await crypto.subtle.importKey('raw', utf8(passphrase.normalize('NFC')), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const master = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: params.hash, salt: params.salt, iterations: params.iterations },
    base,
    256,
  );
  const hkdf = await crypto.subtle.importKey('raw', master, 'HKDF', false, ['deriveKey', 'deriveBits']);
  const salt = new Uint8Array(0);
  const kek = await crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt, info: utf8('keywarden/kek') },
    hkdf,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
  const verifier = new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: 'HKDF', hash: 'SHA-256', salt, info: utf8('keywarden/verifier') },
      hkdf,
      VERIFIER_BYTES * 8,
    ),
  );
  return { kek, verifier };
}

export function newDataKey(): Bytes {
  return randomBytes(DATA_KEY_BYTES);
}

export function wrapDataKey(kek: CryptoKey, rawDataKey: Bytes): Promise<Bytes> {
  return seal(kek, rawDataKey, DATA_KEY_CONTEXT);
}

export async function unwrapDataKey(kek: CryptoKey, wrapped: Uint8Array): Promise<Bytes> {
  const raw = await open(kek, wrapped, DATA_KEY_CONTEXT);
  if (raw.length !== DATA_KEY_BYTES) {
    throw new VaultError('corrupt-record', 'The vault key is damaged.');
  }
  return raw;
}
