import { describe, expect, it } from 'vitest';
import { deribit } from './deribit';
import { dangerousPermissions, endpointSummary, expirySummary, fieldKinds, shapeOf } from './testing';

// [shape id, value, what it is]
const ACCEPTS: readonly (readonly [string, string, string])[] = [
  ['deribit.apiKey', '1sXMQBhM', 'enable_api_key example'],
  ['deribit.apiKey', 'TiA4AyLPq3', 'list_api_keys example'],
  ['deribit.apiKey', 'aD-KFx-H', 'list_api_keys example'],
  ['deribit.secret.hmac', 'B6RsF9rrLY5ezEGBQkyLlV-UC7whyPJ34BMA-kKYpes', 'enable_api_key example'],
];

const REJECTS: readonly (readonly [string, string, string])[] = [
  ['deribit.apiKey', '1sXMQBh', '7 characters'],
  ['deribit.secret.hmac', 'B6RsF9rrLY5ezEGBQkyLlV-UC7whyPJ34BMA-kKYpe', '42 characters'],
];

describe('deribit', () => {
  it.each(ACCEPTS)('%s accepts %s (%s)', (id, value) => {
    expect(shapeOf(deribit, id).pattern.test(value)).toBe(true);
  });

  it.each(REJECTS)('%s rejects %s (%s)', (id, value) => {
    expect(shapeOf(deribit, id).pattern.test(value)).toBe(false);
  });

  it('issues the expected credential fields (* = secret)', () => {
    expect(fieldKinds(deribit)).toEqual(['apiKey', 'privateKey*', 'secret*']);
  });

  it('knows its expiry rules', () => {
    expect(expirySummary(deribit)).toEqual([]);
  });

  it('knows its permission endpoint and dangerous permissions', () => {
    expect(endpointSummary(deribit)).toBe('unknown');
    expect(dangerousPermissions(deribit)).toEqual(['account:read_write', 'wallet:read_write']);
  });
});
