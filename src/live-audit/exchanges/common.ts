/**
 * Shared pieces of the exchange adapters: credential checks, request building and verdict builders that sanitise
 * messages.
 */
import { SigningError } from '../sign';
import { sanitizeMessage } from '../sanitize';
import type {
  Credentials,
  Endpoint,
  ExchangeResponse,
  NormalizedPermissions,
  SignInput,
  UnknownReason,
  Verdict,
} from '../types';

export function need(credentials: Credentials, field: keyof Credentials, exchangeName: string): string {
  const value = credentials[field];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new SigningError('missing-field', `${exchangeName} needs the ${field} field.`);
  }
  return value;
}

export function invalid(
  message: string,
  code: string | undefined,
  credentials: Credentials,
  ipMayBeCause = false,
): Verdict {
  return {
    state: 'invalid',
    message: sanitizeMessage(message, credentials),
    ...(code === undefined ? {} : { code }),
    ...(ipMayBeCause ? { ipMayBeCause } : {}),
  };
}

export function restricted(message: string, code: string | undefined, credentials: Credentials): Verdict {
  return {
    state: 'restricted',
    message: sanitizeMessage(message, credentials),
    ...(code === undefined ? {} : { code }),
  };
}

export function unknown(reason: UnknownReason, message: string, credentials: Credentials): Verdict {
  return { state: 'unknown', reason, message: sanitizeMessage(message, credentials) };
}

/** The fallback for an answer none of the documented cases explains. */
export function unexpected(response: ExchangeResponse, credentials: Credentials): Verdict {
  const detail = response.text.trim() === '' ? '(empty body)' : response.text;
  return unknown('unexpected-response', `HTTP ${response.status}: ${detail}`, credentials);
}

/** The answer when the body is not a JSON object: a bare 401 is a refused key, anything else is unexplained. */
export function notAnObject(response: ExchangeResponse, credentials: Credentials): Verdict {
  return response.status === 401
    ? invalid('HTTP 401', undefined, credentials)
    : unexpected(response, credentials);
}

/** A valid verdict for exchanges that list the key's allowed IPs: an empty list means the key is not IP-bound. */
export function validWithIps(
  permissions: NormalizedPermissions,
  ips: readonly string[],
  expiresAt: number | null = null,
): Verdict {
  return { state: 'valid', permissions, ipRestricted: ips.length > 0, ipList: ips, expiresAt };
}

/** What an error code means, per exchange table. */
export type Meaning = 'invalid' | 'invalid-or-ip' | 'restricted' | UnknownReason;

export function fromMeaning(
  meaning: Meaning | undefined,
  message: string,
  code: string,
  response: ExchangeResponse,
  credentials: Credentials,
): Verdict {
  if (meaning === undefined) return unexpected(response, credentials);
  if (meaning === 'invalid') return invalid(message, code, credentials);
  if (meaning === 'invalid-or-ip') return invalid(message, code, credentials, true);
  if (meaning === 'restricted') return restricted(message, code, credentials);
  return unknown(meaning, message === '' ? `code ${code}` : message, credentials);
}

/** The verdict for an error envelope's code and message; no code at all is an unexplained answer. */
export function fromCode(
  errors: Readonly<Record<string, Meaning>>,
  code: string | number | null,
  message: unknown,
  response: ExchangeResponse,
  credentials: Credentials,
): Verdict {
  if (code === null) return unexpected(response, credentials);
  const key = String(code);
  return fromMeaning(errors[key], typeof message === 'string' ? message : '', key, response, credentials);
}

/** Date from epoch seconds/ms or an ISO string; null for empty, zero or unparsable values. */
export function dateFrom(value: unknown, unit: 's' | 'ms' | 'iso'): number | null {
  if (unit === 'iso') {
    if (typeof value !== 'string' || value.trim() === '') return null;
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : ms;
  }
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value)
        : NaN;
  if (!Number.isFinite(n) || n <= 0) return null;
  return unit === 's' ? n * 1000 : n;
}

/** A query string with `extra` appended (`a=1` + `b=2` → `a=1&b=2`). */
export function appendQuery(query: string, extra: string): string {
  return query === '' ? extra : `${query}&${extra}`;
}

/** A path with its query string, as venues that sign the request target write it. */
export function withQuery(path: string, query: string): string {
  return query === '' ? path : `${path}?${query}`;
}

/** The permission request for venues that carry the time in a header: no query, no body. */
export function plainRequest(endpoint: Endpoint, timestamp: string): SignInput {
  return { method: endpoint.method, path: endpoint.path, query: '', body: '', timestamp };
}

/** The permission request for venues that sign `recvWindow` and `timestamp` (ms) as query parameters. */
export function timestampedQueryRequest(endpoint: Endpoint, nowMs: number, recvWindow: number): SignInput {
  return {
    method: endpoint.method,
    path: endpoint.path,
    query: `recvWindow=${recvWindow}&timestamp=${Math.floor(nowMs)}`,
    body: '',
    timestamp: String(Math.floor(nowMs)),
  };
}

/**
 * Query and body with `signature=` appended as the last parameter: in the body when all the other parameters are
 * there, otherwise in the query.
 */
export function withSignatureParam(input: SignInput, signature: string): { query: string; body: string } {
  const inBody = input.query === '' && input.body !== '';
  return {
    query: inBody ? input.query : appendQuery(input.query, `signature=${signature}`),
    body: inBody ? appendQuery(input.body, `signature=${signature}`) : input.body,
  };
}
