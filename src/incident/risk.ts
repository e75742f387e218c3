/**
 * How much damage a leaked key can do, from the permissions recorded with it and the exchange's permission list.
 *
 * Tiers, most dangerous first:
 * - `withdraw`: a permission the knowledge base marks dangerous (withdrawal, transfer out, sub-account control):
 *   funds can leave the account;
 * - `unknown`: no permissions recorded, the exchange's permission names are not in the knowledge base, or a recorded
 *   permission is not one we know. We cannot rule out withdrawal, so such a key ranks above every key we know can
 *   only trade: ranking it too high costs a minute, ranking it too low can cost the account;
 * - `trade`: can place orders (or change other non-fund settings); a classic abuse is trading the victim's funds
 *   into an illiquid coin the attacker sells;
 * - `read`: can only read balances and history.
 */
import { isKnown, type Exchange, type Permission } from '../exchanges/types';
import type { CredentialMeta } from '../vault/model';

export const RISK_TIERS = ['withdraw', 'unknown', 'trade', 'read'] as const;
export type RiskTier = (typeof RISK_TIERS)[number];

export interface RiskAssessment {
  readonly tier: RiskTier;
  /** i18n key saying why, with `substitutions`. */
  readonly reasonKey: string;
  readonly substitutions: readonly string[];
  /** Recorded permissions found in the knowledge base. */
  readonly known: readonly Permission[];
  /** Recorded permission ids the knowledge base does not list. */
  readonly unrecognised: readonly string[];
}

/** Finds a recorded permission in the exchange's list: by id, else by id or label ignoring case. */
export function findPermission(list: readonly Permission[], recorded: string): Permission | undefined {
  const exact = list.find((p) => p.id === recorded);
  if (exact !== undefined) return exact;
  const folded = recorded.trim().toLowerCase();
  return list.find((p) => p.id.toLowerCase() === folded || p.label.toLowerCase() === folded);
}

function labels(permissions: readonly Permission[]): string {
  return permissions.map((p) => p.label).join(', ');
}

export function assessRisk(meta: Pick<CredentialMeta, 'permissions'>, exchange: Exchange): RiskAssessment {
  if (!isKnown(exchange.permissions)) {
    return {
      tier: 'unknown',
      reasonKey: 'incidentRiskUnknownExchange',
      substitutions: [exchange.name],
      known: [],
      unrecognised: [...meta.permissions],
    };
  }
  const list = exchange.permissions.value;
  const known: Permission[] = [];
  const unrecognised: string[] = [];
  for (const id of meta.permissions) {
    const permission = findPermission(list, id);
    if (permission === undefined) unrecognised.push(id);
    else if (!known.includes(permission)) known.push(permission);
  }
  const dangerous = known.filter((p) => p.dangerous);
  if (dangerous.length > 0) {
    return {
      tier: 'withdraw',
      reasonKey: 'incidentRiskWithdraw',
      substitutions: [labels(dangerous)],
      known,
      unrecognised,
    };
  }
  if (meta.permissions.length === 0) {
    return { tier: 'unknown', reasonKey: 'incidentRiskUnknownNone', substitutions: [], known, unrecognised };
  }
  if (unrecognised.length > 0) {
    return {
      tier: 'unknown',
      reasonKey: 'incidentRiskUnknownIds',
      substitutions: [unrecognised.join(', ')],
      known,
      unrecognised,
    };
  }
  const writes = known.filter((p) => p.kind !== 'read');
  if (writes.length > 0) {
    return {
      tier: 'trade',
      reasonKey: 'incidentRiskTrade',
      substitutions: [labels(writes)],
      known,
      unrecognised,
    };
  }
  return { tier: 'read', reasonKey: 'incidentRiskRead', substitutions: [labels(known)], known, unrecognised };
}

/** Group headings of the combined checklist. */
export const TIER_KEYS: Readonly<Record<RiskTier, string>> = {
  withdraw: 'incidentTierWithdraw',
  unknown: 'incidentTierUnknown',
  trade: 'incidentTierTrade',
  read: 'incidentTierRead',
};

/** Lower is more urgent. */
export function tierRank(tier: RiskTier): number {
  return RISK_TIERS.indexOf(tier);
}
