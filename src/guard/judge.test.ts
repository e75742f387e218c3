import { describe, expect, it } from 'vitest';
import { DETECTOR_RULES } from '../detector/rules.generated';
import { hashKnownForm, knownValueForms } from '../detector/known-values';
import { EXCHANGES } from '../exchanges';
import { EXCHANGE_SITES } from './exchange-sites.generated';
import { exchangeSitesOf } from './exchange-sites';
import { judgePaste, type JudgeContext } from './judge';
import type { GuardIndex } from './types';

// Synthetic values of real shapes; never real keys.
const BINANCE_SECRET = 'Vd8fQ2kLm9PzR4tY7uWx1cE3bN6aS0hJ5gK2lM8nB4vC7xZ9qW3eR6tY1uI0oP5a';
const STORED_SECRET = 'Qm7Rt2Lx9Vb4Nc8Zp1Ks6Hd3Wf5Jg0Ty2Ua7Ie4Ob9Pl3Mk8Nj1Hb6Gv5Fc0Dx2S';
const SEED = '0123456789abcdef0123456789abcdef';

function indexWith(overrides: Partial<GuardIndex> = {}): GuardIndex {
  const entries = knownValueForms(STORED_SECRET).map(
    (form) => [hashKnownForm(SEED, form), 'c1:secret'] as const,
  );
  return {
    version: 1,
    seed: SEED,
    entries,
    refs: {
      'c1:secret': {
        credentialId: 'c1',
        exchange: 'bybit',
        field: 'secret',
        allowedHosts: ['mybot.example'],
      },
    },
    disabledHosts: [],
    ...overrides,
  };
}

const context = (index: GuardIndex | null = indexWith()): JudgeContext => ({
  rules: DETECTOR_RULES,
  sites: EXCHANGE_SITES,
  index,
});

describe('judgePaste', () => {
  it('keeps the generated exchange sites in sync with the knowledge base', () => {
    expect(EXCHANGE_SITES).toEqual(exchangeSitesOf(EXCHANGES));
  });

  it.each([
    ['prose', 'Thanks, the order filled at 0.1 BTC. See you tomorrow!'],
    ['a UUID', '3f2504e0-4f89-11d3-9a0c-0305e82c3301'],
    ['a transaction hash', '0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060'],
    ['a git commit id', 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3'],
    ['empty', ''],
  ])('passes %s', (_name, text) => {
    expect(judgePaste(text, 'chat.example', context()).action).toBe('pass');
  });

  it('holds an exchange secret in context on an unrelated site, showing at most four characters', () => {
    const verdict = judgePaste(`BINANCE_API_SECRET=${BINANCE_SECRET}`, 'chat.example', context());
    expect(verdict).toMatchObject({
      action: 'hold',
      severity: 'secret',
      stored: null,
      shape: { exchange: 'binance' },
    });
    if (verdict.action === 'hold') {
      expect(verdict.preview).toBe(`${BINANCE_SECRET.slice(0, 4)}…`);
      expect(JSON.stringify(verdict)).not.toContain(BINANCE_SECRET.slice(0, 5));
    }
  });

  it("lets an exchange-shaped secret through on that exchange's own domains, not on look-alikes", () => {
    const text = `BINANCE_API_SECRET=${BINANCE_SECRET}`;
    expect(judgePaste(text, 'www.binance.com', context())).toEqual({ action: 'pass', reason: 'allowed' });
    expect(judgePaste(text, 'tj-binance.com', context()).action).toBe('hold');
    expect(judgePaste(text, 'binance.com.evil.io', context()).action).toBe('hold');
  });

  it.each([
    ['JSON', `{"exchange":"bybit","secret":"${STORED_SECRET}"}`],
    ['an env file', `FOO=1\nMY_VALUE=${STORED_SECRET}\n`],
    ['a chat line', `hey can you check ${STORED_SECRET} for me`],
  ])('recognises a stored value wrapped in %s', (_name, text) => {
    const verdict = judgePaste(text, 'chat.example', context());
    expect(verdict).toMatchObject({
      action: 'hold',
      stored: { credentialId: 'c1', exchange: 'bybit' },
      shape: null,
    });
  });

  it('lets a stored value through on its used-by site and its exchange, and holds it elsewhere', () => {
    const text = `"${STORED_SECRET}"`;
    expect(judgePaste(text, 'mybot.example', context()).action).toBe('pass');
    expect(judgePaste(text, 'app.mybot.example', context()).action).toBe('pass');
    expect(judgePaste(text, 'www.bybit.com', context()).action).toBe('pass');
    expect(judgePaste(text, 'mybot.example.evil.io', context()).action).toBe('hold');
    expect(judgePaste(text, 'www.binance.com', context()).action).toBe('hold');
  });

  it("lets that exchange's shaped values through on a site where a stored key of it is used", () => {
    // A Bybit api key is 18 characters, too short to index as a stored value; on the bot's own site it is expected.
    const text = `{"exchange": "bybit", "apiKey": "Xk3Lm9Qp2Rt7Vw4Yz1", "secret": "${STORED_SECRET}"}`;
    expect(judgePaste(text, 'mybot.example', context()).action).toBe('pass');
    expect(judgePaste(text, 'chat.example', context()).action).toBe('hold');
    const binance = `BINANCE_API_SECRET=${BINANCE_SECRET}`;
    expect(judgePaste(binance, 'mybot.example', context()).action).toBe('hold');
  });

  it('without the index (not read yet) still judges by shape', () => {
    expect(judgePaste(`BINANCE_API_SECRET=${BINANCE_SECRET}`, 'chat.example', context(null)).action).toBe(
      'hold',
    );
  });

  it('passes everything on a site where the user turned the guard off', () => {
    const index = indexWith({ disabledHosts: ['chat.example'] });
    expect(judgePaste(`BINANCE_API_SECRET=${BINANCE_SECRET}`, 'chat.example', context(index))).toEqual({
      action: 'pass',
      reason: 'disabled',
    });
  });
});
