import { describe, expect, it } from 'vitest';
import { bybit } from './bybit';
import { dangerousPermissions, endpointSummary, expirySummary, fieldKinds, shapeOf } from './testing';

// [shape id, value, what it is]
const ACCEPTS: readonly (readonly [string, string, string])[] = [
  ['bybit.apiKey', 'xxxxxxxxxxxxxxxxxx', 'docs placeholder (18)'],
  ['bybit.secret.hmac', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'docs placeholder (36)'],
];

const REJECTS: readonly (readonly [string, string, string])[] = [
  ['bybit.apiKey', 'XXXXXXXXXX', 'the 10-character prehash placeholder'],
  ['bybit.secret.hmac', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', '35 characters'],
];

describe('bybit', () => {
  it.each(ACCEPTS)('%s accepts %s (%s)', (id, value) => {
    expect(shapeOf(bybit, id).pattern.test(value)).toBe(true);
  });

  it.each(REJECTS)('%s rejects %s (%s)', (id, value) => {
    expect(shapeOf(bybit, id).pattern.test(value)).toBe(false);
  });

  it('issues the expected credential fields (* = secret)', () => {
    expect(fieldKinds(bybit)).toEqual(['apiKey', 'privateKey*', 'secret*']);
  });

  it('knows its expiry rules', () => {
    expect(expirySummary(bybit)).toEqual([
      'creation/90/key-invalid/unbound/official',
      'password-change/7/key-invalid/unbound/official',
    ]);
  });

  it('knows its permission endpoint and dangerous permissions', () => {
    expect(endpointSummary(bybit)).toBe('GET https://api.bybit.com/v5/user/query-api');
    expect(dangerousPermissions(bybit)).toEqual([
      'Wallet.AccountTransfer',
      'Wallet.SubMemberTransfer',
      'Wallet.Withdraw',
    ]);
  });
});
