import { describe, expect, it } from 'vitest';
import { kucoin } from './kucoin';
import { dangerousPermissions, endpointSummary, expirySummary, fieldKinds, shapeOf } from './testing';

// [shape id, value, what it is]
const ACCEPTS: readonly (readonly [string, string, string])[] = [
  ['kucoin.apiKey', '5c2db93503aa674c74a31734', '24 hex'],
  ['kucoin.secret', 'f03a5284-5c39-4aaa-9b20-dea10bdcf8e3', 'UUID'],
];

const REJECTS: readonly (readonly [string, string, string])[] = [
  ['kucoin.apiKey', '5c2db93503aa674c74a3173', '23 hex'],
  ['kucoin.secret', 'f03a52845c394aaa9b20dea10bdcf8e3', 'UUID without dashes'],
];

describe('kucoin', () => {
  it.each(ACCEPTS)('%s accepts %s (%s)', (id, value) => {
    expect(shapeOf(kucoin, id).pattern.test(value)).toBe(true);
  });

  it.each(REJECTS)('%s rejects %s (%s)', (id, value) => {
    expect(shapeOf(kucoin, id).pattern.test(value)).toBe(false);
  });

  it('issues the expected credential fields (* = secret)', () => {
    expect(fieldKinds(kucoin)).toEqual(['apiKey', 'passphrase*', 'secret*']);
  });

  it('knows its expiry rules', () => {
    expect(expirySummary(kucoin)).toEqual('unknown');
  });

  it('knows its permission endpoint and dangerous permissions', () => {
    expect(endpointSummary(kucoin)).toBe('GET https://api.kucoin.com/api/v1/user/api-key');
    expect(dangerousPermissions(kucoin)).toEqual(['InnerTransfer', 'Transfer']);
  });
});
