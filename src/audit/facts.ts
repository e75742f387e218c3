/**
 * Shared helpers for the checks: how a credential's permissions and IP allow-list are resolved against the
 * knowledge base and the live audit, plus small date and finding builders.
 */
import { isKnown } from '../exchanges/types';
import type { Exchange, Permission, PermissionKind, Source } from '../exchanges/types';
import type { CredentialMeta, Settings } from '../vault/model';
import type { MessageKey } from './messages.en';
import type { Check, CheckContext, Countdown, Finding, LiveAudit, PermissionFacts, Severity } from './types';

export const DAY_MS = 86_400_000;

export function confirmationOf(source: Source): 'confirmed' | 'reported' {
  return source.confirmation === 'official' ? 'confirmed' : 'reported';
}

export function resolvePermissions(
  exchange: Exchange,
  meta: CredentialMeta,
  live: LiveAudit | null,
): PermissionFacts {
  const from = live === null ? 'record' : 'live';
  const ids = [...new Set(live === null ? meta.permissions : live.permissions)];
  if (!isKnown(exchange.permissions))
    return {
      from,
      ids,
      catalogue: 'unknown',
      resolved: [],
      unrecognised: [],
      state: 'unknown',
      confirmation: 'reported',
    };
  const byId = new Map(exchange.permissions.value.map((p) => [p.id, p]));
  const resolved: Permission[] = [];
  const unrecognised: string[] = [];
  for (const id of ids) {
    const permission = byId.get(id);
    if (permission === undefined) unrecognised.push(id);
    else resolved.push(permission);
  }
  // A live audit that reports no permission at all is a real answer (a key with no rights), a typed record with
  // none is a form left empty: no exchange issues keys without at least read access.
  const empty = ids.length === 0 && live === null;
  return {
    from,
    ids,
    catalogue: 'known',
    resolved,
    unrecognised,
    state: empty || unrecognised.length > 0 ? 'unknown' : 'known',
    confirmation: confirmationOf(exchange.permissions.source),
  };
}

export function resolveIpAllowlist(
  meta: CredentialMeta,
  live: LiveAudit | null,
): 'list' | 'none' | 'unknown' {
  if (live !== null && live.ipRestricted !== 'unknown') return live.ipRestricted ? 'list' : 'none';
  return meta.ipAllowlist.state;
}

export function buildCheckContext(
  meta: CredentialMeta,
  exchange: Exchange,
  input: {
    readonly now: number;
    readonly settings: Settings;
    readonly liveAudit?: LiveAudit | null;
    readonly others?: readonly CredentialMeta[];
    readonly duplicateOf?: ReadonlyMap<string, string>;
  },
): CheckContext {
  const live = input.liveAudit ?? null;
  return {
    meta,
    exchange,
    now: input.now,
    settings: input.settings,
    permissions: resolvePermissions(exchange, meta, live),
    ipAllowlist: resolveIpAllowlist(meta, live),
    liveAudit: live,
    others: (input.others ?? []).filter((other) => other.id !== meta.id),
    duplicateOf: input.duplicateOf ?? new Map(),
  };
}

export function permissionsOfKind(facts: PermissionFacts, kinds: readonly PermissionKind[]): Permission[] {
  return facts.resolved.filter((p) => kinds.includes(p.kind));
}

/** Labels as the exchange shows them, for substitutions ("Enable Withdrawals, Permits Universal Transfer"). */
export function labels(permissions: readonly Permission[]): string {
  return permissions.map((p) => p.label).join(', ');
}

/** A permission id shown by its exchange label when the knowledge base has one. */
export function labelOf(exchange: Exchange, id: string): string {
  if (!isKnown(exchange.permissions)) return id;
  return exchange.permissions.value.find((p) => p.id === id)?.label ?? id;
}

/** Calendar date in UTC, "2025-03-31": unambiguous in every locale. */
export function isoDate(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

export function countdown(at: number, now: number): Countdown {
  const days = Math.ceil((at - now) / DAY_MS);
  return { days: days === 0 ? 0 : days, at };
}

/** Whole days elapsed (rounded down). */
export function ageInDays(since: number, now: number): number {
  return Math.floor((now - since) / DAY_MS);
}

/**
 * Severity of a date-driven finding by days left: a month out is worth a look, a week out needs doing, and past
 * the date the key (or its permission) may already be gone.
 */
export function rampSeverity(daysLeft: number): Severity {
  if (daysLeft <= 7) return 'medium';
  if (daysLeft <= 30) return 'low';
  return 'info';
}

export interface FindingParts {
  readonly severity?: Severity;
  readonly messageKey: MessageKey;
  readonly substitutions?: readonly string[];
  readonly actionKey: MessageKey;
  readonly actionSubstitutions?: readonly string[];
  readonly countdown?: Countdown;
  readonly confirmation?: 'confirmed' | 'reported';
}

/** A finding of `check` for the context's credential; the index marks acknowledgement afterwards. */
export function finding(
  check: Pick<Check, 'id' | 'severity'>,
  ctx: CheckContext,
  parts: FindingParts,
): Finding {
  const base: Finding = {
    checkId: check.id,
    credentialId: ctx.meta.id,
    severity: parts.severity ?? check.severity,
    messageKey: parts.messageKey,
    substitutions: parts.substitutions ?? [],
    actionKey: parts.actionKey,
    actionSubstitutions: parts.actionSubstitutions ?? [],
    link: ctx.exchange.links.keyManagement.value,
    linkConfirmation: confirmationOf(ctx.exchange.links.keyManagement.source),
    confirmation: parts.confirmation ?? 'confirmed',
    acknowledged: false,
  };
  return parts.countdown === undefined ? base : { ...base, countdown: parts.countdown };
}
