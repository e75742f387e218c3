import { describe, expect, it } from 'vitest';
import { cryptocom } from './cryptocom';
import { dangerousPermissions, endpointSummary, expirySummary, fieldKinds, shapeOf } from './testing';

// [shape id, value, what it is]
const ACCEPTS: readonly (readonly [string, string, string])[] = [
  ['cryptocom.apiKey', 'aB3dE5gH7jK9mN1pQ2sT4v', '22 letters and digits'],
];

const REJECTS: readonly (readonly [string, string, string])[] = [
  ['cryptocom.apiKey', 'aB3dE5gH7jK9mN1', '15 characters'],
  ['cryptocom.secret', 'aB3dE5gH7jK9mN1pQ2sT4v_', 'underscore'],
];

describe('cryptocom', () => {
  it.each(ACCEPTS)('%s accepts %s (%s)', (id, value) => {
    expect(shapeOf(cryptocom, id).pattern.test(value)).toBe(true);
  });

  it.each(REJECTS)('%s rejects %s (%s)', (id, value) => {
    expect(shapeOf(cryptocom, id).pattern.test(value)).toBe(false);
  });

  it('issues the expected credential fields (* = secret)', () => {
    expect(fieldKinds(cryptocom)).toEqual(['apiKey', 'secret*']);
  });

  it('knows its expiry rules', () => {
    expect(expirySummary(cryptocom)).toEqual('unknown');
  });

  it('knows its permission endpoint and dangerous permissions', () => {
    expect(endpointSummary(cryptocom)).toBe('unknown');
    expect(dangerousPermissions(cryptocom)).toEqual(['withdraw']);
  });
});
