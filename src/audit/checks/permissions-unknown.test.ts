import { describe, expect, it } from 'vitest';
import type { CredentialMeta } from '../../vault/model';
import { makeMeta, runCheck, summary } from '../testing';
import type { LiveAudit } from '../types';
import { permissionsUnknown } from './permissions-unknown';

describe('permissions-unknown', () => {
  const cases: {
    name: string;
    meta: Partial<CredentialMeta>;
    live?: LiveAudit;
    expected: [string, string][];
  }[] = [
    { name: 'none recorded', meta: { permissions: [] }, expected: [['low', 'auditPermissionsNotRecorded']] },
    {
      name: 'exchange permission list unknown (MEXC)',
      meta: { exchange: 'mexc', permissions: ['spot'] },
      expected: [['low', 'auditPermissionsCatalogueUnknown']],
    },
    {
      name: 'an id the knowledge base does not know',
      meta: { permissions: ['read_only', 'withdrawals'] },
      expected: [['low', 'auditPermissionsUnrecognised']],
    },
    { name: 'all recognised', meta: { permissions: ['read_only', 'trade', 'withdraw'] }, expected: [] },
    {
      name: 'near miss: ids are case-sensitive as the exchange names them',
      meta: { exchange: 'bybit', permissions: ['readonly'] },
      expected: [['low', 'auditPermissionsUnrecognised']],
    },
    {
      name: 'none recorded, but the live audit knows',
      meta: { permissions: [] },
      live: { checkedAt: 0, permissions: ['read_only'], ipRestricted: true },
      expected: [],
    },
    {
      name: 'a live audit that reports no rights at all is an answer',
      meta: { permissions: [] },
      live: { checkedAt: 0, permissions: [], ipRestricted: true },
      expected: [],
    },
    {
      name: 'the live audit reports an id the knowledge base does not know',
      meta: { permissions: ['read_only'] },
      live: { checkedAt: 0, permissions: ['read_only', 'earn'], ipRestricted: true },
      expected: [['low', 'auditPermissionsUnrecognised']],
    },
  ];

  it.each(cases)('$name', ({ meta, live, expected }) => {
    const findings = runCheck(
      permissionsUnknown,
      makeMeta(meta),
      live === undefined ? {} : { liveAudit: live },
    );
    expect(summary(findings)).toEqual(expected);
  });

  it('lists the unrecognised ids', () => {
    const [f] = runCheck(permissionsUnknown, makeMeta({ permissions: ['read_only', 'foo', 'bar'] }));
    expect(f?.substitutions).toEqual(['OKX', 'foo, bar']);
  });
});
