/**
 * The one typed message map between the background service worker and its callers (extension pages and content
 * scripts). Each route names its request and response; the background checks who sent a message and its shape
 * (see src/background/routes.ts) before a handler runs. Type-only: content scripts import nothing at run time.
 */

import type { GuardChoice, GuardEvent, GuardSettings, Severity, ShapeHit } from '../guard/types';
import type { FieldKind } from '../exchanges/types';
import type { CredentialInput, CredentialMeta, CredentialPatch, Settings } from '../vault/model';
import type {
  CredentialListing,
  ExportResult,
  ImportPreview,
  ImportResult,
  VaultStatus,
} from '../vault/service';
import type { ImportChoices } from '../vault/backup';

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

export interface GuardHeldRequest {
  readonly kind: 'paste' | 'drop';
  readonly severity: Severity;
  /** The stored value the content script recognised, by its opaque ref (`credentialId:field`). */
  readonly stored: { readonly ref: string } | null;
  readonly shape: ShapeHit | null;
}

export interface GuardHeldReply {
  readonly eventId: string;
  /** The stored key's label, for the warning's title. */
  readonly label: string | null;
}

type Empty = Record<string, never>;

export interface MessageMap {
  'health.ping': Route<Empty, HealthPong>;

  // Vault: extension pages only. Content scripts never receive stored plaintext.
  'vault.status': Route<Empty, VaultStatus>;
  'vault.create': Route<{ readonly passphrase: string }, VaultStatus>;
  'vault.unlock': Route<{ readonly passphrase: string }, VaultStatus>;
  'vault.lock': Route<Empty, VaultStatus>;
  'vault.changePassphrase': Route<
    { readonly oldPassphrase: string; readonly newPassphrase: string },
    VaultStatus
  >;
  'vault.list': Route<Empty, CredentialListing>;
  'vault.add': Route<{ readonly input: CredentialInput }, CredentialMeta>;
  'vault.update': Route<{ readonly id: string; readonly patch: CredentialPatch }, CredentialMeta>;
  'vault.delete': Route<{ readonly id: string }, { readonly deleted: true }>;
  'vault.reveal': Route<{ readonly id: string; readonly field: FieldKind }, { readonly value: string }>;
  /** Remembers a copied value's keyed hash so the clipboard can be cleared later, only if it still holds it. */
  'vault.copied': Route<
    { readonly id: string; readonly field: FieldKind },
    { readonly clearsAt: number | null }
  >;
  'vault.export': Route<{ readonly password: string }, ExportResult>;
  'vault.importPreview': Route<{ readonly file: string; readonly password: string }, ImportPreview>;
  'vault.importApply': Route<
    { readonly file: string; readonly password: string; readonly choices: ImportChoices },
    ImportResult
  >;
  'settings.get': Route<Empty, Settings>;
  'settings.set': Route<{ readonly patch: Partial<Settings> }, Settings>;

  // Paste guard settings and history, for the popup.
  'guard.settings': Route<Empty, GuardSettings>;
  'guard.events': Route<Empty, readonly GuardEvent[]>;
  'guard.setSiteDisabled': Route<{ readonly host: string; readonly disabled: boolean }, GuardSettings>;
  'guard.removeAllowance': Route<{ readonly credentialId: string; readonly host: string }, GuardSettings>;

  /** A content script held a paste or drop: record it (the site comes from the sender, never from the payload). */
  'guard.held': Route<GuardHeldRequest, GuardHeldReply>;
  /** The user's choice on the warning; "paste anyway" of a stored secret on a site not allowed marks it exposed. */
  'guard.choice': Route<
    { readonly eventId: string; readonly choice: GuardChoice },
    { readonly recorded: true }
  >;
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
  /** Non-secret details a caller may act on: when to retry, which input paths are wrong. */
  readonly details?: { readonly retryAt?: number; readonly issues?: readonly string[] };
}

export type Reply<K extends MessageType = MessageType> =
  { readonly ok: true; readonly value: ResponseOf<K> } | { readonly ok: false; readonly error: ErrorInfo };
