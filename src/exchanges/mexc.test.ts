import { describe, expect, it } from 'vitest';
import { mexc } from './mexc';
import { dangerousPermissions, endpointSummary, expirySummary, fieldKinds, shapeOf } from './testing';

// [shape id, value, what it is]
const ACCEPTS: readonly (readonly [string, string, string])[] = [
  ['mexc.apiKey', 'mx0aBYs33eIilxBWC5', 'spot v3 docs key'],
  ['mexc.secret', '45d0b3c26f2644f19bfb98b07741b2f5', 'spot v3 docs secret'],
];

const REJECTS: readonly (readonly [string, string, string])[] = [
  ['mexc.apiKey', 'mx1aBYs33eIilxBWC5', 'wrong prefix'],
  ['mexc.secret', '45D0B3C26F2644F19BFB98B07741B2F5', 'upper-case'],
];

describe('mexc', () => {
  it.each(ACCEPTS)('%s accepts %s (%s)', (id, value) => {
    expect(shapeOf(mexc, id).pattern.test(value)).toBe(true);
  });

  it.each(REJECTS)('%s rejects %s (%s)', (id, value) => {
    expect(shapeOf(mexc, id).pattern.test(value)).toBe(false);
  });

  it('issues the expected credential fields (* = secret)', () => {
    expect(fieldKinds(mexc)).toEqual(['apiKey', 'secret*']);
  });

  it('knows its expiry rules', () => {
    expect(expirySummary(mexc)).toEqual('unknown');
  });

  it('knows its permission endpoint and dangerous permissions', () => {
    expect(endpointSummary(mexc)).toBe('unknown');
    expect(dangerousPermissions(mexc)).toEqual('unknown');
  });
});
