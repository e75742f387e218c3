import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getExchange } from '../exchanges/index';
import { EXCHANGE_IDS } from '../exchanges/types';
import { CREDENTIAL_STATUSES, DEFAULT_SETTINGS, type CredentialMeta } from '../vault/model';
import {
  CHECKS,
  SEVERITY_WEIGHTS,
  acknowledgementKey,
  auditAll,
  auditCredential,
  badgeCount,
  needsAction,
  penaltiesOf,
} from './index';
import { NOW, daysAgo, expectWellFormed, makeMeta, rule, withExpiryRules } from './testing';
import type { AuditContext, Finding } from './types';

const ctx: AuditContext = { now: NOW, settings: DEFAULT_SETTINGS };
const NONE = { state: 'none' } as const;
const apps = [
  { kind: 'app', name: 'A', domain: null },
  { kind: 'bot', name: 'B', domain: null },
] as const;

/** Withdraw + trade from any IP, compromised, 200 days old, shared by two apps. */
const worst = makeMeta({
  id: 'worst',
  permissions: ['read_only', 'trade', 'withdraw'],
  ipAllowlist: NONE,
  status: 'compromised',
  createdAt: daysAgo(200),
  usedBy: apps,
});
const tidy = makeMeta({ id: 'tidy' });

function checkIds(findings: readonly Finding[]): string[] {
  return findings.map((f) => f.checkId);
}

