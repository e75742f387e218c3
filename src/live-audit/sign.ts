/**
 * WebCrypto helpers for request signing: HMAC, digests, encodings, and JWTs for Coinbase CDP keys (ES256 from a
 * SEC1 or PKCS#8 PEM, EdDSA from a base64 Ed25519 seed). Runs in the service worker and in Node alike.
 */

export type HashName = 'SHA-256' | 'SHA-384' | 'SHA-512';

const encoder = new TextEncoder();

export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
}

function bytesOf(data: string | Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  return typeof data === 'string' ? utf8(data) : data;
}

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes standard or URL-safe base64 (whitespace ignored); throws on anything else. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const clean = text.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) throw new SigningError('not-base64', 'The value is not base64.');
  const padded = clean + '='.repeat((4 - (clean.length % 4)) % 4);
  const binary = atob(padded);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) out[i] = binary.charCodeAt(i);
  return out;
}

/** Errors that name what is wrong, never the value. */
export class SigningError extends Error {
  constructor(
    readonly code: 'not-base64' | 'missing-field' | 'unsupported-key' | 'bad-key',
    message: string,
  ) {
    super(message);
    this.name = 'SigningError';
  }
}

export async function digest(
  hash: HashName,
  data: string | Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.digest(hash, bytesOf(data)));
}

export async function hmac(
  hash: HashName,
  key: string | Uint8Array<ArrayBuffer>,
  message: string | Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const keyBytes = bytesOf(key);
  // WebCrypto rejects zero-length HMAC keys; an empty secret is a user error, reported as such.
  if (keyBytes.length === 0) throw new SigningError('missing-field', 'The secret is empty.');
  const cryptoKey = await crypto.subtle.importKey('raw', keyBytes, { name: 'HMAC', hash }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, bytesOf(message)));
}

export async function hmacHex(
  hash: HashName,
  key: string | Uint8Array<ArrayBuffer>,
  message: string,
): Promise<string> {
  return toHex(await hmac(hash, key, message));
}

export async function hmacBase64(
  hash: HashName,
  key: string | Uint8Array<ArrayBuffer>,
  message: string | Uint8Array<ArrayBuffer>,
): Promise<string> {
  return toBase64(await hmac(hash, key, message));
}

// --- DER, just enough to wrap keys into PKCS#8 -------------------------------------------------------------

function derLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

function der(tag: number, ...content: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const body = concatBytes(...content);
  return concatBytes(Uint8Array.of(tag), derLength(body.length), body);
}

const OID_EC_PUBLIC_KEY = Uint8Array.of(0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01);
const OID_P256 = Uint8Array.of(0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07);
const OID_ED25519 = Uint8Array.of(0x06, 0x03, 0x2b, 0x65, 0x70);
const INTEGER_ZERO = Uint8Array.of(0x02, 0x01, 0x00);

/**
 * WebCrypto imports EC private keys only as PKCS#8 (or JWK), but Coinbase issues SEC1 `EC PRIVATE KEY` PEM.
 * PKCS#8 is SEC1 wrapped: SEQUENCE { 0, SEQUENCE { id-ecPublicKey, prime256v1 }, OCTET STRING { SEC1 } }
 * (RFC 5208 §5, RFC 5915 §1).
 */
export function sec1ToPkcs8(sec1: Uint8Array): Uint8Array<ArrayBuffer> {
  return der(0x30, INTEGER_ZERO, der(0x30, OID_EC_PUBLIC_KEY, OID_P256), der(0x04, sec1));
}

/** PKCS#8 for an Ed25519 seed: SEQUENCE { 0, SEQUENCE { id-Ed25519 }, OCTET STRING { OCTET STRING seed } } (RFC 8410 §7). */
export function ed25519SeedToPkcs8(seed: Uint8Array): Uint8Array<ArrayBuffer> {
  if (seed.length !== 32) throw new SigningError('bad-key', 'An Ed25519 seed is 32 bytes.');
  return der(0x30, INTEGER_ZERO, der(0x30, OID_ED25519), der(0x04, der(0x04, seed)));
}

