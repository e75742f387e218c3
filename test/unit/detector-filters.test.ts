import { describe, expect, it } from 'vitest';
import { isAddressLike } from '../../src/detector/filters/address';
import { isEncodedContext } from '../../src/detector/filters/encoded';
import { isEnvReference } from '../../src/detector/filters/env-reference';
import { hasHexPrefix, isHexOnly } from '../../src/detector/filters/hex';
import { isIdentifierLike } from '../../src/detector/filters/identifier';
import { isLowDiversity } from '../../src/detector/filters/low-diversity';
import { isPlaceholder } from '../../src/detector/filters/placeholder';
import { isUuid } from '../../src/detector/filters/uuid';
import { isWrappedBlobLine } from '../../src/detector/filters/wrapped';
import { prng } from '../corpus/corpus';

const rnd = prng(11);
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const chars = (alphabet: string, n: number) =>
  Array.from({ length: n }, () => alphabet.charAt(Math.floor(rnd() * alphabet.length))).join('');
const randomValues = (n: number, len: number, alphabet = ALNUM) =>
  Array.from({ length: n }, () => chars(alphabet, len));

/** Locates `value` inside `text` and applies a positional filter to it. */
const at = (text: string, value: string, f: (t: string, s: number, e: number) => boolean) => {
  const s = text.indexOf(value);
  return f(text, s, s + value.length);
};

describe('filters/placeholder', () => {
  it('recognises placeholders', () => {
    for (const v of [
      'YOUR_API_KEY',
      'your_binance_secret_here',
      'xxxxxxxxxxxxxxxxxxxx',
      'REPLACE_ME_PLEASE',
      'example-key-1234',
    ]) {
      expect(at(`KEY=${v}\n`, v, isPlaceholder), v).toBe(true);
    }
    expect(at('secret: <API_SECRET>', 'API_SECRET', isPlaceholder)).toBe(true);
    expect(at('secret: {API_SECRET}', 'API_SECRET', isPlaceholder)).toBe(true);
  });
  it('passes random values', () => {
    const hits = randomValues(2000, 64).filter((v) => at(`KEY=${v}\n`, v, isPlaceholder));
    expect(hits.length).toBeLessThanOrEqual(2);
  });
});

describe('filters/low-diversity', () => {
  it('recognises regular strings', () => {
    for (const v of [
      'aaaaaaaaaaaaaaaaaaaa',
      'abcabcabcabcabcabcabc',
      'Ab1234567Xyz0Qr',
      'qwertyabcdefgh',
      'KEY-----',
      '--api-key-value',
    ]) {
      expect(isLowDiversity(v), v).toBe(true);
    }
  });
  it('passes random values of every shape length', () => {
    for (const len of [8, 18, 24, 36, 43, 64, 88]) {
      const hits = randomValues(1000, len).filter(isLowDiversity);
      expect(hits.length, `length ${len}`).toBeLessThanOrEqual(len === 8 ? 10 : 1);
    }
  });
});

describe('filters/hex', () => {
  it('recognises hex-only values and 0x prefixes', () => {
    expect(isHexOnly('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08')).toBe(true);
    expect(isHexOnly('DEADBEEF0123')).toBe(true);
    expect(isHexOnly('9f86d081884c7d659a2feaa0c55ad015g')).toBe(false);
    expect(hasHexPrefix('0x71C7656EC7ab88b098defB751B7401B5f6d8976F')).toBe(true);
    expect(hasHexPrefix('0')).toBe(false);
    expect(hasHexPrefix('x0abc')).toBe(false);
  });
});

describe('filters/uuid', () => {
  it('recognises UUIDs only', () => {
    expect(isUuid('123e4567-e89b-12d3-a456-426614174000')).toBe(true);
    expect(isUuid('123E4567-E89B-12D3-A456-426614174000')).toBe(true);
    expect(isUuid('123e4567e89b12d3a456426614174000')).toBe(false);
    expect(isUuid('123e4567-e89b-12d3-a456-42661417400g')).toBe(false);
  });
});

