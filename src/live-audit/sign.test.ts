import { createPrivateKey, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  cdpKeyType,
  ed25519SeedToPkcs8,
  fromBase64,
  hmacBase64,
  hmacHex,
  parsePem,
  sec1ToPkcs8,
  toBase64,
  toBase64Url,
  toHex,
  utf8,
} from './sign';

describe('sign helpers', () => {
  it('computes HMACs in hex and base64 (RFC 4231 test case 2)', async () => {
    expect(await hmacHex('SHA-256', 'Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    expect(await hmacHex('SHA-384', 'Jefe', 'what do ya want for nothing?')).toBe(
      'af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649',
    );
    expect(await hmacBase64('SHA-256', 'test_api_secret', 'test_plain')).toBe(
      'jie/gxS38wLFFaBwl/cAzFbAzlI8MIny96jSXrB+iP4=',
    );
  });

  it('refuses an empty secret', async () => {
    await expect(hmacHex('SHA-256', '', 'x')).rejects.toThrow('The secret is empty.');
  });

  it('round-trips encodings', () => {
    const bytes = Uint8Array.from([0, 1, 254, 255, 62, 63]);
    expect(toHex(bytes)).toBe('0001feff3e3f');
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    expect(fromBase64(toBase64Url(bytes))).toEqual(bytes);
    expect(() => fromBase64('not base64!')).toThrow('The value is not base64.');
  });

  it('wraps SEC1 into PKCS#8 that OpenSSL reads as the same key', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = parsePem(String(privateKey.export({ type: 'sec1', format: 'pem' })));
    expect(pem?.label).toBe('EC PRIVATE KEY');
    const wrapped = sec1ToPkcs8(pem?.der ?? new Uint8Array());
    const reread = createPrivateKey({ key: Buffer.from(wrapped), format: 'der', type: 'pkcs8' });
    expect(createPublicKey(reread).export({ format: 'jwk' })).toEqual(publicKey.export({ format: 'jwk' }));
  });

  it('wraps an Ed25519 seed into PKCS#8 that OpenSSL reads as the same key', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const seed = Buffer.from(privateKey.export({ format: 'jwk' }).d ?? '', 'base64url');
    const pkcs8 = ed25519SeedToPkcs8(seed);
    expect(Buffer.from(pkcs8)).toEqual(privateKey.export({ format: 'der', type: 'pkcs8' }));
    const key = await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'Ed25519' }, false, ['sign']);
    const signature = new Uint8Array(await crypto.subtle.sign('Ed25519', key, utf8('hello')));
    expect(verify(null, Buffer.from('hello'), publicKey, signature)).toBe(true);
  });

  it('tells CDP key types apart', () => {
    expect(cdpKeyType('-----BEGIN EC PRIVATE KEY-----\n…')).toBe('ES256');
    expect(cdpKeyType(Buffer.alloc(64, 7).toString('base64'))).toBe('EdDSA');
    expect(cdpKeyType('legacyhmacsecret0123456789abcdef')).toBeNull();
  });
});
