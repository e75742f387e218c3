/**
 * The popup's one door to the background: `send` from src/shared/client.ts, plus a "locked" signal so the app can
 * fall back to the unlock screen whenever the vault locks itself while a view is open.
 */
import { MessageError, send } from '../shared/client';
import type { ErrorInfo, MessageType, RequestOf, ResponseOf } from '../shared/messages';
import { t } from '../shared/i18n';

export const LOCKED_EVENT = 'keywarden:locked';

/** `send`, plus the "locked" signal, and a plain error when the background cannot be reached at all. */
async function request<K extends MessageType>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  try {
    return await send(type, payload);
  } catch (error) {
    if (!(error instanceof MessageError)) {
      throw new MessageError({ code: 'internal', message: t('popupErrorNoAnswer') });
    }
    if (error.code === 'locked') window.dispatchEvent(new Event(LOCKED_EVENT));
    throw error;
  }
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
 * Sends one message (see `request`). Identical reads already under way share one answer, so a view and
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
  return error instanceof MessageError ? error.details : {};
}
