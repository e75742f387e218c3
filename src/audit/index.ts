/**
 * The hygiene audit: runs every check on each credential and scores the results.
 *
 * Scoring (KeePassXC-style: one number per key, every point lost has a listed reason):
 * - a key starts at 100 and loses SEVERITY_WEIGHTS points per check with an unacknowledged finding, counting each
 *   check once at its worst finding (so one check with several findings cannot sink a key alone); floor 0;
 * - the overall score is the lowest score of any key that is not revoked: a vault is as exposed as its weakest
 *   key, and a mean would let ten tidy keys hide one that can withdraw from anywhere;
 * - acknowledged findings stay in the list (marked) but cost no points and are not counted.
 *
 * Badge: a key needs action when it is not revoked and has an unacknowledged finding of severity high or
 * critical. Medium findings (no IP allow-list, rotation overdue, shared keys) are real but common; counting them
 * would keep the badge lit for most users and teach them to ignore it.
 */
import { getExchange } from '../exchanges/index';
import type { CredentialMeta } from '../vault/model';
import { exchangeExpiry } from './checks/exchange-expiry';
import { ipAllowlistUnknown } from './checks/ip-allowlist-unknown';
import { keyExpires } from './checks/key-expires';
import { keyExposed } from './checks/key-exposed';
import { liveAuditMismatch } from './checks/live-audit-mismatch';
import { noIpAllowlist } from './checks/no-ip-allowlist';
import { noRecordedUse } from './checks/no-recorded-use';
import { permissionsUnknown } from './checks/permissions-unknown';
import { revokedStillUsed } from './checks/revoked-still-used';
import { rotationDue } from './checks/rotation-due';
import { sharedByApps } from './checks/shared-by-apps';
import { storedTwice } from './checks/stored-twice';
import { tradeAndWithdraw } from './checks/trade-and-withdraw';
import { transferEnabled } from './checks/transfer-enabled';
import { withdrawalEnabled } from './checks/withdrawal-enabled';
import { buildCheckContext } from './facts';
import { SEVERITIES } from './types';
import type { AuditContext, AuditResult, Check, Finding, KeyAudit, Penalty, Severity } from './types';

/** Every check, in the order findings of equal severity are listed. */
export const CHECKS: readonly Check[] = [
  keyExposed,
  withdrawalEnabled,
  liveAuditMismatch,
  tradeAndWithdraw,
  noIpAllowlist,
  transferEnabled,
  exchangeExpiry,
  keyExpires,
  rotationDue,
  sharedByApps,
  storedTwice,
  permissionsUnknown,
  ipAllowlistUnknown,
  noRecordedUse,
  revokedStillUsed,
];

export const SEVERITY_WEIGHTS: Readonly<Record<Severity, number>> = {
  info: 0,
  low: 5,
  medium: 15,
  high: 30,
  critical: 60,
};

/** Severities that make a key count on the toolbar badge. */
export const ACTION_SEVERITIES: readonly Severity[] = ['high', 'critical'];

const RANK = new Map(SEVERITIES.map((s, i) => [s, i]));
const CHECK_ORDER = new Map(CHECKS.map((c, i) => [c.id, i]));

function rank(severity: Severity): number {
  return RANK.get(severity) ?? 0;
}

export function acknowledgementKey(credentialId: string, checkId: string): string {
  return `${credentialId}:${checkId}`;
}

/** Unacknowledged first, then worst first, then in CHECKS order. */
function compareFindings(a: Finding, b: Finding): number {
  if (a.acknowledged !== b.acknowledged) return a.acknowledged ? 1 : -1;
  const bySeverity = rank(b.severity) - rank(a.severity);
  if (bySeverity !== 0) return bySeverity;
  return (CHECK_ORDER.get(a.checkId) ?? 0) - (CHECK_ORDER.get(b.checkId) ?? 0);
}

export function penaltiesOf(findings: readonly Finding[]): Penalty[] {
  const worst = new Map<string, Severity>();
  for (const f of findings) {
    if (f.acknowledged) continue;
    const seen = worst.get(f.checkId);
    if (seen === undefined || rank(f.severity) > rank(seen)) worst.set(f.checkId, f.severity);
  }
  return [...worst]
    .map(([checkId, severity]) => ({ checkId, severity, points: SEVERITY_WEIGHTS[severity] }))
    .filter((p) => p.points > 0)
    .sort(
      (a, b) => b.points - a.points || (CHECK_ORDER.get(a.checkId) ?? 0) - (CHECK_ORDER.get(b.checkId) ?? 0),
    );
}

export function auditCredential(meta: CredentialMeta, ctx: AuditContext): KeyAudit {
  const exchange = (ctx.exchanges ?? getExchange)(meta.exchange);
  const checkCtx = buildCheckContext(meta, exchange, {
    now: ctx.now,
    settings: ctx.settings,
    liveAudit: ctx.liveAudits?.get(meta.id) ?? null,
    others: ctx.all ?? [],
    duplicateOf: ctx.duplicateOf ?? new Map(),
  });
  const scope = meta.status === 'revoked' ? 'revoked' : 'in-use';
  const acknowledged = ctx.acknowledged ?? new Set<string>();
  const findings = CHECKS.filter((check) => check.runsOn === scope)
    .flatMap((check) => check.run(checkCtx))
    .map((f) =>
      acknowledged.has(acknowledgementKey(f.credentialId, f.checkId)) ? { ...f, acknowledged: true } : f,
    )
    .sort(compareFindings);
  const penalties = penaltiesOf(findings);
  const lost = penalties.reduce((sum, p) => sum + p.points, 0);
  return { credentialId: meta.id, status: meta.status, score: Math.max(0, 100 - lost), findings, penalties };
}

export function needsAction(audit: KeyAudit): boolean {
  if (audit.status === 'revoked') return false;
  return audit.findings.some((f) => !f.acknowledged && ACTION_SEVERITIES.includes(f.severity));
}

/** How many keys the toolbar badge shows: keys that need action. */
export function badgeCount(results: AuditResult | Iterable<KeyAudit>): number {
  const audits = 'perKey' in results ? results.perKey.values() : results;
  let count = 0;
  for (const audit of audits) if (needsAction(audit)) count += 1;
  return count;
}

export function auditAll(metas: readonly CredentialMeta[], ctx: AuditContext): AuditResult {
  const withAll: AuditContext = { ...ctx, all: ctx.all ?? metas };
  const perKey = new Map<string, KeyAudit>();
  for (const meta of metas) perKey.set(meta.id, auditCredential(meta, withAll));

  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  let acknowledged = 0;
  let score = 100;
  let keysNeedingAction = 0;
  for (const audit of perKey.values()) {
    for (const f of audit.findings) {
      if (f.acknowledged) acknowledged += 1;
      else counts[f.severity] += 1;
    }
    if (audit.status === 'revoked') continue;
    score = Math.min(score, audit.score);
    if (needsAction(audit)) keysNeedingAction += 1;
  }
  return { perKey, overall: { score, counts, acknowledged, keysNeedingAction } };
}

export type * from './types';
export { formatEnglish, MESSAGES_EN } from './messages.en';