describe('auditCredential', () => {
  it('a tidy key has no findings and scores 100', () => {
    const audit = auditCredential(tidy, ctx);
    expect(audit).toEqual({
      credentialId: 'tidy',
      status: 'active',
      score: 100,
      findings: [],
      penalties: [],
    });
    expect(needsAction(audit)).toBe(false);
  });

  it('the worst key lists every problem, worst first, and scores 0', () => {
    const audit = auditCredential(worst, ctx);
    expect(audit.score).toBe(0);
    expect(audit.findings.map((f) => [f.checkId, f.severity])).toEqual([
      ['key-exposed', 'critical'],
      ['withdrawal-enabled', 'critical'],
      ['trade-and-withdraw', 'medium'],
      ['no-ip-allowlist', 'medium'],
      ['rotation-due', 'medium'],
      ['shared-by-apps', 'medium'],
      ['exchange-expiry', 'low'],
    ]);
    expect(audit.penalties.map((p) => [p.checkId, p.points])).toEqual([
      ['key-exposed', 60],
      ['withdrawal-enabled', 60],
      ['trade-and-withdraw', 15],
      ['no-ip-allowlist', 15],
      ['rotation-due', 15],
      ['shared-by-apps', 15],
      ['exchange-expiry', 5],
    ]);
    expect(needsAction(audit)).toBe(true);
    for (const f of audit.findings) {
      const check = CHECKS.find((c) => c.id === f.checkId);
      if (check !== undefined) expectWellFormed(check, f, 'worst');
    }
  });

  it('scores a single problem by its weight', () => {
    const audit = auditCredential(makeMeta({ permissions: ['read_only', 'withdraw'] }), ctx);
    expect(checkIds(audit.findings)).toEqual(['withdrawal-enabled']);
    expect(audit.score).toBe(100 - SEVERITY_WEIGHTS.high);
  });

  it('counts a check once, at its worst finding', () => {
    const exchange = withExpiryRules('okx', [
      rule({ id: 'a', days: 20 }),
      rule({ id: 'b', days: 100 }),
      rule({ id: 'c', trigger: 'inactivity' }),
    ]);
    const audit = auditCredential(makeMeta({ ipAllowlist: NONE, permissions: ['read_only'] }), {
      ...ctx,
      exchanges: () => exchange,
    });
    const expiry = audit.findings.filter((f) => f.checkId === 'exchange-expiry').map((f) => f.severity);
    expect(expiry).toEqual(['low', 'low', 'info']);
    expect(audit.penalties.filter((p) => p.checkId === 'exchange-expiry')).toEqual([
      { checkId: 'exchange-expiry', severity: 'low', points: 5 },
    ]);
  });

  it('an acknowledged finding stays listed, last, but costs nothing', () => {
    const meta = makeMeta({ permissions: ['read_only', 'withdraw'], ipAllowlist: NONE });
    const before = auditCredential(meta, ctx);
    const after = auditCredential(meta, {
      ...ctx,
      acknowledged: new Set([acknowledgementKey('k1', 'withdrawal-enabled')]),
    });
    expect(checkIds(before.findings)).toEqual(['withdrawal-enabled', 'no-ip-allowlist', 'exchange-expiry']);
    expect(checkIds(after.findings)).toEqual(['no-ip-allowlist', 'exchange-expiry', 'withdrawal-enabled']);
    expect(after.findings.map((f) => f.acknowledged)).toEqual([false, false, true]);
    expect(after.score - before.score).toBe(SEVERITY_WEIGHTS.critical);
    expect(needsAction(before)).toBe(true);
    expect(needsAction(after)).toBe(false);
  });

  it('near miss: acknowledging another key’s finding changes nothing', () => {
    const meta = makeMeta({ permissions: ['withdraw'] });
    const audit = auditCredential(meta, { ...ctx, acknowledged: new Set(['k2:withdrawal-enabled']) });
    expect(audit.findings[0]?.acknowledged).toBe(false);
  });

  it('a revoked key only reports apps still listed, and never needs action', () => {
    const revoked = { ...worst, status: 'revoked' as const };
    const audit = auditCredential(revoked, ctx);
    expect(checkIds(audit.findings)).toEqual(['revoked-still-used']);
    expect(needsAction(audit)).toBe(false);
    expect(auditCredential({ ...revoked, usedBy: [] }, ctx).findings).toEqual([]);
  });

  it('uses the live audit for the other checks and reports the mismatch', () => {
    const liveAudits = new Map([
      ['k1', { checkedAt: NOW, permissions: ['read_only', 'withdraw'], ipRestricted: true }],
    ]);
    const audit = auditCredential(makeMeta({ permissions: ['read_only'] }), { ...ctx, liveAudits });
    expect(checkIds(audit.findings)).toEqual(['withdrawal-enabled', 'live-audit-mismatch']);
  });

  it('medium findings alone do not need action (badge)', () => {
    const audit = auditCredential(makeMeta({ ipAllowlist: NONE, permissions: ['trade'], usedBy: apps }), ctx);
    expect(audit.findings.some((f) => f.severity === 'medium')).toBe(true);
    expect(needsAction(audit)).toBe(false);
  });

  it('uses the settings’ rotation period', () => {
    const meta = makeMeta({ createdAt: daysAgo(40) });
    expect(checkIds(auditCredential(meta, ctx).findings)).toEqual([]);
    const short = { ...ctx, settings: { ...DEFAULT_SETTINGS, rotationDays: 30 } };
    expect(checkIds(auditCredential(meta, short).findings)).toEqual(['rotation-due']);
  });
});

