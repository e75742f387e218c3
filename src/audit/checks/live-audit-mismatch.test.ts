import { describe, expect, it } from 'vitest';
import type { CredentialMeta } from '../../vault/model';
import { NOW, makeMeta, runCheck, summary } from '../testing';
import type { LiveAudit } from '../types';
import { liveAuditMismatch } from './live-audit-mismatch';

const LIST = { state: 'list', entries: ['203.0.113.5'] } as const;

function live(permissions: string[], ipRestricted: boolean | 'unknown' = true): LiveAudit {
  return { checkedAt: NOW, permissions, ipRestricted };
}

describe('live-audit-mismatch', () => {
  const cases: {
    name: string;
    meta: Partial<CredentialMeta>;
    live?: LiveAudit;
    expected: [string, string][];
  }[] = [
    { name: 'no live audit', meta: { permissions: ['read_only'] }, expected: [] },
    {
      name: 'record and exchange agree (order and repeats do not matter)',
      meta: { permissions: ['trade', 'read_only'], ipAllowlist: LIST },
      live: live(['read_only', 'trade', 'trade']),
      expected: [],
    },
    {
      name: 'unrecorded withdrawal right: high',
      meta: { permissions: ['read_only'] },
      live: live(['read_only', 'withdraw']),
      expected: [['high', 'auditLiveExtraPermissions']],
    },
    {
      name: 'unrecorded trade right: medium',
      meta: { permissions: ['read_only'] },
      live: live(['read_only', 'trade']),
      expected: [['medium', 'auditLiveExtraPermissions']],
    },
    {
      name: 'unrecorded, unrecognised right: high (it could be anything)',
      meta: { permissions: ['read_only'] },
      live: live(['read_only', 'mystery']),
      expected: [['high', 'auditLiveExtraPermissions']],
    },
    {
      name: 'recorded right no longer reported: low',
      meta: { permissions: ['read_only', 'trade'] },
      live: live(['read_only']),
      expected: [['low', 'auditLiveMissingPermissions']],
    },
    {
      name: 'both directions at once',
      meta: { permissions: ['read_only', 'trade'] },
      live: live(['read_only', 'withdraw']),
      expected: [
        ['high', 'auditLiveExtraPermissions'],
        ['low', 'auditLiveMissingPermissions'],
      ],
    },
    {
      name: 'record says IP-restricted, exchange says not: high',
      meta: { ipAllowlist: LIST },
      live: live(['read_only'], false),
      expected: [['high', 'auditLiveIpNotRestricted']],
    },
    {
      name: 'exchange reports a restriction the record lacks: low',
      meta: { ipAllowlist: { state: 'none' } },
      live: live(['read_only'], true),
      expected: [['low', 'auditLiveIpRestricted']],
    },
    {
      name: 'near miss: nothing recorded is not contradicted',
      meta: { permissions: [], ipAllowlist: { state: 'unknown' } },
      live: live(['read_only', 'withdraw'], false),
      expected: [],
    },
    {
      name: 'near miss: the exchange could not tell the IP restriction',
      meta: { ipAllowlist: LIST },
      live: live(['read_only'], 'unknown'),
      expected: [],
    },
  ];

  it.each(cases)('$name', ({ meta, live: audit, expected }) => {
    const findings = runCheck(
      liveAuditMismatch,
      makeMeta(meta),
      audit === undefined ? {} : { liveAudit: audit },
    );
    expect(summary(findings)).toEqual(expected);
  });

  it('says when and what, in the exchange’s labels', () => {
    const [f] = runCheck(
      liveAuditMismatch,
      makeMeta({ exchange: 'binance', permissions: ['enableReading'] }),
      {
        liveAudit: {
          checkedAt: Date.UTC(2025, 4, 20),
          permissions: ['enableReading', 'enableWithdrawals'],
          ipRestricted: true,
        },
      },
    );
    expect(f?.substitutions).toEqual(['2025-05-20', 'Binance', 'Enable Withdrawals']);
    expect(f?.actionKey).toBe('auditLiveReviewAction');
  });
});
