import { describe, expect, it } from 'vitest';
import type { CredentialMeta } from '../../vault/model';
import { makeMeta, runCheck, summary } from '../testing';
import type { LiveAudit } from '../types';
import { ipAllowlistUnknown } from './ip-allowlist-unknown';

describe('ip-allowlist-unknown', () => {
  const cases: {
    name: string;
    meta: Partial<CredentialMeta>;
    live?: LiveAudit;
    expected: [string, string][];
  }[] = [
    {
      name: 'not recorded',
      meta: { ipAllowlist: { state: 'unknown' } },
      expected: [['low', 'auditIpAllowlistUnknown']],
    },
    { name: 'recorded as none', meta: { ipAllowlist: { state: 'none' } }, expected: [] },
    {
      name: 'recorded as a list',
      meta: { ipAllowlist: { state: 'list', entries: ['198.51.100.0/24'] } },
      expected: [],
    },
    {
      name: 'near miss: the live audit knows it',
      meta: { ipAllowlist: { state: 'unknown' } },
      live: { checkedAt: 0, permissions: ['read_only'], ipRestricted: true },
      expected: [],
    },
    {
      name: 'near miss: the live audit could not tell either',
      meta: { ipAllowlist: { state: 'unknown' } },
      live: { checkedAt: 0, permissions: ['read_only'], ipRestricted: 'unknown' },
      expected: [['low', 'auditIpAllowlistUnknown']],
    },
  ];

  it.each(cases)('$name', ({ meta, live, expected }) => {
    const findings = runCheck(
      ipAllowlistUnknown,
      makeMeta(meta),
      live === undefined ? {} : { liveAudit: live },
    );
    expect(summary(findings)).toEqual(expected);
  });
});
