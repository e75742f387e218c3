import { describe, expect, it } from 'vitest';
import { gemini } from './gemini';
import { dangerousPermissions, endpointSummary, expirySummary, fieldKinds, shapeOf } from './testing';

// [shape id, value, what it is]
const ACCEPTS: readonly (readonly [string, string, string])[] = [
  ['gemini.apiKey', 'account-aB3dE5gH7jK9mN1pQ2sT', 'account key'],
  ['gemini.apiKey', 'master-aB3dE5gH7jK9mN1pQ2sT', 'master key'],
];

const REJECTS: readonly (readonly [string, string, string])[] = [
  ['gemini.apiKey', 'trader-aB3dE5gH7jK9mN1pQ2sT', 'unknown prefix'],
  ['gemini.secret', 'aB3dE5gH7jK9mN1pQ2sT4vW6yZ8aB3', '30 characters'],
];

describe('gemini', () => {
  it.each(ACCEPTS)('%s accepts %s (%s)', (id, value) => {
    expect(shapeOf(gemini, id).pattern.test(value)).toBe(true);
  });

  it.each(REJECTS)('%s rejects %s (%s)', (id, value) => {
    expect(shapeOf(gemini, id).pattern.test(value)).toBe(false);
  });

  it('issues the expected credential fields (* = secret)', () => {
    expect(fieldKinds(gemini)).toEqual(['apiKey', 'secret*']);
  });

  it('knows its expiry rules', () => {
    expect(expirySummary(gemini)).toEqual([]);
  });

  it('knows its permission endpoint and dangerous permissions', () => {
    expect(endpointSummary(gemini)).toBe('unknown');
    expect(dangerousPermissions(gemini)).toEqual(['FundManager', 'Administrator']);
  });
});
