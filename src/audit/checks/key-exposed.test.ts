import { describe, expect, it } from 'vitest';
import { makeMeta, runCheck, summary } from '../testing';
import { keyExposed } from './key-exposed';

describe('key-exposed', () => {
  it.each([
    { status: 'active', expected: [] },
    { status: 'exposed', expected: [['high', 'auditKeyExposed']] },
    { status: 'compromised', expected: [['critical', 'auditKeyCompromised']] },
    { status: 'revoked', expected: [] },
  ] as const)('$status', ({ status, expected }) => {
    expect(summary(runCheck(keyExposed, makeMeta({ status })))).toEqual(expected);
  });

  it('sends the user to revoke it', () => {
    const [f] = runCheck(keyExposed, makeMeta({ exchange: 'kraken', status: 'exposed' }));
    expect(f?.actionSubstitutions).toEqual(['Kraken']);
    expect(f?.link).toMatch(/kraken\.com/);
  });
});
