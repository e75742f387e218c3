import { describe, expect, it } from 'vitest';
import { htx } from './htx';
import { dangerousPermissions, endpointSummary, expirySummary, fieldKinds, shapeOf } from './testing';

// [shape id, value, what it is]
const ACCEPTS: readonly (readonly [string, string, string])[] = [
  ['htx.apiKey', 'e2xxxxxx-99xxxxxx-84xxxxxx-7xxxx', 'masked docs example'],
];

const REJECTS: readonly (readonly [string, string, string])[] = [
  ['htx.apiKey', 'e2xxxxxx-99xxxxxx-84xxxxxx-7xxx', 'last group 4'],
  ['htx.apiKey', 'E2XXXXXX-99XXXXXX-84XXXXXX-7XXXX', 'upper-case'],
];

describe('htx', () => {
  it.each(ACCEPTS)('%s accepts %s (%s)', (id, value) => {
    expect(shapeOf(htx, id).pattern.test(value)).toBe(true);
  });

  it.each(REJECTS)('%s rejects %s (%s)', (id, value) => {
    expect(shapeOf(htx, id).pattern.test(value)).toBe(false);
  });

  it('issues the expected credential fields (* = secret)', () => {
    expect(fieldKinds(htx)).toEqual(['apiKey', 'secret*']);
  });

  it('knows its expiry rules', () => {
    expect(expirySummary(htx)).toEqual(['inactivity/90/key-invalid/unbound/official']);
  });

  it('knows its permission endpoint and dangerous permissions', () => {
    expect(endpointSummary(htx)).toBe('unknown');
    expect(dangerousPermissions(htx)).toEqual(['withdraw']);
  });
});
