import { describe, expect, it } from 'vitest';
import type { CredentialMeta } from '../../vault/model';
import { makeMeta, runCheck, summary } from '../testing';
import type { LiveAudit } from '../types';
import { withdrawalEnabled } from './withdrawal-enabled';

const LIST = { state: 'list', entries: ['203.0.113.5'] } as const;
const NONE = { state: 'none' } as const;
const UNKNOWN = { state: 'unknown' } as const;

describe('withdrawal-enabled', () => {
  const cases: {
    name: string;
    meta: Partial<CredentialMeta>;
    live?: LiveAudit;
    expected: [string, string][];
  }[] = [
    {
      name: 'withdraw with an IP allow-list: high',
      meta: { permissions: ['read_only', 'withdraw'], ipAllowlist: LIST },
      expected: [['high', 'auditWithdrawalEnabled']],
    },
    {
      name: 'withdraw from any IP: critical',
      meta: { permissions: ['read_only', 'trade', 'withdraw'], ipAllowlist: NONE },
      expected: [['critical', 'auditWithdrawalEnabledNoIp']],
    },
    {
      name: 'withdraw, IP allow-list unknown: high, not critical',
      meta: { permissions: ['withdraw'], ipAllowlist: UNKNOWN },
      expected: [['high', 'auditWithdrawalEnabled']],
    },
    {
      name: 'read and trade only',
      meta: { permissions: ['read_only', 'trade'], ipAllowlist: NONE },
      expected: [],
    },
    { name: 'nothing recorded', meta: { permissions: [], ipAllowlist: NONE }, expected: [] },
    {
      name: 'near miss: a misspelt id is not guessed to be a withdrawal right',
      meta: { permissions: ['withdrawals'], ipAllowlist: NONE },
      expected: [],
    },
    {
      name: 'near miss: a dangerous transfer right is not a withdrawal right',
      meta: {
        exchange: 'binance',
        permissions: ['enableReading', 'permitsUniversalTransfer'],
        ipAllowlist: NONE,
      },
      expected: [],
    },
    {
      name: 'near miss: exchange with no known permission list',
      meta: { exchange: 'mexc', permissions: ['withdraw'], ipAllowlist: NONE },
      expected: [],
    },
    {
      name: 'the live audit reveals a withdrawal right the record lacks',
      meta: { permissions: ['read_only'], ipAllowlist: LIST },
      live: { checkedAt: 0, permissions: ['read_only', 'withdraw'], ipRestricted: false },
      expected: [['critical', 'auditWithdrawalEnabledNoIp']],
    },
    {
      name: 'the live audit shows the recorded withdrawal right is gone',
      meta: { permissions: ['withdraw'], ipAllowlist: NONE },
      live: { checkedAt: 0, permissions: ['read_only'], ipRestricted: 'unknown' },
      expected: [],
    },
  ];

  it.each(cases)('$name', ({ meta, live, expected }) => {
    const findings = runCheck(
      withdrawalEnabled,
      makeMeta(meta),
      live === undefined ? {} : { liveAudit: live },
    );
    expect(summary(findings)).toEqual(expected);
  });

  it('names the permission as the exchange labels it, and links to the key page', () => {
    const [f] = runCheck(
      withdrawalEnabled,
      makeMeta({ exchange: 'binance', permissions: ['enableWithdrawals'] }),
    );
    expect(f?.substitutions).toEqual(['Enable Withdrawals']);
    expect(f?.actionSubstitutions).toEqual(['Binance', 'Enable Withdrawals']);
    expect(f?.link).toBe('https://www.binance.com/en/my/settings/api-management');
    expect(f?.linkConfirmation).toBe('reported');
    expect(f?.confirmation).toBe('confirmed');
  });

  it('is "reported" when the permission list comes from a non-official source', () => {
    const [f] = runCheck(withdrawalEnabled, makeMeta({ exchange: 'gate', permissions: ['withdraw'] }));
    expect(f?.confirmation).toBe('reported');
  });
});
