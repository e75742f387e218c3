import { describe, expect, it } from 'vitest';
import { bitget } from './bitget';
import { dangerousPermissions, endpointSummary, expirySummary, fieldKinds, shapeOf } from './testing';

// [shape id, value, what it is]
const ACCEPTS: readonly (readonly [string, string, string])[] = [
  ['bitget.apiKey', 'bg_0123456789abcdef0123456789abcdef', 'synthetic bg_ key'],
];

const REJECTS: readonly (readonly [string, string, string])[] = [
  ['bitget.apiKey', 'bg_0123456789ABCDEF0123456789ABCDEF', 'upper-case hex'],
  ['bitget.apiKey', '0123456789abcdef0123456789abcdef', 'no prefix'],
  ['bitget.secret.hmac', '0123456789abcdef', '16 hex'],
];

describe('bitget', () => {
  it.each(ACCEPTS)('%s accepts %s (%s)', (id, value) => {
    expect(shapeOf(bitget, id).pattern.test(value)).toBe(true);
  });

  it.each(REJECTS)('%s rejects %s (%s)', (id, value) => {
    expect(shapeOf(bitget, id).pattern.test(value)).toBe(false);
  });

  it('issues the expected credential fields (* = secret)', () => {
    expect(fieldKinds(bitget)).toEqual(['apiKey', 'passphrase*', 'privateKey*', 'secret*']);
  });

  it('knows its expiry rules', () => {
    expect(expirySummary(bitget)).toEqual('unknown');
  });

  it('knows its permission endpoint and dangerous permissions', () => {
    expect(endpointSummary(bitget)).toBe('GET https://api.bitget.com/api/v2/spot/account/info');
    expect(dangerousPermissions(bitget)).toEqual(['wtow', 'chow', 'wwow']);
  });
});
