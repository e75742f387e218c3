/**
 * Runs one live audit: optional server-time sync, then the signed permission request(s), each sent only after the
 * allow-list check. fetch, clock and timeout are injected so the logic is testable and runs in the service worker.
 */
import { assertAllowed, permissionEndpoints, type AllowScope } from './allowlist';
import { buildPermissionRequest, buildTimeRequest, adapterFor } from './request';
import type { WireRequest } from './request';
import { sanitizeMessage } from './sanitize';
import { SigningError } from './sign';
import { getExchange } from '../exchanges/index';
import type { Credentials, ExchangeAdapter, LiveAuditResult, UnknownReason, Verdict } from './types';
import type { ExchangeId } from '../exchanges/types';

/** The subset of the Fetch API the client uses (global fetch satisfies it). */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal: AbortSignal },
) => Promise<{
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}>;

export interface LiveAuditOptions {
  readonly fetch: FetchLike;
  /** Epoch ms. */
  readonly now: () => number;
  /** Budget for the whole audit, all requests included. */
  readonly timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

export class Timeout extends Error {}

export interface Answer {
  readonly status: number;
  readonly text: string;
  readonly json: unknown;
  readonly retryAfterMs?: number;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Retry-After in seconds or as an HTTP date. */
function retryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** Sends one request within `scope` of the allow-list (the audit's, unless the revoke path asks). */
export async function send(
  request: WireRequest,
  options: LiveAuditOptions,
  signal: AbortSignal,
  scope: AllowScope,
): Promise<Answer> {
  // Last gate before the network: the builder checked already, this keeps the client honest on its own.
  assertAllowed(request.method, request.url, request.purpose !== 'time', scope);
  if (signal.aborted) throw new Timeout();
  try {
    const response = await options.fetch(request.url, {
      method: request.method,
      headers: { ...request.headers },
      ...(request.body === undefined ? {} : { body: request.body }),
      signal,
    });
    const text = await response.text();
    const after = retryAfter(response.headers.get('retry-after'), options.now());
    return {
      status: response.status,
      text,
      json: parseJson(text),
      ...(after === undefined ? {} : { retryAfterMs: after }),
    };
  } catch (error) {
    if (signal.aborted) throw new Timeout();
    throw error;
  }
}

function unknownResult(
  reason: UnknownReason,
  message: string,
  checkedAt: number,
  credentials: Credentials,
  retryAfterMs?: number,
): LiveAuditResult {
  return {
    state: 'unknown',
    reason,
    message: sanitizeMessage(message, credentials),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    checkedAt,
  };
}

/** HTTP statuses that say nothing about the key, whatever the body says. */
export function byStatus(answer: Answer): { reason: UnknownReason; message: string } | null {
  // 418 is Binance's "IP auto-banned after ignoring 429s".
  if (answer.status === 429 || answer.status === 418)
    return { reason: 'rate-limited', message: `HTTP ${answer.status}: ${answer.text}` };
  if (answer.status >= 500)
    return { reason: 'server-error', message: `HTTP ${answer.status}: ${answer.text}` };
  return null;
}

/** Throws a SigningError naming the first credential field the exchange needs and the caller lacks. */
export function requireFields(adapter: ExchangeAdapter, credentials: Credentials): void {
  for (const name of adapter.requires) {
    if ((credentials[name] ?? '').trim() === '') {
      throw new SigningError('missing-field', `${getExchange(adapter.id).name} needs the ${name} field.`);
    }
  }
}

/**
 * Server clock minus local clock (ms) from the exchange's public time request, or 0 when it has none or the
 * request fails (best effort: the signed request reports the real trouble). Throws Timeout when the budget ran out.
 */
export async function serverOffset(
  exchange: ExchangeId,
  adapter: ExchangeAdapter,
  options: LiveAuditOptions,
  signal: AbortSignal,
  scope: AllowScope,
): Promise<number> {
  const timeRequest = buildTimeRequest(exchange);
  if (timeRequest === null || adapter.time === undefined) return 0;
  const before = options.now();
  try {
    const answer = await send(timeRequest, options, signal, scope);
    const server = answer.status === 200 ? adapter.time.parse(answer.json) : null;
    // Midpoint of the round trip: the server read its clock about halfway through.
    if (server !== null && Number.isFinite(server)) return server - (before + options.now()) / 2;
  } catch (error) {
    if (error instanceof Timeout) throw error;
  }
  return 0;
}

function stamp(verdict: Exclude<Verdict, { state: 'next' }>, checkedAt: number): LiveAuditResult {
  return { ...verdict, checkedAt };
}

/**
 * Asks the exchange what the key can do. Never throws for network or exchange trouble (that is `unknown`); throws
 * only for programming errors or missing credential fields (a SigningError naming the field).
 */
export async function runLiveAudit(
  exchange: ExchangeId,
  credentials: Credentials,
  options: LiveAuditOptions,
): Promise<LiveAuditResult> {
  const adapter = adapterFor(exchange);
  requireFields(adapter, credentials);
  const endpoints = permissionEndpoints(exchange);
  if (endpoints.length === 0)
    throw new Error(`The knowledge base declares no permission endpoint for ${exchange}.`);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    let offset: number;
    try {
      offset = await serverOffset(exchange, adapter, options, controller.signal, 'audit');
    } catch (error) {
      if (!(error instanceof Timeout)) throw error;
      return unknownResult('timeout', 'The exchange did not answer in time.', options.now(), credentials);
    }
    let last = 'no permission endpoint answered';
    for (const endpoint of endpoints) {
      const request = await buildPermissionRequest(exchange, endpoint, credentials, options.now() + offset);
      let answer: Answer;
      try {
        answer = await send(request, options, controller.signal, 'audit');
      } catch (error) {
        if (error instanceof Timeout)
          return unknownResult('timeout', 'The exchange did not answer in time.', options.now(), credentials);
        const message = error instanceof Error ? error.message : 'network error';
        return unknownResult('network', message, options.now(), credentials);
      }
      const status = byStatus(answer);
      if (status !== null)
        return unknownResult(status.reason, status.message, options.now(), credentials, answer.retryAfterMs);
      const verdict = adapter.parse(answer, credentials, endpoint);
      if (verdict.state === 'next') {
        last = verdict.message;
        continue;
      }
      return stamp(verdict, options.now());
    }
    return unknownResult('unexpected-response', last, options.now(), credentials);
  } finally {
    clearTimeout(timer);
  }
}
