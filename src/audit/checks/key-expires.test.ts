import { describe, expect, it } from 'vitest';
import { daysAgo, daysAhead, makeMeta, runCheck, summary } from '../testing';
import { keyExpires } from './key-expires';

describe('key-expires', () => {
  it.each([
    { name: 'no expiry date', expiresAt: null, expected: [] },
    { name: 'a year out', expiresAt: daysAhead(365), expected: [] },
    { name: 'near miss: 31 days out', expiresAt: daysAhead(31), expected: [] },
    { name: '30 days out: low', expiresAt: daysAhead(30), expected: [['low', 'auditKeyExpiresOn']] },
    { name: '7 days out: medium', expiresAt: daysAhead(7), expected: [['medium', 'auditKeyExpiresOn']] },
    { name: 'in an hour: medium', expiresAt: daysAhead(1 / 24), expected: [['medium', 'auditKeyExpiresOn']] },
    { name: 'now: expired', expiresAt: daysAhead(0), expected: [['medium', 'auditKeyExpired']] },
    { name: 'last month: expired', expiresAt: daysAgo(30), expected: [['medium', 'auditKeyExpired']] },
  ])('$name', ({ expiresAt, expected }) => {
    expect(summary(runCheck(keyExpires, makeMeta({ expiresAt })))).toEqual(expected);
  });

  it('gives the date and a countdown', () => {
    const [f] = runCheck(keyExpires, makeMeta({ expiresAt: daysAhead(3) }));
    expect(f?.substitutions).toEqual(['2025-06-04']);
    expect(f?.countdown).toEqual({ days: 3, at: daysAhead(3) });
    expect(f?.actionKey).toBe('auditKeyExpiresAction');
  });
});