describe('auditAll', () => {
  it('an empty vault scores 100 with nothing to count', () => {
    const result = auditAll([], ctx);
    expect(result.perKey.size).toBe(0);
    expect(result.overall).toEqual({
      score: 100,
      counts: { info: 0, low: 0, medium: 0, high: 0, critical: 0 },
      acknowledged: 0,
      keysNeedingAction: 0,
    });
    expect(badgeCount(result)).toBe(0);
  });

  it('overall is the weakest key that is not revoked; counts include every key', () => {
    const exposed = makeMeta({ id: 'exposed', status: 'exposed' });
    const revoked = makeMeta({ id: 'gone', status: 'revoked', permissions: ['withdraw'], usedBy: apps });
    const result = auditAll([tidy, exposed, revoked], {
      ...ctx,
      acknowledged: new Set(['tidy:no-such-check']),
    });
    expect([...result.perKey.keys()]).toEqual(['tidy', 'exposed', 'gone']);
    expect(result.perKey.get('exposed')?.score).toBe(70);
    expect(result.overall.score).toBe(70);
    expect(result.overall.counts).toEqual({ info: 0, low: 1, medium: 0, high: 1, critical: 0 });
    expect(result.overall.keysNeedingAction).toBe(1);
    expect(badgeCount(result)).toBe(1);
    expect(badgeCount(result.perKey.values())).toBe(1);
  });

  it('acknowledged findings are counted apart', () => {
    const exposed = makeMeta({ id: 'exposed', status: 'exposed' });
    const result = auditAll([exposed], { ...ctx, acknowledged: new Set(['exposed:key-exposed']) });
    expect(result.overall).toMatchObject({ score: 100, acknowledged: 1, keysNeedingAction: 0 });
    expect(result.overall.counts.high).toBe(0);
  });

  it('finds keys stored twice across the list, by hint and by the vault’s duplicate map', () => {
    const a = makeMeta({ id: 'a', apiKeyHint: 'AbCd…wXyZ' });
    const b = makeMeta({ id: 'b', apiKeyHint: 'AbCd…wXyZ' });
    const c = makeMeta({ id: 'c', apiKeyHint: null });
    const result = auditAll([a, b, c], { ...ctx, duplicateOf: new Map([['c', 'a']]) });
    const keys = (id: string) => result.perKey.get(id)?.findings.map((f) => f.messageKey);
    expect(keys('a')).toEqual(['auditStoredTwiceHint', 'auditStoredTwice']);
    expect(keys('b')).toEqual(['auditStoredTwiceHint']);
    expect(keys('c')).toEqual(['auditStoredTwice']);
  });
});

describe('scoring properties', () => {
  const metaArb = fc
    .record({
      exchange: fc.constantFrom(...EXCHANGE_IDS),
      permissionPick: fc.array(fc.nat(20), { maxLength: 5 }),
      ip: fc.constantFrom('list', 'none', 'unknown'),
      status: fc.constantFrom(...CREDENTIAL_STATUSES),
      created: fc.option(fc.integer({ min: 0, max: 800 }), { nil: null }),
      expires: fc.option(fc.integer({ min: -100, max: 100 }), { nil: null }),
      apps: fc.integer({ min: 0, max: 3 }),
    })
    .map((r): CredentialMeta => {
      const known = getExchange(r.exchange).permissions;
      const ids = 'value' in known ? known.value.map((p) => p.id) : ['x'];
      return makeMeta({
        exchange: r.exchange,
        permissions: [...new Set(r.permissionPick.map((n) => ids[n % ids.length] ?? 'x'))],
        ipAllowlist: r.ip === 'list' ? { state: 'list', entries: ['203.0.113.5'] } : { state: r.ip },
        status: r.status,
        createdAt: r.created === null ? null : daysAgo(r.created),
        expiresAt: r.expires === null ? null : NOW + r.expires * 86_400_000,
        usedBy: Array.from({ length: r.apps }, (_, n) => ({
          kind: 'app' as const,
          name: `app${n}`,
          domain: null,
        })),
      });
    });

  it('scores stay in 0–100, match the penalties, and acknowledging everything restores 100', () => {
    fc.assert(
      fc.property(metaArb, (meta) => {
        const audit = auditCredential(meta, ctx);
        expect(audit.score).toBeGreaterThanOrEqual(0);
        expect(audit.score).toBeLessThanOrEqual(100);
        expect(audit.score).toBe(
          Math.max(0, 100 - penaltiesOf(audit.findings).reduce((s, p) => s + p.points, 0)),
        );
        for (const f of audit.findings) {
          const check = CHECKS.find((c) => c.id === f.checkId);
          expect(check).toBeDefined();
          if (check !== undefined) expectWellFormed(check, f, meta.id);
        }
        const all = new Set(audit.findings.map((f) => acknowledgementKey(f.credentialId, f.checkId)));
        const acked = auditCredential(meta, { ...ctx, acknowledged: all });
        expect(acked.score).toBe(100);
        expect(acked.findings).toHaveLength(audit.findings.length);
        expect(needsAction(acked)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
