import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../exchanges/types';
import type { CredentialMeta } from '../../vault/model';
import { daysAgo, makeMeta, rule, runCheck, summary, withExpiryRules } from '../testing';
import type { LiveAudit } from '../types';
import { exchangeExpiry } from './exchange-expiry';

const NONE = { state: 'none' } as const;
const LIST = { state: 'list', entries: ['203.0.113.5'] } as const;
const UNKNOWN = { state: 'unknown' } as const;

describe('exchange-expiry on the knowledge base', () => {
  const cases: {
    name: string;
    meta: Partial<CredentialMeta>;
    live?: LiveAudit;
    expected: [string, string][];
  }[] = [
    {
      name: 'Bybit: unbound key, 80 of 90 days gone: countdown, low',
      meta: { exchange: 'bybit', permissions: ['ReadOnly'], ipAllowlist: NONE, createdAt: daysAgo(80) },
      expected: [
        ['low', 'auditExpiryInvalidOn'],
        ['info', 'auditExpiryInvalidPassword'],
      ],
    },
    {
      name: 'Bybit: bound key: no rule applies',
      meta: { exchange: 'bybit', permissions: ['ReadOnly'], ipAllowlist: LIST, createdAt: daysAgo(80) },
      expected: [],
    },
    {
      name: 'OKX: unbound trading key: 14 days of inactivity',
      meta: { permissions: ['read_only', 'trade'], ipAllowlist: NONE },
      expected: [['low', 'auditExpiryInvalidInactive']],
    },
    {
      name: 'OKX: near miss: unbound but read-only',
      meta: { permissions: ['read_only'], ipAllowlist: NONE },
      expected: [],
    },
    {
      name: 'BingX: unbound trading key is deleted after 14 days unused',
      meta: { exchange: 'bingx', permissions: ['2', '1'], ipAllowlist: NONE },
      expected: [['low', 'auditExpiryDeletedInactive']],
    },
    {
      name: 'Binance: unbound spot-trading key, 25 days old: spot trading switched off in 5 days; deletion rule reported',
      meta: {
        exchange: 'binance',
        permissions: ['enableReading', 'enableSpotAndMarginTrading'],
        ipAllowlist: NONE,
        createdAt: daysAgo(25),
      },
      expected: [
        ['medium', 'auditExpiryPermissionOn'],
        ['low', 'auditExpiryDeletedInactive'],
      ],
    },
    {
      name: 'Binance: near miss: futures only (a trade right the 30-day rule does not remove)',
      meta: {
        exchange: 'binance',
        permissions: ['enableReading', 'enableFutures'],
        ipAllowlist: NONE,
        createdAt: daysAgo(25),
      },
      expected: [['low', 'auditExpiryDeletedInactive']],
    },
    {
      name: 'OKX: permissions unknown, unbound: the rule may apply',
      meta: { permissions: [], ipAllowlist: NONE },
      expected: [['info', 'auditExpiryMaybe']],
    },
    {
      name: 'OKX: trading key, IP allow-list unknown: the rule may apply',
      meta: { permissions: ['trade'], ipAllowlist: UNKNOWN },
      expected: [['info', 'auditExpiryMaybe']],
    },
    {
      name: 'OKX: near miss: IP allow-list unknown but read-only, so the rule cannot apply',
      meta: { permissions: ['read_only'], ipAllowlist: UNKNOWN },
      expected: [],
    },
    {
      name: 'OKX: the live audit says unbound with trade rights',
      meta: { permissions: ['read_only'], ipAllowlist: LIST },
      live: { checkedAt: 0, permissions: ['read_only', 'trade'], ipRestricted: false },
      expected: [['low', 'auditExpiryInvalidInactive']],
    },
    {
      name: 'Kraken states no automatic expiry',
      meta: { exchange: 'kraken', permissions: [], ipAllowlist: NONE },
      expected: [],
    },
    {
      name: 'KuCoin: expiry unknown in the knowledge base: nothing to say',
      meta: { exchange: 'kucoin', permissions: [], ipAllowlist: NONE },
      expected: [],
    },
  ];

  it.each(cases)('$name', ({ meta, live, expected }) => {
    const findings = runCheck(exchangeExpiry, makeMeta(meta), live === undefined ? {} : { liveAudit: live });
    expect(summary(findings)).toEqual(expected);
  });

  it('counts Bybit’s 90 days down from creation', () => {
    const created = daysAgo(80);
    const [f] = runCheck(
      exchangeExpiry,
      makeMeta({ exchange: 'bybit', permissions: ['ReadOnly'], ipAllowlist: NONE, createdAt: created }),
    );
    expect(f?.countdown).toEqual({ days: 10, at: created + 90 * 86_400_000 });
    expect(f?.substitutions).toEqual(['Bybit', '2025-06-11', '90']);
    expect(f?.actionKey).toBe('auditExpiryUnboundAction');
    expect(f?.confirmation).toBe('confirmed');
  });

  it('marks Binance’s third-party deletion rule as reported and names the removed permission', () => {
    const findings = runCheck(
      exchangeExpiry,
      makeMeta({
        exchange: 'binance',
        permissions: ['enableSpotAndMarginTrading'],
        ipAllowlist: NONE,
        createdAt: daysAgo(25),
      }),
    );
    expect(findings.map((f) => f.confirmation)).toEqual(['confirmed', 'reported']);
    expect(findings[0]?.substitutions).toEqual([
      'Binance',
      '2025-06-06',
      '30',
      'Enable Spot & Margin Trading',
    ]);
    expect(findings[1]?.substitutions).toEqual(['Binance', '30']);
  });
});

