/**
 * The signature checker: shows, for a request a user describes, the exact string an exchange signs, the signature
 * and the headers it expects. Offline: nothing is sent. For debugging "invalid signature" errors from a bot.
 */
import { getExchange } from '../exchanges/index';
import { isKnown } from '../exchanges/types';
import type { ExchangeId } from '../exchanges/types';
import { getAdapter } from './exchanges/index';
import type { Credentials, HttpMethod, SignInput } from './types';

export interface ExplainRequest {
  readonly method: HttpMethod;
  /** Path, e.g. `/api/v3/order`; a `?query` pasted here is split off into the query. */
  readonly path: string;
  readonly query?: string;
  readonly body?: string;
  /** In the venue's unit (ms, s, ISO-8601, expires or nonce); see `timestampHint`. */
  readonly timestamp?: string;
  /** Coinbase JWT nonce; random when absent. */
  readonly nonce?: string;
  /** API origin; defaults to the one of the exchange's permission endpoint. */
  readonly origin?: string;
}

export interface SignatureExplanation {
  readonly prehash: string;
  readonly signature: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The URL the request goes to, with the signature parameter for venues that put it in the query. */
  readonly url: string;
  readonly body: string;
  readonly notes: readonly string[];
}

export interface ExplainOptions {
  /** Show plain or HMAC'd passphrase headers (standing credentials) instead of a placeholder. Off by default. */
  readonly revealCredentialHeaders?: boolean;
}

/** What each venue wants in the timestamp field, for the form's hint. */
export function timestampHint(exchange: ExchangeId): string {
  switch (exchange) {
    case 'binance':
    case 'bingx':
      return 'inside the query as timestamp=<ms>; this field is not used';
    case 'okx':
      return 'ISO-8601 UTC with milliseconds, e.g. 2020-12-08T09:08:57.715Z';
    case 'bitmex':
      return 'api-expires: UNIX seconds when the request stops being valid';
    case 'kraken':
      return 'the nonce, which must also be in the body (nonce=…)';
    case 'coinbase':
    case 'gate':
      return 'UNIX seconds';
    default:
      return 'UNIX milliseconds';
  }
}

function defaultOrigin(exchange: ExchangeId): string {
  const info = getExchange(exchange);
  if (isKnown(info.permissionEndpoint)) return info.permissionEndpoint.value.origin;
  return `https://${info.apiHosts[0] ?? 'localhost'}`;
}

export async function explainSignature(
  exchange: ExchangeId,
  request: ExplainRequest,
  credentials: Credentials,
  options: ExplainOptions = {},
): Promise<SignatureExplanation> {
  const adapter = getAdapter(exchange);
  if (adapter === undefined)
    throw new Error(`The signature checker does not cover ${getExchange(exchange).name}.`);
  const notes: string[] = [];
  let path = request.path.trim();
  let query = request.query ?? '';
  const mark = path.indexOf('?');
  if (mark >= 0) {
    if (query === '') query = path.slice(mark + 1);
    else notes.push('The path held a query as well as the query field; the query field was used.');
    path = path.slice(0, mark);
  }
  if (query.startsWith('?')) query = query.slice(1);
  if (!path.startsWith('/')) notes.push('The path should start with "/".');
  const origin = request.origin ?? defaultOrigin(exchange);
  const input: SignInput = {
    method: request.method,
    path,
    query,
    body: request.body ?? '',
    timestamp: (request.timestamp ?? '').trim(),
    ...(request.nonce === undefined ? {} : { nonce: request.nonce }),
  };
  const signed = await adapter.sign(input, credentials, origin);
  const headers: Record<string, string> = { ...signed.headers };
  if (options.revealCredentialHeaders !== true) {
    for (const name of adapter.credentialHeaders ?? []) {
      if (name in headers) headers[name] = '(hidden: a standing credential; reveal to compare)';
    }
  }
  if (/\s$|^\s/.test(input.body) && input.body !== '')
    notes.push('The body starts or ends with whitespace; it is signed as is.');
  return {
    prehash: signed.prehash,
    signature: signed.signature,
    headers,
    url: `${origin}${path}${signed.query === '' ? '' : `?${signed.query}`}`,
    body: signed.body,
    notes: [...notes, ...signed.notes],
  };
}
