/**
 * Test helpers for the audit: a credential with safe defaults, a check runner that also asserts every finding is
 * well-formed (declared i18n keys, the right number of values), and knowledge-base variants.
 */
import { expect } from 'vitest';
import { getExchange } from '../exchanges/index';
import type { Exchange, ExchangeId, ExpiryRule } from '../exchanges/types';
import { DEFAULT_SETTINGS, type CredentialMeta, type Settings } from '../vault/model';
import { DAY_MS, buildCheckContext } from './facts';
import { formatEnglish } from './messages.en';
import type { Check, Finding, LiveAudit } from './types';

/** 2025-06-01T00:00:00Z. */
export const NOW = Date.UTC(2025, 5, 1);

export function daysAgo(days: number): number {
  return NOW - days * DAY_MS;
}

export function daysAhead(days: number): number {
  return NOW + days * DAY_MS;
}

/** A tidy OKX key: read-only, IP-restricted, 10 days old, used by one bot. Override what a case is about. */
export function makeMeta(overrides: Partial<CredentialMeta> = {}): CredentialMeta {
  return {
    id: 'k1',
    exchange: 'okx',
    label: 'Main',
    apiKeyHint: null,
    storedFields: ['apiKey', 'secret', 'passphrase'],
    permissions: ['read_only'],
    ipAllowlist: { state: 'list', entries: ['203.0.113.5'] },
    createdAt: daysAgo(10),
    lastRotatedAt: null,
    expiresAt: null,
    usedBy: [{ kind: 'bot', name: 'Bot', domain: null }],
    notes: '',
    status: 'active',
    replaces: null,
    addedAt: daysAgo(10),
    updatedAt: daysAgo(10),
    secretsDestroyedAt: null,
    ...overrides,
  };
}

export interface RunOptions {
  readonly exchange?: Exchange;
  readonly settings?: Settings;
  readonly liveAudit?: LiveAudit;
  readonly others?: readonly CredentialMeta[];
  readonly duplicateOf?: ReadonlyMap<string, string>;
  readonly now?: number;
}

export function expectWellFormed(check: Check, finding: Finding, credentialId: string): void {
  expect(finding.checkId).toBe(check.id);
  expect(finding.credentialId).toBe(credentialId);
  expect(check.messageKeys).toContain(finding.messageKey);
  expect(check.messageKeys).toContain(finding.actionKey);
  for (const [key, values] of [
    [finding.messageKey, finding.substitutions],
    [finding.actionKey, finding.actionSubstitutions],
  ] as const) {
    const text = formatEnglish(key, values);
    expect(text).not.toMatch(/\$\d/);
    for (const value of values) expect(value.trim(), key).not.toBe('');
  }
  expect(finding.link).toMatch(/^https:\/\//);
}

/** Runs one check on one credential, the way auditCredential does, and checks every finding's shape. */
export function runCheck(check: Check, meta: CredentialMeta, options: RunOptions = {}): Finding[] {
  const exchange = options.exchange ?? getExchange(meta.exchange);
  const ctx = buildCheckContext(meta, exchange, {
    now: options.now ?? NOW,
    settings: options.settings ?? DEFAULT_SETTINGS,
    liveAudit: options.liveAudit ?? null,
    others: options.others ?? [],
    duplicateOf: options.duplicateOf ?? new Map(),
  });
  const findings = check.run(ctx);
  for (const f of findings) expectWellFormed(check, f, meta.id);
  return findings;
}

/** `[severity, messageKey]` per finding: compact enough for table expectations. */
export function summary(findings: readonly Finding[]): [string, string][] {
  return findings.map((f) => [f.severity, f.messageKey]);
}

/** A copy of an exchange with other expiry rules, for cases the real knowledge base does not have. */
export function withExpiryRules(id: ExchangeId, rules: readonly ExpiryRule[]): Exchange {
  const exchange = getExchange(id);
  return {
    ...exchange,
    policies: {
      ...exchange.policies,
      expiry: { value: rules, source: { url: 'https://example.com/rules', confirmation: 'official' } },
    },
  };
}

export function rule(overrides: Partial<ExpiryRule> = {}): ExpiryRule {
  return {
    id: 'test.rule',
    description: 'test rule',
    trigger: 'creation',
    days: 90,
    effect: 'key-invalid',
    onlyWithoutIpAllowlist: true,
    whenPermissionKinds: [],
    source: { url: 'https://example.com/rule', confirmation: 'official' },
    ...overrides,
  };
}
