import { describe, expect, it } from 'vitest';
import { gate } from './gate';
import { dangerousPermissions, endpointSummary, expirySummary, fieldKinds, shapeOf } from './testing';

// [shape id, value, what it is]
const ACCEPTS: readonly (readonly [string, string, string])[] = [
  ['gate.apiKey', '0123456789abcdef0123456789abcdef', '32 hex'],
  ['gate.secret', '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', '64 hex'],
];

const REJECTS: readonly (readonly [string, string, string])[] = [
  ['gate.apiKey', 'c5dcfbf1f3a7*****', 'masked key from the docs'],
  ['gate.secret', '0123456789abcdef0123456789abcdef0123456789abcdef', '48 hex'],
];

describe('gate', () => {
  it.each(ACCEPTS)('%s accepts %s (%s)', (id, value) => {
    expect(shapeOf(gate, id).pattern.test(value)).toBe(true);
  });

  it.each(REJECTS)('%s rejects %s (%s)', (id, value) => {
    expect(shapeOf(gate, id).pattern.test(value)).toBe(false);
  });

  it('issues the expected credential fields (* = secret)', () => {
    expect(fieldKinds(gate)).toEqual(['apiKey', 'secret*']);
  });

  it('knows its expiry rules', () => {
    expect(expirySummary(gate)).toEqual(['creation/90/key-invalid/unbound/official']);
  });

  it('knows its permission endpoint and dangerous permissions', () => {
    expect(endpointSummary(gate)).toBe('GET https://api.gateio.ws/api/v4/account/main_keys');
    expect(dangerousPermissions(gate)).toEqual(['wallet', 'withdraw']);
  });
});
