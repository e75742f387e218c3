import { describe, expect, it } from 'vitest';
import { comparePermissions } from './compare';
import { normalize } from './normalize';

describe('comparePermissions', () => {
  it('matches when the record equals the report', () => {
    const reported = normalize('okx', ['read_only', 'trade'], ['read_only', 'trade']);
    expect(comparePermissions(['trade', 'read_only'], reported)).toMatchObject({
      matches: true,
      findings: [],
      dangerousUnrecorded: false,
    });
  });

  it('flags an unrecorded withdrawal right first and as dangerous', () => {
    const reported = normalize('binance', ['enableReading', 'enableWithdrawals'], []);
    const result = comparePermissions(['enableReading', 'enableSpotAndMarginTrading'], reported);
    expect(result).toMatchObject({
      matches: false,
      unrecorded: ['enableWithdrawals'],
      notGranted: ['enableSpotAndMarginTrading'],
      dangerousUnrecorded: true,
    });
    expect(result.findings[0]).toEqual({
      kind: 'unrecorded',
      permission: 'enableWithdrawals',
      permissionKind: 'withdraw',
      dangerous: true,
    });
    expect(result.findings[1]).toMatchObject({ kind: 'not-granted', dangerous: false });
  });

  it('uses the reported kind for ids the knowledge base lacks', () => {
    const reported = normalize('gate', ['spot:read', 'custody'], [], {
      'spot:read': 'read',
      custody: 'transfer',
    });
    const result = comparePermissions(['spot'], reported);
    expect(result.findings).toEqual([
      { kind: 'unrecorded', permission: 'custody', permissionKind: 'transfer', dangerous: true },
      { kind: 'unrecorded', permission: 'spot:read', permissionKind: 'read', dangerous: false },
      { kind: 'not-granted', permission: 'spot', permissionKind: 'trade', dangerous: false },
    ]);
  });
});
