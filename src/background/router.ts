import * as v from 'valibot';
import type {
  Envelope,
  ErrorInfo,
  MessageType,
  Reply,
  RequestOf,
  ResponseOf,
  SenderRole,
} from '../shared/messages';
import { isVaultError } from '../vault/errors';
import { classifySender, type SelfInfo, type SenderInfo } from '../shared/sender';

export interface HandlerContext {
  readonly role: SenderRole;
  readonly sender: SenderInfo;
}

export interface RouteSpec<K extends MessageType> {
  /** Who may send this message. Vault operations are for extension pages only; content scripts get verdicts. */
  readonly from: readonly SenderRole[];
  /** The payload's exact shape; anything else is refused before the handler runs. */
  readonly payload: v.GenericSchema<unknown, RequestOf<K>>;
  readonly handle: (payload: RequestOf<K>, context: HandlerContext) => Promise<ResponseOf<K>> | ResponseOf<K>;
}

/** Every message the background answers: exhaustive, so adding a message to the map forces a handler. */
/** The `from` list of every route that only the extension's own pages may call (all vault operations, for one). */
export const PAGES_ONLY: readonly SenderRole[] = ['extension-page'];

export type Routes = { readonly [K in MessageType]: RouteSpec<K> };

/** What dispatch needs: any subset of the routes (tests pass one or two). */
export type RouteTable = { readonly [K in MessageType]?: RouteSpec<K> };

/** An error whose code and message are safe to show to the caller (they never contain secret material). */
export class PublicError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'PublicError';
  }
}

const envelopeSchema = v.strictObject({ type: v.string(), payload: v.unknown() });

function fail(code: string, message: string): Reply {
  return { ok: false, error: { code, message } };
}

function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof PublicError) return { code: error.code, message: error.message };
  if (isVaultError(error)) {
    // Vault messages are fixed sentences that never quote input; details are paths and times, never values.
    const { retryAt, issues } = error.details;
    return { code: error.code, message: error.message, details: { retryAt, issues } };
  }
  // Unknown errors may carry anything in their text: log only the kind, answer with a generic message.
  console.error('Keywarden: handler failed:', error instanceof Error ? error.name : typeof error);
  return { code: 'internal', message: 'Something went wrong inside Keywarden.' };
}

/**
 * Dispatches one message: checks the sender, the envelope and the payload shape, then runs the handler.
 * Always resolves to a Reply; never throws to the caller.
 */
export async function dispatch(
  routes: RouteTable,
  message: unknown,
  sender: SenderInfo,
  self: SelfInfo,
): Promise<Reply> {
  const role = classifySender(sender, self);
  if (!role) return fail('forbidden', 'This sender may not talk to Keywarden.');
  const envelope = v.safeParse(envelopeSchema, message);
  if (!envelope.success) return fail('bad-request', 'Malformed message.');
  const { type, payload } = envelope.output;
  const route = Object.hasOwn(routes, type)
    ? (routes as Record<string, RouteSpec<MessageType>>)[type]
    : undefined;
  if (!route) return fail('unknown-message', 'Unknown message type.');
  if (!route.from.includes(role)) return fail('forbidden', 'This message is not allowed from here.');
  const parsed = v.safeParse(route.payload, payload);
  if (!parsed.success) return fail('bad-request', `Malformed payload for ${type}.`);
  try {
    const value = await route.handle(parsed.output, { role, sender });
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}

export type { Envelope };
