import { describe, expect, it } from 'vitest';
import { bitstamp } from './bitstamp';
import { dangerousPermissions, endpointSummary, expirySummary, fieldKinds, shapeOf } from './testing';

// [shape id, value, what it is]
const ACCEPTS: readonly (readonly [string, string, string])[] = [
  ['bitstamp.apiKey', 'aB3dE5gH7jK9mN1pQ2sT4vW6yZ8aB3dE', '32 letters and digits'],
];

const REJECTS: readonly (readonly [string, string, string])[] = [
  ['bitstamp.apiKey', 'aB3dE5gH7jK9mN1pQ2sT4vW6yZ8aB3', '30 characters'],
  ['bitstamp.secret', 'aB3dE5gH7jK9mN1pQ2sT4vW6yZ8aB3dE!', 'punctuation'],
];

describe('bitstamp', () => {
  it.each(ACCEPTS)('%s accepts %s (%s)', (id, value) => {
    expect(shapeOf(bitstamp, id).pattern.test(value)).toBe(true);
  });

  it.each(REJECTS)('%s rejects %s (%s)', (id, value) => {
    expect(shapeOf(bitstamp, id).pattern.test(value)).toBe(false);
  });

  it('issues the expected credential fields (* = secret)', () => {
    expect(fieldKinds(bitstamp)).toEqual(['apiKey', 'secret*']);
  });

  it('knows its expiry rules', () => {
    expect(expirySummary(bitstamp)).toEqual('unknown');
  });

  it('knows its permission endpoint and dangerous permissions', () => {
    expect(endpointSummary(bitstamp)).toBe('unknown');
    expect(dangerousPermissions(bitstamp)).toEqual('unknown');
  });
});
