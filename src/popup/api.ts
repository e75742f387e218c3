/**
 * The popup's one door to the background: `send` from src/shared/client.ts, plus the error details (retry time,
 * input paths) the popup acts on, and a "locked" signal so the app can fall back to the unlock screen whenever the
 * vault locks itself while a view is open.
 */
import { MessageError } from '../shared/client';
import type { Envelope, ErrorInfo, MessageType, Reply, RequestOf, ResponseOf } from '../shared/messages';
import { t } from '../shared/i18n';

export class ApiError extends MessageError {
  readonly details: NonNullable<ErrorInfo['details']>;
  constructor(error: ErrorInfo) {
    super(error);
    this.name = 'ApiError';
    this.details = error.details ?? {};
  }
}

export const LOCKED_EVENT = 'keywarden:locked';

async function request<K extends MessageType>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const envelope: Envelope<K> = { type, payload };
  let reply: Reply<K> | undefined;
  try {
    reply = await chrome.runtime.sendMessage<Envelope<K>, Reply<K> | undefined>(envelope);
  } catch {
    throw new ApiError({ code: 'internal', message: t('popupErrorNoAnswer') });
  }
  if (!reply) throw new ApiError({ code: 'internal', message: t('popupErrorNoAnswer') });
  if (!reply.ok) {
    if (reply.error.code === 'locked') window.dispatchEvent(new Event(LOCKED_EVENT));
    throw new ApiError(reply.error);
  }
  return reply.value;
}

/** Reads that views issue at the same moment (the header and the inventory both want the audit, for instance). */
const COALESCED: ReadonlySet<MessageType> = new Set<MessageType>([
  'vault.status',
  'vault.list',
  'audit.get',
  'incident.list',
  'liveAudit.results',
  'settings.get',
  'guard.settings',
]);
const inflight = new Map<string, Promise<unknown>>();

/**
 * Same as `send`, but keeps `details` (client.ts's MessageError drops them). Errors whose code says the vault
 * is locked also raise LOCKED_EVENT on window. Identical reads already under way share one answer, so a view and
 * the header asking for the audit at once cost the background one computation.
 */
export function call<K extends MessageType>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  if (!COALESCED.has(type)) return request(type, payload);
  const key = `${type}:${JSON.stringify(payload)}`;
  const pending = inflight.get(key) as Promise<ResponseOf<K>> | undefined;
  if (pending) return pending;
  const started = request(type, payload).finally(() => inflight.delete(key));
  inflight.set(key, started);
  return started;
}

export function errorCode(error: unknown): string {
  return error instanceof MessageError ? error.code : 'internal';
}

/**
 * Text for an error: the background's own sentence for codes it explains (they never carry secrets), a plain
 * "not available yet" for routes this build does not answer, and a generic line for anything unexpected.
 */
export function errorText(error: unknown): string {
  if (!(error instanceof MessageError)) return t('popupErrorGeneric');
  switch (error.code) {
    case 'unknown-message':
      return t('popupErrorUnavailable');
    case 'internal':
      return t('popupErrorGeneric');
    case 'locked':
      return t('popupErrorLocked');
    default:
      return error.message || t('popupErrorGeneric');
  }
}

export function errorDetails(error: unknown): NonNullable<ErrorInfo['details']> {
  return error instanceof ApiError ? error.details : {};
}
