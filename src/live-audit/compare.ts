/**
 * Compares the permissions a user recorded for a key with what the exchange reported, for the hygiene audit.
 */
import { getExchange } from '../exchanges/index';
import { isKnown } from '../exchanges/types';
import type { PermissionKind } from '../exchanges/types';
import type { IpAllowlist } from '../vault/model';
import type { LiveAuditResult, NormalizedPermissions } from './types';

export interface PermissionFinding {
  /** `unrecorded`: the key has it but the record does not say so. `not-granted`: recorded but not reported. */
  readonly kind: 'unrecorded' | 'not-granted';
  readonly permission: string;
  readonly permissionKind: PermissionKind;
  /** Withdraw, transfer or sub-account control. */
  readonly dangerous: boolean;
}

export interface PermissionComparison {
  readonly matches: boolean;
  readonly unrecorded: readonly string[];
  readonly notGranted: readonly string[];
  /** Dangerous findings first. */
  readonly findings: readonly PermissionFinding[];
  /** The key can move funds in a way the record does not show: the finding that matters most. */
  readonly dangerousUnrecorded: boolean;
}

const DANGEROUS_KINDS: readonly PermissionKind[] = ['withdraw', 'transfer', 'subaccount'];

export function comparePermissions(
  recorded: readonly string[],
  reported: NormalizedPermissions,
): PermissionComparison {
  const permissions = getExchange(reported.exchange).permissions;
  const catalogue = new Map(isKnown(permissions) ? permissions.value.map((p) => [p.id, p] as const) : []);
  const kindOf = (id: string): PermissionKind => reported.kindOf[id] ?? catalogue.get(id)?.kind ?? 'other';
  const dangerous = (id: string): boolean =>
    catalogue.get(id)?.dangerous ?? DANGEROUS_KINDS.includes(kindOf(id));
  const recordedSet = new Set(recorded.map((id) => id.trim()).filter((id) => id !== ''));
  const reportedSet = new Set(reported.ids);
  const unrecorded = [...reportedSet].filter((id) => !recordedSet.has(id)).sort();
  const notGranted = [...recordedSet].filter((id) => !reportedSet.has(id)).sort();
  const findings: PermissionFinding[] = [
    ...unrecorded.map((id) => ({
      kind: 'unrecorded' as const,
      permission: id,
      permissionKind: kindOf(id),
      dangerous: dangerous(id),
    })),
    ...notGranted.map((id) => ({
      kind: 'not-granted' as const,
      permission: id,
      permissionKind: kindOf(id),
      dangerous: dangerous(id),
    })),
  ].sort((a, b) => Number(b.dangerous) - Number(a.dangerous));
  return {
    matches: findings.length === 0,
    unrecorded,
    notGranted,
    findings,
    dangerousUnrecorded: findings.some((f) => f.kind === 'unrecorded' && f.dangerous),
  };
}

/** What a `valid` result changes in the stored record; null for other states (they change nothing). */
export interface LiveAuditUpdate {
  /** Replace the typed permissions with these. */
  readonly permissions: readonly string[];
  /** When the exchange reported them (the result's checkedAt). */
  readonly permissionsCheckedAt: number;
  /** Present only when the report settles it (Binance says "restricted" without the list: left out). */
  readonly ipAllowlist?: IpAllowlist;
  /** Present only when the exchange reports an expiry. */
  readonly expiresAt?: number;
}

export function liveAuditUpdate(result: LiveAuditResult): LiveAuditUpdate | null {
  if (result.state !== 'valid') return null;
  const list = result.ipList ?? [];
  const ipAllowlist: IpAllowlist | undefined =
    result.ipRestricted === false
      ? { state: 'none' }
      : result.ipRestricted === true && list.length > 0
        ? { state: 'list', entries: [...list] }
        : undefined;
  return {
    permissions: [...result.permissions.ids],
    permissionsCheckedAt: result.checkedAt,
    ...(ipAllowlist === undefined ? {} : { ipAllowlist }),
    ...(result.expiresAt === null ? {} : { expiresAt: result.expiresAt }),
  };
}
