/**
 * Maps an exchange's report to the knowledge base's permission ids and to the four risk kinds.
 */
import { getExchange } from '../exchanges/index';
import { isKnown } from '../exchanges/types';
import type { ExchangeId, PermissionKind } from '../exchanges/types';
import type { NormalizedPermissions, PermissionKinds } from './types';

/** Knowledge-base kind of each permission id of an exchange (empty when the knowledge base has none). */
export function knownPermissionKinds(exchange: ExchangeId): ReadonlyMap<string, PermissionKind> {
  const permissions = getExchange(exchange).permissions;
  return new Map(isKnown(permissions) ? permissions.value.map((p) => [p.id, p.kind] as const) : []);
}

/**
 * Builds the normalised view. `extraKinds` gives the kind of ids the knowledge base does not list (from the
 * exchange's documentation of the response); knowledge-base kinds win when both exist. `alwaysRead` is for venues
 * where every working key can read (BitMEX, Bybit).
 */
export function normalize(
  exchange: ExchangeId,
  ids: readonly string[],
  raw: readonly string[],
  extraKinds: Readonly<Record<string, PermissionKind>> = {},
  alwaysRead = false,
): NormalizedPermissions {
  const known = knownPermissionKinds(exchange);
  const unique = [...new Set(ids)].sort();
  const kinds = { read: alwaysRead, trade: false, withdraw: false, transfer: false };
  const kindOf: Record<string, PermissionKind> = {};
  for (const id of unique) {
    const kind = known.get(id) ?? extraKinds[id] ?? 'other';
    kindOf[id] = kind;
    if (kind === 'read') kinds.read = true;
    else if (kind === 'trade') kinds.trade = true;
    else if (kind === 'withdraw') kinds.withdraw = true;
    else if (kind === 'transfer' || kind === 'subaccount') kinds.transfer = true;
  }
  return {
    exchange,
    ids: unique,
    raw: [...raw],
    kinds: kinds satisfies PermissionKinds,
    kindOf,
    unrecognised: unique.filter((id) => !known.has(id)),
  };
}