/** Label and DER body of the first PEM block; accepts keys pasted with literal `\n` escapes. */
export function parsePem(text: string): { label: string; der: Uint8Array<ArrayBuffer> } | null {
  const normalised = text.replace(/\\n/g, '\n');
  const match = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(normalised);
  if (match === null) return null;
  return { label: match[1] ?? '', der: fromBase64(match[2] ?? '') };
}

export type CdpKeyType = 'ES256' | 'EdDSA';

/** Which JWT algorithm a Coinbase CDP private key needs, judged by its form (as the official SDK does). */
export function cdpKeyType(privateKey: string): CdpKeyType | null {
  if (privateKey.includes('-----BEGIN')) return 'ES256';
  try {
    return fromBase64(privateKey.trim()).length === 64 ? 'EdDSA' : null;
  } catch {
    return null;
  }
}

async function importCdpKey(privateKey: string): Promise<{ key: CryptoKey; alg: CdpKeyType }> {
  const type = cdpKeyType(privateKey);
  if (type === 'ES256') {
    const pem = parsePem(privateKey);
    if (pem === null) throw new SigningError('bad-key', 'The private key PEM could not be read.');
    let pkcs8: Uint8Array<ArrayBuffer>;
    if (pem.label === 'EC PRIVATE KEY') pkcs8 = sec1ToPkcs8(pem.der);
    else if (pem.label === 'PRIVATE KEY') pkcs8 = pem.der;
    else throw new SigningError('unsupported-key', `A "${pem.label}" PEM is not a Coinbase CDP key.`);
    try {
      const key = await crypto.subtle.importKey(
        'pkcs8',
        pkcs8,
        { name: 'ECDSA', namedCurve: 'P-256' },
        false,
        ['sign'],
      );
      return { key, alg: 'ES256' };
    } catch {
      throw new SigningError('bad-key', 'The EC private key is not a valid P-256 key.');
    }
  }
  if (type === 'EdDSA') {
    // Coinbase's Ed25519 secret is base64(seed ‖ public key); the seed is the first 32 bytes.
    const seed = fromBase64(privateKey.trim()).slice(0, 32);
    const key = await crypto.subtle.importKey('pkcs8', ed25519SeedToPkcs8(seed), { name: 'Ed25519' }, false, [
      'sign',
    ]);
    return { key, alg: 'EdDSA' };
  }
  throw new SigningError('unsupported-key', 'The private key is neither an EC PEM nor a base64 Ed25519 key.');
}

export interface CdpJwtClaims {
  /** Key name: `organizations/{org}/apiKeys/{id}` or a bare key id. */
  readonly keyName: string;
  /** `"GET api.coinbase.com/api/v3/brokerage/key_permissions"`: method, space, host and path, no query. */
  readonly uri: string;
  /** Seconds since the epoch. */
  readonly nowSeconds: number;
  readonly nonce: string;
}

/** The JWT Coinbase CDP expects, shaped as the official coinbase-advanced-py jwt_generator builds it. */
export async function cdpJwt(
  privateKey: string,
  claims: CdpJwtClaims,
): Promise<{ jwt: string; signingInput: string; alg: CdpKeyType }> {
  const { key, alg } = await importCdpKey(privateKey);
  const header = { alg, kid: claims.keyName, nonce: claims.nonce, typ: 'JWT' };
  const payload = {
    sub: claims.keyName,
    iss: 'cdp',
    nbf: claims.nowSeconds,
    exp: claims.nowSeconds + 120,
    uri: claims.uri,
  };
  const signingInput = `${toBase64Url(utf8(JSON.stringify(header)))}.${toBase64Url(utf8(JSON.stringify(payload)))}`;
  // WebCrypto's ECDSA output is already the raw r‖s form JWS wants (RFC 7518 §3.4).
  const algorithm = alg === 'ES256' ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'Ed25519' };
  const signature = new Uint8Array(await crypto.subtle.sign(algorithm, key, utf8(signingInput)));
  return { jwt: `${signingInput}.${toBase64Url(signature)}`, signingInput, alg };
}

/** 16 random bytes as hex, for JWT nonces. */
export function randomNonce(): string {
  return toHex(crypto.getRandomValues(new Uint8Array(16)));
}
