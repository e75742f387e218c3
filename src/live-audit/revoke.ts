/**
 * "Revoke via API": the one request Keywarden may send that is not read-only, a key's documented self-delete.
 * It runs only through here, against the `revoke` scope of the allow-list (never reachable from runLiveAudit),
 * sends the delete at most once per call (no retry: a retried delete could hit a key already gone and read as a
 * refusal), and says `unknown` whenever the answer does not settle whether the key was deleted.
 */
import { revokeEndpoint } from './allowlist';
import {
  byStatus,
  DEFAULT_TIMEOUT_MS,
  requireFields,
  send,
  serverOffset,
  Timeout,
  type Answer,
  type LiveAuditOptions,
} from './client';
import { adapterFor, buildRevokeRequest } from './request';
import { sanitizeMessage } from './sanitize';
import type { ExchangeId } from '../exchanges/types';
import type { Credentials, RevokeResult, UnknownReason } from './types';

/** Whether the exchange has a confirmed self-delete that Keywarden offers as "Revoke via API". */
export function canRevoke(exchange: ExchangeId): boolean {
  return revokeEndpoint(exchange) !== undefined;
}

function unknownResult(
  reason: UnknownReason,
  message: string,
  at: number,
  credentials: Credentials,
): RevokeResult {
  return { state: 'unknown', reason, message: sanitizeMessage(message, credentials), at };
}

/**
 * Deletes the key at the exchange with the key's own credentials. Never throws for network or exchange trouble
 * (that is `unknown`); throws for an exchange without a confirmed self-delete and for missing credential fields
 * (a SigningError naming the field), both before anything is sent.
 */
export async function runRevoke(
  exchange: ExchangeId,
  credentials: Credentials,
  options: LiveAuditOptions,
): Promise<RevokeResult> {
  const adapter = adapterFor(exchange);
  const revoke = adapter.revoke;
  if (revoke === undefined || !canRevoke(exchange))
    throw new Error(`No confirmed API revoke for ${exchange}.`);
  requireFields(adapter, credentials);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const late = () =>
    unknownResult('timeout', 'The exchange did not answer in time.', options.now(), credentials);
  try {
    let offset: number;
    try {
      offset = await serverOffset(exchange, adapter, options, controller.signal, 'revoke');
    } catch (error) {
      if (!(error instanceof Timeout)) throw error;
      return late();
    }
    const request = await buildRevokeRequest(exchange, credentials, options.now() + offset);
    let answer: Answer;
    try {
      answer = await send(request, options, controller.signal, 'revoke');
    } catch (error) {
      if (error instanceof Timeout) return late();
      const message = error instanceof Error ? error.message : 'network error';
      return unknownResult('network', message, options.now(), credentials);
    }
    const status = byStatus(answer);
    if (status !== null) return unknownResult(status.reason, status.message, options.now(), credentials);
    const verdict = revoke.parse(answer, credentials);
    return { ...verdict, at: options.now() };
  } finally {
    clearTimeout(timer);
  }
}
