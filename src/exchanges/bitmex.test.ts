import { describe, expect, it } from 'vitest';
import { bitmex } from './bitmex';
import { dangerousPermissions, endpointSummary, expirySummary, fieldKinds, shapeOf } from './testing';

// [shape id, value, what it is]
const ACCEPTS: readonly (readonly [string, string, string])[] = [
  ['bitmex.apiKey', 'LAqUlngMIQkIUjXMUreyu3qn', 'apiKeysUsage example ID'],
  ['bitmex.secret', 'chNOOS4KvNXR_Xq4k4c9qsfoKWvnDecLATCRlcBwyKDYnWgO', 'apiKeysUsage example secret'],
];

const REJECTS: readonly (readonly [string, string, string])[] = [
  ['bitmex.apiKey', 'LAqUlngMIQkIUjXMUreyu3q', '23 characters'],
  ['bitmex.secret', 'chNOOS4KvNXR_Xq4k4c9qsfoKWvnDecLATCRlcBwyKDYnWgO=', 'padding'],
];

describe('bitmex', () => {
  it.each(ACCEPTS)('%s accepts %s (%s)', (id, value) => {
    expect(shapeOf(bitmex, id).pattern.test(value)).toBe(true);
  });

  it.each(REJECTS)('%s rejects %s (%s)', (id, value) => {
    expect(shapeOf(bitmex, id).pattern.test(value)).toBe(false);
  });

  it('issues the expected credential fields (* = secret)', () => {
    expect(fieldKinds(bitmex)).toEqual(['apiKey', 'secret*']);
  });

  it('knows its expiry rules', () => {
    expect(expirySummary(bitmex)).toEqual('unknown');
  });

  it('knows its permission endpoint and dangerous permissions', () => {
    expect(endpointSummary(bitmex)).toBe('GET https://www.bitmex.com/api/v1/apiKey');
    expect(dangerousPermissions(bitmex)).toEqual(['withdraw']);
  });
});
