/**
 * Builds the wire requests of a live audit. It refuses anything that is not on the allow-list, before signing
 * (so no signature is ever computed for another endpoint) and again on the final URL.
 */
import { assertAllowed, revokeEndpoint, timeEndpoint } from './allowlist';
import type { AllowedRequest } from './allowlist';
import { getAdapter } from './exchanges/index';
import type { ExchangeId } from '../exchanges/types';
import type { Credentials, ExchangeAdapter } from './types';

export interface WireRequest {
  readonly exchange: ExchangeId;
  readonly purpose: 'permissions' | 'time' | 'revoke';
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly endpoint: AllowedRequest;
}

export function adapterFor(exchange: ExchangeId): ExchangeAdapter {
  const adapter = getAdapter(exchange);
  if (adapter === undefined) throw new Error(`No live audit for ${exchange}.`);
  return adapter;
}

/** The public, unsigned server-time request, or null when the exchange has none. */
export function buildTimeRequest(exchange: ExchangeId): WireRequest | null {
  const endpoint = timeEndpoint(exchange);
  if (endpoint === undefined) return null;
  const url = `${endpoint.origin}${endpoint.path}`;
  const allowed = assertAllowed(endpoint.method, url, false);
  return {
    exchange,
    purpose: 'time',
    method: allowed.method,
    url,
    headers: { Accept: 'application/json' },
    endpoint: allowed,
  };
}

/** Signs the permission request for `endpoint` at `nowMs` (skew-corrected). */
export async function buildPermissionRequest(
  exchange: ExchangeId,
  endpoint: { readonly method: string; readonly origin: string; readonly path: string },
  credentials: Credentials,
  nowMs: number,
): Promise<WireRequest> {
  const adapter = adapterFor(exchange);
  const allowed = assertAllowed(endpoint.method, `${endpoint.origin}${endpoint.path}`, true);
  if (allowed.exchange !== exchange)
    throw new Error(`That endpoint belongs to ${allowed.exchange}, not ${exchange}.`);
  const input = adapter.permissionRequest(allowed, nowMs);
  if (input.method !== allowed.method || input.path !== allowed.path) {
    throw new Error('The signer built a request for another endpoint.');
  }
  const signed = await adapter.sign(input, credentials, allowed.origin);
  const url = `${allowed.origin}${allowed.path}${signed.query === '' ? '' : `?${signed.query}`}`;
  assertAllowed(allowed.method, url, true);
  return {
    exchange,
    purpose: 'permissions',
    method: allowed.method,
    url,
    headers: { Accept: 'application/json', ...signed.headers },
    ...(signed.body === '' ? {} : { body: signed.body }),
    endpoint: allowed,
  };
}

/**
 * Signs the exchange's confirmed self-delete request at `nowMs` (skew-corrected). Checked against the `revoke`
 * scope of the allow-list before signing and again on the final URL; throws for exchanges without one.
 */
export async function buildRevokeRequest(
  exchange: ExchangeId,
  credentials: Credentials,
  nowMs: number,
): Promise<WireRequest> {
  const adapter = adapterFor(exchange);
  const endpoint = revokeEndpoint(exchange);
  if (endpoint === undefined || adapter.revoke === undefined)
    throw new Error(`No confirmed API revoke for ${exchange}.`);
  const allowed = assertAllowed(endpoint.method, `${endpoint.origin}${endpoint.path}`, true, 'revoke');
  const input = adapter.revoke.request(nowMs);
  if (input.method !== allowed.method || input.path !== allowed.path) {
    throw new Error('The signer built a request for another endpoint.');
  }
  const signed = await adapter.sign(input, credentials, allowed.origin);
  const url = `${allowed.origin}${allowed.path}${signed.query === '' ? '' : `?${signed.query}`}`;
  assertAllowed(allowed.method, url, true, 'revoke');
  return {
    exchange,
    purpose: 'revoke',
    method: allowed.method,
    url,
    headers: { Accept: 'application/json', ...signed.headers },
    ...(signed.body === '' ? {} : { body: signed.body }),
    endpoint: allowed,
  };
}
