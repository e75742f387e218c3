/**
 * The only requests the live audit may sign or send: each supported exchange's permission endpoint from the
 * knowledge base (plus Bitget's unified-account variant) and its public server-time endpoint. Everything the
 * request builder and the client touch is checked against this list.
 */
import { getExchange } from '../exchanges/index';
import { isKnown } from '../exchanges/types';
import type { ExchangeId } from '../exchanges/types';
import { ADAPTERS } from './exchanges/index';
import type { Endpoint } from './types';

export type AllowedPurpose = 'permissions' | 'time';

export interface AllowedRequest extends Endpoint {
  readonly exchange: ExchangeId;
  readonly purpose: AllowedPurpose;
  /** Only permission requests carry credentials; time requests go out unsigned. */
  readonly signed: boolean;
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

/**
 * The allow-list entry a request matches, or null. The URL must be https, have no credentials, fragment or port,
 * and match origin and path exactly; the query is free (it carries timestamps and signatures).
 */
export function findAllowed(method: string, url: string, signed: boolean): AllowedRequest | null {
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
        entry.method === method &&
        entry.origin === parsed.origin &&
        entry.path === parsed.pathname &&
        // A signed request may only go to a permission endpoint.
        (!signed || entry.signed),
    ) ?? null
  );
}

export class NotAllowedError extends Error {
  constructor(method: string, url: string) {
    // The URL carries a signature and timestamp at most, never a secret; still, only origin and path are named.
    let where = '(unparsable URL)';
    try {
      const parsed = new URL(url);
      where = `${parsed.origin}${parsed.pathname}`;
    } catch {
      // keep the placeholder
    }
    super(`Refused: ${method} ${where} is not on the live-audit allow-list.`);
    this.name = 'NotAllowedError';
  }
}

export function assertAllowed(method: string, url: string, signed: boolean): AllowedRequest {
  const entry = findAllowed(method, url, signed);
  if (entry === null) throw new NotAllowedError(method, url);
  return entry;
}