describe('filters/identifier', () => {
  it('recognises names and words', () => {
    for (const v of [
      'BINANCE_API_SECRET',
      'getAccountBalance',
      'XMLHttpRequest',
      'node_modules/typescript',
      'internationalization',
      'parseJSONResponse',
      'base64Encode',
    ]) {
      expect(isIdentifierLike(v), v).toBe(true);
    }
  });
  it('passes random values', () => {
    // Letters-only values (no digit at all) are the hard case; random alphanumerics lack a digit rarely.
    for (const [len, alphabet, max] of [
      [18, ALNUM, 5],
      [28, ALNUM, 5],
      [43, `${ALNUM}_-`, 1],
      [64, ALNUM, 0],
      [28, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', 12],
    ] as const) {
      const hits = randomValues(1000, len, alphabet).filter(isIdentifierLike);
      expect(hits.length, `length ${len}`).toBeLessThanOrEqual(max);
    }
  });
});

describe('filters/address', () => {
  it('recognises base58 and bech32 addresses', () => {
    expect(isAddressLike('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa')).toBe(true);
    expect(isAddressLike('bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq')).toBe(true);
    expect(isAddressLike('7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV')).toBe(true);
    expect(isAddressLike('QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG')).toBe(true);
    expect(isAddressLike(chars(ALNUM, 64))).toBe(false);
  });
});

describe('filters/encoded', () => {
  it('recognises data URIs, integrity hashes, JWTs, SSH keys and dotted names', () => {
    const data = 'src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"';
    expect(at(data, 'iVBORw0KGgo', (t, s) => isEncodedContext(t, s, t.indexOf('"', s)))).toBe(true);
    expect(
      at('integrity="sha384-oqVuAfXRKap7fdgcCY5uykM6"', 'sha384-oqVuAfXRKap7fdgcCY5uykM6', isEncodedContext),
    ).toBe(true);
    expect(at('Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIx.sig', 'eyJhbGciOiJIUzI1NiJ9', isEncodedContext)).toBe(
      true,
    );
    expect(
      at('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGx', 'AAAAC3NzaC1lZDI1NTE5AAAAIGx', isEncodedContext),
    ).toBe(true);
    expect(at('https://api.binance.com/x', 'binance', isEncodedContext)).toBe(true);
    const secret = chars(ALNUM, 64);
    expect(at(`my secret is ${secret}.`, secret, isEncodedContext)).toBe(false);
  });
});

describe('filters/env-reference', () => {
  it('recognises reads from the environment and templates', () => {
    const cases: [string, string][] = [
      ["os.environ['BINANCE_SECRET']", 'BINANCE_SECRET'],
      ['os.environ.get("KRAKEN_KEY")', 'KRAKEN_KEY'],
      ['process.env.OKX_SECRET', 'OKX_SECRET'],
      ['KEY=${BYBIT_KEY}', 'BYBIT_KEY'],
      ['KEY=$BYBIT_KEY', 'BYBIT_KEY'],
      ['${{ secrets.API_SECRET }}', 'API_SECRET'],
      ['os.getenv("MEXC_SECRET")', 'MEXC_SECRET'],
    ];
    for (const [text, name] of cases) expect(isEnvReference(text, text.indexOf(name)), text).toBe(true);
    expect(isEnvReference('SECRET=abcdef', 7)).toBe(false);
  });
});

describe('filters/wrapped', () => {
  it('recognises lines of a wrapped base64 blob but not a lone key', () => {
    const lines = randomValues(4, 64);
    const blob = `${lines.join('\n')}\nAbCd==\n`;
    const second = lines[1] ?? '';
    expect(at(blob, second, isWrappedBlobLine)).toBe(true);
    const first = lines[0] ?? '';
    expect(at(blob, first, isWrappedBlobLine)).toBe(true);
    const env = `KEY=${first}\nSECRET=${second}\n`;
    expect(at(env, second, isWrappedBlobLine)).toBe(false);
    expect(at(`\n${first}\n`, first, isWrappedBlobLine)).toBe(false);
  });
});
