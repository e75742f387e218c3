/**
 * Versioned AES-256-GCM envelope: `[version (1 byte)] [IV (12 bytes)] [ciphertext + 16-byte tag]`.
 *
 * The additional authenticated data binds the envelope version and a caller-chosen context (for a secret field:
 * the credential id and field name), so a ciphertext moved to another record or field, or relabelled with another
 * version, fails authentication instead of decrypting into the wrong place. There is no unauthenticated mode and
 * unknown versions are refused rather than guessed at.
 */
import { concatBytes, utf8, randomBytes, type Bytes } from './bytes';
import { VaultError } from './errors';

export const ENVELOPE_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

function additionalData(version: number, context: string): Bytes {
  return utf8(`keywarden/envelope/v${version}/${context}`);
}

/** The AES-GCM context for one secret field of one credential. */
export function secretContext(credentialId: string, field: string): string {
  return `secret/${credentialId}/${field}`;
}

export async function seal(key: CryptoKey, plaintext: Bytes, context: string): Promise<Bytes> {
  // A fresh random 96-bit IV per encryption: with at most a few thousand records per key the collision
  // probability stays far below NIST SP 800-38D's 2^-32 bound.
  const iv = randomBytes(IV_BYTES);
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: additionalData(ENVELOPE_VERSION, context), tagLength: 128 },
    key,
    plaintext,
  );
  return concatBytes(Uint8Array.of(ENVELOPE_VERSION), iv, new Uint8Array(ct));
}

/** Opens an envelope; throws 'unsupported-version' or 'corrupt-record' (never says which byte was wrong). */
export async function open(key: CryptoKey, envelope: Uint8Array, context: string): Promise<Bytes> {
  const version = envelope[0];
  if (version !== ENVELOPE_VERSION) {
    throw new VaultError(
      'unsupported-version',
      'This record was written in a format this version cannot read.',
    );
  }
  if (envelope.length < 1 + IV_BYTES + TAG_BYTES) {
    throw new VaultError('corrupt-record', 'This record is damaged and cannot be decrypted.');
  }
  try {
    const plain = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: envelope.slice(1, 1 + IV_BYTES),
        additionalData: additionalData(version, context),
        tagLength: 128,
      },
      key,
      envelope.slice(1 + IV_BYTES),
    );
    return new Uint8Array(plain);
  } catch {
    throw new VaultError('corrupt-record', 'This record is damaged and cannot be decrypted.');
  }
}

/** Imports 32 raw bytes as a non-extractable AES-256-GCM key. */
export function importAesKey(raw: Bytes): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}
