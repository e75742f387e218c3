import { describe, expect, it } from 'vitest';
import { coinbase } from './coinbase';
import { dangerousPermissions, endpointSummary, expirySummary, fieldKinds, shapeOf } from './testing';

// [shape id, value, what it is]
const ACCEPTS: readonly (readonly [string, string, string])[] = [
  [
    'coinbase.apiKey.ecdsa',
    'organizations/0f0e0d0c-0b0a-4908-8706-050403020100/apiKeys/00112233-4455-6677-8899-aabbccddeeff',
    'key name',
  ],
  ['coinbase.apiKey.ed25519', '00112233-4455-6677-8899-aabbccddeeff', 'bare key id'],
];

const REJECTS: readonly (readonly [string, string, string])[] = [
  ['coinbase.apiKey.ecdsa', 'organizations/{org_id}/apiKeys/{key_id}', 'docs placeholder'],
  ['coinbase.privateKey.ed25519', 'AAAA==', 'too short'],
];

describe('coinbase', () => {
  it.each(ACCEPTS)('%s accepts %s (%s)', (id, value) => {
    expect(shapeOf(coinbase, id).pattern.test(value)).toBe(true);
  });

  it.each(REJECTS)('%s rejects %s (%s)', (id, value) => {
    expect(shapeOf(coinbase, id).pattern.test(value)).toBe(false);
  });

  it('issues the expected credential fields (* = secret)', () => {
    expect(fieldKinds(coinbase)).toEqual(['apiKey', 'privateKey*', 'secret*']);
  });

  it('knows its expiry rules', () => {
    expect(expirySummary(coinbase)).toEqual([]);
  });

  it('knows its permission endpoint and dangerous permissions', () => {
    expect(endpointSummary(coinbase)).toBe('GET https://api.coinbase.com/api/v3/brokerage/key_permissions');
    expect(dangerousPermissions(coinbase)).toEqual(['can_transfer']);
  });
});
