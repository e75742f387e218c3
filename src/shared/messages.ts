/**
 * The one typed message map between the background service worker and its callers (extension pages and content
 * scripts). Each route names its request and response; the background checks who sent a message and its shape
 * (see src/background/routes.ts) before a handler runs. Type-only: content scripts import nothing at run time.
 */

/** Who sent a message, as the background classifies it (see src/shared/sender.ts). */
export type SenderRole = 'extension-page' | 'content-script';

interface Route<Req, Res> {
  readonly request: Req;
  readonly response: Res;
}

export interface HealthPong {
  readonly version: string;
  /** How the background classified the caller. */
  readonly role: SenderRole;
  /** When this service-worker instance started (ms since epoch): a new value means the worker was restarted. */
  readonly workerStartedAt: number;
}

export interface MessageMap {
  'health.ping': Route<Record<string, never>, HealthPong>;
}

export type MessageType = keyof MessageMap;
export type RequestOf<K extends MessageType> = MessageMap[K]['request'];
export type ResponseOf<K extends MessageType> = MessageMap[K]['response'];

export interface Envelope<K extends MessageType = MessageType> {
  readonly type: K;
  readonly payload: RequestOf<K>;
}

/** Errors any route may answer with; features add their own codes (never with secret material in the text). */
export type ErrorCode = 'forbidden' | 'bad-request' | 'unknown-message' | 'internal';

export interface ErrorInfo {
  readonly code: ErrorCode | (string & {});
  readonly message: string;
}

export type Reply<K extends MessageType = MessageType> =
  { readonly ok: true; readonly value: ResponseOf<K> } | { readonly ok: false; readonly error: ErrorInfo };
