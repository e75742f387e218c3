import { describe, expect, it } from 'vitest';
import { getExchange } from '../../exchanges/index';
import type { Exchange } from '../../exchanges/types';
import type { CredentialMeta } from '../../vault/model';
import { makeMeta, runCheck, summary } from '../testing';
import type { LiveAudit } from '../types';
import { noIpAllowlist } from './no-ip-allowlist';

const NONE = { state: 'none' } as const;

function withoutIpSupport(): Exchange {
  const okx = getExchange('okx');
  return {
    ...okx,
    policies: {
      ...okx.policies,
      ipAllowlist: {
        value: { supported: false },
        source: { url: 'https://example.com', confirmation: 'official' },
      },
    },
  };
}

describe('no-ip-allowlist', () => {
  const cases: {
    name: string;
    meta: Partial<CredentialMeta>;
    live?: LiveAudit;
    exchange?: Exchange;
    expected: [string, string][];
  }[] = [
    {
      name: 'trading key with no allow-list: medium',
      meta: { permissions: ['read_only', 'trade'], ipAllowlist: NONE },
      expected: [['medium', 'auditNoIpAllowlist']],
    },
    {
      name: 'read-only key with no allow-list: low',
      meta: { permissions: ['read_only'], ipAllowlist: NONE },
      expected: [['low', 'auditNoIpAllowlist']],
    },
    {
      name: 'permissions not recorded: medium (cannot assume read-only)',
      meta: { permissions: [], ipAllowlist: NONE },
      expected: [['medium', 'auditNoIpAllowlist']],
    },
    {
      name: 'near miss: an empty allow-list recorded as a list is still a list',
      meta: { ipAllowlist: { state: 'list', entries: [] } },
      expected: [],
    },
    { name: 'allow-list unknown: another check', meta: { ipAllowlist: { state: 'unknown' } }, expected: [] },
    {
      name: 'live audit: recorded list, exchange reports no restriction',
      meta: { permissions: ['trade'] },
      live: { checkedAt: 0, permissions: ['trade'], ipRestricted: false },
      expected: [['medium', 'auditNoIpAllowlist']],
    },
    {
      name: 'live audit: restriction reported although none recorded',
      meta: { ipAllowlist: NONE },
      live: { checkedAt: 0, permissions: ['read_only'], ipRestricted: true },
      expected: [],
    },
    {
      name: 'live audit that could not tell keeps the record',
      meta: { ipAllowlist: NONE, permissions: ['trade'] },
      live: { checkedAt: 0, permissions: ['trade'], ipRestricted: 'unknown' },
      expected: [['medium', 'auditNoIpAllowlist']],
    },
    {
      name: 'exchange without IP allow-lists: nothing to do',
      meta: { ipAllowlist: NONE },
      exchange: withoutIpSupport(),
      expected: [],
    },
  ];

  it.each(cases)('$name', ({ meta, live, exchange, expected }) => {
    const options = { ...(live === undefined ? {} : { liveAudit: live }), ...(exchange ? { exchange } : {}) };
    expect(summary(runCheck(noIpAllowlist, makeMeta(meta), options))).toEqual(expected);
  });
});
