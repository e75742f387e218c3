/**
 * Shared pieces of the exchange adapters: credential checks and verdict builders that sanitise messages.
 */
import { SigningError } from '../sign';
import { sanitizeMessage } from '../sanitize';
import type { Credentials, ExchangeResponse, UnknownReason, Verdict } from '../types';

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
