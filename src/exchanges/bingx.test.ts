import { describe, expect, it } from 'vitest';
import { bingx } from './bingx';
import { dangerousPermissions, endpointSummary, expirySummary, fieldKinds, shapeOf } from './testing';

// [shape id, value, what it is]
const ACCEPTS: readonly (readonly [string, string, string])[] = [
  [
    'bingx.secret',
    'mheO6dR8ovSsxZQCOYEFCtelpuxcWGTfHw7te326y6jOwq5WpvFQ9JNljoTwBXZGv5It07m9RXSPpDQEK2w',
    'docs signature example secret',
  ],
];

const REJECTS: readonly (readonly [string, string, string])[] = [
  [
    'bingx.secret',
    'mheO6dR8ovSsxZQCOYEFCtelpuxcWGTfHw7te326y6jOwq5WpvFQ9JNljoTwBXZGv5It07m9RXSPpDQEK2w-x',
    'a dash',
  ],
  ['bingx.apiKey', 'abc123', 'too short'],
];

describe('bingx', () => {
  it.each(ACCEPTS)('%s accepts %s (%s)', (id, value) => {
    expect(shapeOf(bingx, id).pattern.test(value)).toBe(true);
  });

  it.each(REJECTS)('%s rejects %s (%s)', (id, value) => {
    expect(shapeOf(bingx, id).pattern.test(value)).toBe(false);
  });

  it('issues the expected credential fields (* = secret)', () => {
    expect(fieldKinds(bingx)).toEqual(['apiKey', 'secret*']);
  });

  it('knows its expiry rules', () => {
    expect(expirySummary(bingx)).toEqual(['inactivity/14/key-deleted/unbound/official']);
  });

  it('knows its permission endpoint and dangerous permissions', () => {
    expect(endpointSummary(bingx)).toBe('GET https://open-api.bingx.com/openApi/v1/account/apiPermissions');
    expect(dangerousPermissions(bingx)).toEqual(['4', '7', '5']);
  });
});
