import { describe, expect, it } from 'vitest';
import { comparePermissions, liveAuditUpdate } from './compare';
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

describe('liveAuditUpdate', () => {
  const permissions = normalize('bybit', ['Spot.SpotTrade'], ['Spot.SpotTrade'], {}, true);

  it('replaces permissions and settles the IP list and expiry when reported', () => {
    expect(
      liveAuditUpdate({
        state: 'valid',
        permissions,
        ipRestricted: true,
        ipList: ['203.0.113.1'],
        expiresAt: 5,
        checkedAt: 9,
      }),
    ).toEqual({
      permissions: ['Spot.SpotTrade'],
      permissionsCheckedAt: 9,
      ipAllowlist: { state: 'list', entries: ['203.0.113.1'] },
      expiresAt: 5,
    });
    expect(
      liveAuditUpdate({ state: 'valid', permissions, ipRestricted: false, expiresAt: null, checkedAt: 9 }),
    ).toEqual({
      permissions: ['Spot.SpotTrade'],
      permissionsCheckedAt: 9,
      ipAllowlist: { state: 'none' },
    });
  });

  it('leaves the IP list alone when only a yes/no is known, and changes nothing unless valid', () => {
    expect(
      liveAuditUpdate({ state: 'valid', permissions, ipRestricted: true, expiresAt: null, checkedAt: 1 }),
    ).not.toHaveProperty('ipAllowlist');
    expect(liveAuditUpdate({ state: 'unknown', reason: 'timeout', message: 'x', checkedAt: 1 })).toBeNull();
    expect(liveAuditUpdate({ state: 'restricted', message: 'x', checkedAt: 1 })).toBeNull();
  });
});
