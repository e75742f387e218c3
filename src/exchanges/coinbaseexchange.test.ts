import { describe, expect, it } from 'vitest';
import { coinbaseExchange } from './coinbaseexchange';
import { dangerousPermissions, endpointSummary, expirySummary, fieldKinds, shapeOf } from './testing';

// [shape id, value, what it is]
const ACCEPTS: readonly (readonly [string, string, string])[] = [
  ['coinbaseexchange.secret', 'aB3+dE5/gH7jK9mN1pQ2sT4vW6yZ8aB3+dE5/gH7jK9mN1pQ2sT4vW6yZ8==', 'base64'],
];

const REJECTS: readonly (readonly [string, string, string])[] = [
  ['coinbaseexchange.secret', 'not base64!', 'punctuation'],
  ['coinbaseexchange.apiKey', '0123456789ABCDEF0123456789ABCDEF', 'upper-case'],
];

describe('coinbaseexchange', () => {
  it.each(ACCEPTS)('%s accepts %s (%s)', (id, value) => {
    expect(shapeOf(coinbaseExchange, id).pattern.test(value)).toBe(true);
  });

  it.each(REJECTS)('%s rejects %s (%s)', (id, value) => {
    expect(shapeOf(coinbaseExchange, id).pattern.test(value)).toBe(false);
  });

  it('issues the expected credential fields (* = secret)', () => {
    expect(fieldKinds(coinbaseExchange)).toEqual(['apiKey', 'passphrase*', 'secret*']);
  });

  it('knows its expiry rules', () => {
    expect(expirySummary(coinbaseExchange)).toEqual([]);
  });

  it('knows its permission endpoint and dangerous permissions', () => {
    expect(endpointSummary(coinbaseExchange)).toBe('unknown');
    expect(dangerousPermissions(coinbaseExchange)).toEqual(['transfer']);
  });
});
