import { describe, expect, it } from 'vitest';
import { kraken } from './kraken';
import { dangerousPermissions, endpointSummary, expirySummary, fieldKinds, shapeOf } from './testing';

// [shape id, value, what it is]
const ACCEPTS: readonly (readonly [string, string, string])[] = [
  [
    'kraken.secret',
    'kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==',
    'docs auth test vector',
  ],
];

const REJECTS: readonly (readonly [string, string, string])[] = [
  [
    'kraken.secret',
    'kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg=',
    'one pad character',
  ],
  ['kraken.apiKey', 'short', 'too short'],
];

describe('kraken', () => {
  it.each(ACCEPTS)('%s accepts %s (%s)', (id, value) => {
    expect(shapeOf(kraken, id).pattern.test(value)).toBe(true);
  });

  it.each(REJECTS)('%s rejects %s (%s)', (id, value) => {
    expect(shapeOf(kraken, id).pattern.test(value)).toBe(false);
  });

  it('issues the expected credential fields (* = secret)', () => {
    expect(fieldKinds(kraken)).toEqual(['apiKey', 'secret*']);
  });

  it('knows its expiry rules', () => {
    expect(expirySummary(kraken)).toEqual([]);
  });

  it('knows its permission endpoint and dangerous permissions', () => {
    expect(endpointSummary(kraken)).toBe('POST https://api.kraken.com/0/private/GetApiKeyInfo');
    expect(dangerousPermissions(kraken)).toEqual(['withdraw-funds']);
  });
});