describe('exchange-expiry timing and effects', () => {
  function run(exchange: Exchange, meta: Partial<CredentialMeta>): [string, string][] {
    return summary(runCheck(exchangeExpiry, makeMeta({ ipAllowlist: NONE, ...meta }), { exchange }));
  }

  it.each([
    {
      name: 'more than 30 days left: info',
      createdAt: daysAgo(10),
      expected: ['info', 'auditExpiryInvalidOn'],
    },
    { name: '30 days left: low', createdAt: daysAgo(60), expected: ['low', 'auditExpiryInvalidOn'] },
    { name: '31 days left: info', createdAt: daysAgo(59), expected: ['info', 'auditExpiryInvalidOn'] },
    { name: '7 days left: medium', createdAt: daysAgo(83), expected: ['medium', 'auditExpiryInvalidOn'] },
    { name: 'due now: passed', createdAt: daysAgo(90), expected: ['medium', 'auditExpiryInvalidPassed'] },
    { name: 'long past', createdAt: daysAgo(400), expected: ['medium', 'auditExpiryInvalidPassed'] },
    { name: 'creation date not recorded', createdAt: null, expected: ['low', 'auditExpiryInvalidNoDate'] },
  ])('$name', ({ createdAt, expected }) => {
    expect(run(withExpiryRules('okx', [rule()]), { createdAt })).toEqual([expected]);
  });

  it('gives a negative countdown once passed', () => {
    const [f] = runCheck(exchangeExpiry, makeMeta({ ipAllowlist: NONE, createdAt: daysAgo(100) }), {
      exchange: withExpiryRules('okx', [rule()]),
    });
    expect(f?.countdown?.days).toBe(-10);
  });

  it.each([
    ['key-deleted', 'creation', 'auditExpiryDeletedOn'],
    ['key-deleted', 'inactivity', 'auditExpiryDeletedInactive'],
    ['key-deleted', 'password-change', 'auditExpiryDeletedPassword'],
    ['key-invalid', 'password-change', 'auditExpiryInvalidPassword'],
    ['key-invalid', 'inactivity', 'auditExpiryInvalidInactive'],
  ] as const)('%s after %s', (effect, trigger, key) => {
    const exchange = withExpiryRules('okx', [rule({ effect, trigger })]);
    expect(run(exchange, { createdAt: daysAgo(10) }).map(([, k]) => k)).toEqual([key]);
  });

  it.each([
    ['creation', daysAgo(10), 'auditExpiryPermissionOn'],
    ['creation', daysAgo(100), 'auditExpiryPermissionPassed'],
    ['creation', null, 'auditExpiryPermissionNoDate'],
    ['inactivity', null, 'auditExpiryPermissionInactive'],
    ['password-change', null, 'auditExpiryPermissionPassword'],
  ] as const)('permission removed after %s (created %s)', (trigger, createdAt, key) => {
    const exchange = withExpiryRules('okx', [
      rule({
        effect: 'permission-removed',
        trigger,
        removesPermissions: ['trade'],
        whenPermissionKinds: ['trade'],
      }),
    ]);
    const findings = runCheck(
      exchangeExpiry,
      makeMeta({ ipAllowlist: NONE, permissions: ['trade'], createdAt }),
      {
        exchange,
      },
    );
    expect(findings.map((f) => f.messageKey)).toEqual([key]);
    expect(findings[0]?.substitutions.at(-1)).toBe('Trade');
  });

  it('applies a rule for every key to bound keys too, with the plain action', () => {
    const exchange = withExpiryRules('okx', [rule({ onlyWithoutIpAllowlist: false })]);
    const [f] = runCheck(exchangeExpiry, makeMeta({ ipAllowlist: LIST, createdAt: daysAgo(10) }), {
      exchange,
    });
    expect(f?.actionKey).toBe('auditExpiryAction');
  });

  it('near miss: a rule for keys with transfer rights does not apply to a trading key', () => {
    const exchange = withExpiryRules('bingx', [rule({ whenPermissionKinds: ['transfer'] })]);
    expect(run(exchange, { exchange: 'bingx', permissions: ['1'] })).toEqual([]);
  });
});
