import type { Envelope, ErrorInfo, MessageType, Reply, RequestOf, ResponseOf } from './messages';

/** A refusal or failure from the background, with its typed code. Its message never contains secret material. */
export class MessageError extends Error {
  readonly code: ErrorInfo['code'];
  /** When to retry, which input paths are wrong: never values. */
  readonly details: NonNullable<ErrorInfo['details']>;
  constructor(error: ErrorInfo) {
    super(error.message);
    this.name = 'MessageError';
    this.code = error.code;
    this.details = error.details ?? {};
  }
}

/**
 * Sends one typed message to the background and unwraps its reply. Uses the `chrome` namespace directly (promise-based
 * in MV3 on Chromium and Firefox) so content scripts need no polyfill.
 */
export async function send<K extends MessageType>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const envelope: Envelope<K> = { type, payload };
  const reply = await chrome.runtime.sendMessage<Envelope<K>, Reply<K> | undefined>(envelope);
  if (!reply) throw new MessageError({ code: 'internal', message: 'No answer from Keywarden.' });
  if (!reply.ok) throw new MessageError(reply.error);
  return reply.value;
}
