import { describe, expect, it } from 'vitest';
import { detect } from '../../src/detector/index';
import { findKnownValues, hashKnownForm, type KnownHash } from '../../src/detector/known-values';
import { DETECTOR_RULES } from '../../src/detector/rules.generated';
import { prng } from '../corpus/corpus';

// Every rule must stay linear: these inputs finish within vitest's default timeout only if nothing backtracks.
const MB = 1 << 20;
const rnd = prng(5);
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const chars = (alphabet: string, n: number) =>
  Array.from({ length: n }, () => alphabet.charAt(Math.floor(rnd() * alphabet.length))).join('');

const known = {
  seed: 's',
  entries: new Map<KnownHash, string>([[hashKnownForm('s', chars(ALNUM, 64)), 'x:secret']]),
};

const inputs: Record<string, () => string> = {
  'megabytes of one letter': () => 'a'.repeat(4 * MB),
  'megabytes of one digit': () => '7'.repeat(2 * MB),
  'megabytes of dashes': () => '-'.repeat(2 * MB),
  'megabytes of equals signs': () => '='.repeat(2 * MB),
  'megabytes of backslashes': () => '\\'.repeat(2 * MB),
  'a long base64 run': () => chars(`${ALNUM}+/`, 2 * MB),
  'base64 runs split by = every few characters': () => `${chars(ALNUM, 7)}=`.repeat(MB / 8),
  'thousands of PEM headers without bodies': () => '-----BEGIN PRIVATE KEY-----'.repeat(40_000),
  'thousands of PEM headers with huge bodies and no footer': () =>
    `-----BEGIN EC PRIVATE KEY-----\n${chars(ALNUM, 64 * 1024)}\n`.repeat(16),
  'thousands of unterminated PEM labels': () => '-----BEGIN '.repeat(100_000),
  'thousands of near-miss keys': () =>
    Array.from({ length: 20_000 }, () => `BINANCE_API_SECRET=${chars(ALNUM, 63)}\n`).join(''),
  'thousands of keywords': () => 'binance okx kraken kucoin coinbase '.repeat(30_000),
  'thousands of passphrase labels': () => 'passphrase: "'.repeat(80_000),
  'thousands of passphrase assignments without values': () => 'OKX_PASSPHRASE='.repeat(80_000),
  'thousands of secret labels': () => 'secret: secret: secret '.repeat(50_000),
  'many dots and slashes': () => 'a.b/c.d/'.repeat(MB / 8),
  'long lines of base64 of equal length': () => `${chars(ALNUM, 64)}\n`.repeat(16_000),
};

describe('detector on adversarial inputs', () => {
  for (const [name, make] of Object.entries(inputs)) {
    it(`finishes on ${name}`, () => {
      const text = make();
      expect(Array.isArray(detect(text, DETECTOR_RULES, { known }))).toBe(true);
      expect(Array.isArray(findKnownValues(text, known))).toBe(true);
    });
  }
});
