/**
 * The only requests the live audit may sign or send: each supported exchange's permission endpoint from the
 * knowledge base (plus Bitget's unified-account variant) and its public server-time endpoint. Everything the
 * request builder and the client touch is checked against this list.
 *
 * One deliberate exception, kept apart: a key's self-delete ("Revoke via API"), purpose `revoke`, listed only for
 * venues whose self-delete the exchange's own docs confirm (`selfDelete.confirmed`; Bybit so far, not BitMEX). It
 * matches only when a caller asks for the `revoke` scope, which only runRevoke does; the audit's scope never
 * matches it, so no audit code path can send it.
 */
import { getExchange } from '../exchanges/index';
import { isKnown } from '../exchanges/types';
import type { ExchangeId } from '../exchanges/types';
import { ADAPTERS } from './exchanges/index';
import type { Endpoint, ExchangeAdapter } from './types';

export type AllowedPurpose = 'permissions' | 'time' | 'revoke';

/** Which requests a code path may send: the read-only audit's, or the revoke path's (time sync and self-delete). */
export type AllowScope = 'audit' | 'revoke';

const SCOPES: Readonly<Record<AllowScope, readonly AllowedPurpose[]>> = {
  audit: ['permissions', 'time'],
  revoke: ['time', 'revoke'],
};

export interface AllowedRequest extends Endpoint {
  readonly exchange: ExchangeId;
  readonly purpose: AllowedPurpose;
  /** Permission and revoke requests carry credentials; time requests go out unsigned. */
  readonly signed: boolean;
}

/** The adapter's self-delete endpoint, when its `selfDelete` is confirmed and names the same request. */
function confirmedRevoke(adapter: ExchangeAdapter): Endpoint | null {
  const declared = adapter.selfDelete;
  const revoke = adapter.revoke;
  if (revoke === undefined || !isKnown(declared) || !declared.value.confirmed) return null;
  if (declared.source.confirmation !== 'official') return null;
  if (declared.value.method !== revoke.endpoint.method || declared.value.path !== revoke.endpoint.path)
    return null;
  return pick(revoke.endpoint);
}

function build(): readonly AllowedRequest[] {
  const list: AllowedRequest[] = [];
  for (const adapter of ADAPTERS) {
    const declared = getExchange(adapter.id).permissionEndpoint;
    if (isKnown(declared)) {
      const { method, origin, path } = declared.value;
      list.push({ exchange: adapter.id, purpose: 'permissions', signed: true, method, origin, path });
      for (const extra of adapter.fallbackEndpoints ?? []) {
        list.push({ exchange: adapter.id, purpose: 'permissions', signed: true, ...pick(extra) });
      }
    }
    if (adapter.time !== undefined) {
      list.push({ exchange: adapter.id, purpose: 'time', signed: false, ...pick(adapter.time) });
    }
    const revoke = confirmedRevoke(adapter);
    if (revoke !== null) list.push({ exchange: adapter.id, purpose: 'revoke', signed: true, ...revoke });
  }
  return Object.freeze(list.map((entry) => Object.freeze(entry)));
}

function pick(endpoint: Endpoint): Endpoint {
  return { method: endpoint.method, origin: endpoint.origin, path: endpoint.path };
}

export const ALLOWLIST: readonly AllowedRequest[] = build();

/** The permission endpoints of one exchange, in the order they are tried. */
export function permissionEndpoints(exchange: ExchangeId): readonly AllowedRequest[] {
  return ALLOWLIST.filter((entry) => entry.exchange === exchange && entry.purpose === 'permissions');
}

export function timeEndpoint(exchange: ExchangeId): AllowedRequest | undefined {
  return ALLOWLIST.find((entry) => entry.exchange === exchange && entry.purpose === 'time');
}

/** The exchange's confirmed self-delete request, or undefined when "Revoke via API" is not offered for it. */
export function revokeEndpoint(exchange: ExchangeId): AllowedRequest | undefined {
  return ALLOWLIST.find((entry) => entry.exchange === exchange && entry.purpose === 'revoke');
}

/**
 * The allow-list entry a request matches within `scope`, or null. The URL must be https, have no credentials,
 * fragment or port, and match origin and path exactly; the query is free (it carries timestamps and signatures).
 */
export function findAllowed(
  method: string,
  url: string,
  signed: boolean,
  scope: AllowScope = 'audit',
): AllowedRequest | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (
    parsed.protocol !== 'https:' ||
    parsed.username !== '' ||
    parsed.password !== '' ||
    parsed.hash !== ''
  ) {
    return null;
  }
  if (parsed.port !== '') return null;
  return (
    ALLOWLIST.find(
      (entry) =>
        SCOPES[scope].includes(entry.purpose) &&
        entry.method === method &&
        entry.origin === parsed.origin &&
        entry.path === parsed.pathname &&
        // A signed request may only go to a permission endpoint.
        (!signed || entry.signed),
    ) ?? null
  );
}

export class NotAllowedError extends Error {
  constructor(method: string, url: string, scope: AllowScope = 'audit') {
    // The URL carries a signature and timestamp at most, never a secret; still, only origin and path are named.
    let where = '(unparsable URL)';
    try {
      const parsed = new URL(url);
      where = `${parsed.origin}${parsed.pathname}`;
    } catch {
      // keep the placeholder
    }
    super(
      `Refused: ${method} ${where} is not on the ${scope === 'audit' ? 'live-audit' : 'revoke'} allow-list.`,
    );
    this.name = 'NotAllowedError';
  }
}

export function assertAllowed(
  method: string,
  url: string,
  signed: boolean,
  scope: AllowScope = 'audit',
): AllowedRequest {
  const entry = findAllowed(method, url, signed, scope);
  if (entry === null) throw new NotAllowedError(method, url, scope);
  return entry;
}
