/**
 * Compares the permissions a user recorded for a key with what the exchange reported, for the hygiene audit.
 */
import { getExchange } from '../exchanges/index';
import { isKnown } from '../exchanges/types';
import type { PermissionKind } from '../exchanges/types';
import type { NormalizedPermissions } from './types';

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
