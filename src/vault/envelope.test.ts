import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64, utf8 } from './bytes';
import { importAesKey, open, seal } from './envelope';
import { isVaultError } from './errors';
import { deriveKeys, newKdfParams, unwrapDataKey, wrapDataKey } from './kdf';

const key = () => importAesKey(crypto.getRandomValues(new Uint8Array(32)));

describe('envelope', () => {
  it('round-trips with a fresh IV each time and a version byte first', async () => {
    const k = await key();
    const a = await seal(k, utf8('value'), 'ctx');
    const b = await seal(k, utf8('value'), 'ctx');
    expect(a[0]).toBe(1);
    expect(a.length).toBe(1 + 12 + 5 + 16);
    expect(toBase64(a.slice(1, 13))).not.toBe(toBase64(b.slice(1, 13)));
    expect(new TextDecoder().decode(await open(k, a, 'ctx'))).toBe('value');
  });

  it('refuses another context, another key, unknown versions and short input', async () => {
    const k = await key();
    const sealed = await seal(k, utf8('value'), 'ctx');
    const code = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: unknown) => (isVaultError(e) ? e.code : 'other'),
      );
    expect(await code(open(k, sealed, 'other'))).toBe('corrupt-record');
    expect(await code(open(await key(), sealed, 'ctx'))).toBe('corrupt-record');
    expect(await code(open(k, Uint8Array.of(2, ...sealed.slice(1)), 'ctx'))).toBe('unsupported-version');
    expect(await code(open(k, sealed.slice(0, 20), 'ctx'))).toBe('corrupt-record');
  });
});

describe('kdf', () => {
  it('derives the same keys from the same passphrase and salt, NFC-normalised', async () => {
    const params = newKdfParams(1_000);
    const a = await deriveKeys('caf\u00e9 passphrase', params);
    const b = await deriveKeys('cafe\u0301 passphrase', params);
    expect(toBase64(a.verifier)).toBe(toBase64(b.verifier));
    const raw = crypto.getRandomValues(new Uint8Array(32));
    expect(toBase64(await unwrapDataKey(b.kek, await wrapDataKey(a.kek, raw)))).toBe(toBase64(raw));
    const other = await deriveKeys('cafe passphrase', params);
    expect(toBase64(other.verifier)).not.toBe(toBase64(a.verifier));
  });
});

describe('base64', () => {
  it('accepts only canonical base64', () => {
    expect(fromBase64('AAEC')).toEqual(Uint8Array.of(0, 1, 2));
    for (const bad of ['A', 'AA=', '!!!!', 'AAEC\n', 'AA==AA==']) expect(fromBase64(bad)).toBeNull();
  });
});
