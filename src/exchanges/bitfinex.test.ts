import { describe, expect, it } from 'vitest';
import { bitfinex } from './bitfinex';
import { dangerousPermissions, endpointSummary, expirySummary, fieldKinds, shapeOf } from './testing';

// [shape id, value, what it is]
const ACCEPTS: readonly (readonly [string, string, string])[] = [
  ['bitfinex.apiKey', 'aB3-dE5_gH7jK9mN1pQ2sT4vW6yZ8aB3-dE5_gH7jK9', '43 base64url'],
];

const REJECTS: readonly (readonly [string, string, string])[] = [
  ['bitfinex.apiKey', 'aB3-dE5_gH7jK9mN1pQ2sT4vW6yZ8aB3-dE5_gH7jK', '42 characters'],
  ['bitfinex.secret', 'aB3+dE5/gH7jK9mN1pQ2sT4vW6yZ8aB3+dE5/gH7jK9', 'standard base64'],
];

describe('bitfinex', () => {
  it.each(ACCEPTS)('%s accepts %s (%s)', (id, value) => {
    expect(shapeOf(bitfinex, id).pattern.test(value)).toBe(true);
  });

  it.each(REJECTS)('%s rejects %s (%s)', (id, value) => {
    expect(shapeOf(bitfinex, id).pattern.test(value)).toBe(false);
  });

  it('issues the expected credential fields (* = secret)', () => {
    expect(fieldKinds(bitfinex)).toEqual(['apiKey', 'secret*']);
  });

  it('knows its expiry rules', () => {
    expect(expirySummary(bitfinex)).toEqual([]);
  });

  it('knows its permission endpoint and dangerous permissions', () => {
    expect(endpointSummary(bitfinex)).toBe('POST https://api.bitfinex.com/v2/auth/r/permissions');
    expect(dangerousPermissions(bitfinex)).toEqual(['wallets', 'withdraw']);
  });
});
