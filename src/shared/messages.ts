/**
 * The one typed message map between the background service worker and its callers (extension pages and content
 * scripts). Each route names its request and response; the background checks who sent a message and its shape
 * (see src/background/routes.ts) before a handler runs. Type-only: content scripts import nothing at run time.
 */

import type { GuardChoice, GuardEvent, GuardSettings, Severity, ShapeHit } from '../guard/types';
import type { KeyAudit, OverallAudit } from '../audit/types';
import type { ExchangeId, FieldKind } from '../exchanges/types';
import type {
  CombinedChecklist,
  Incident,
  IncidentSource,
  Progress,
  RevokeAllScope,
  RevokeAllSession,
} from '../incident';
import type { ExplainRequest, SignatureExplanation } from '../live-audit/explain';
import type { Credentials, LiveAuditResult, RevokeResult } from '../live-audit/types';
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

/** The audit as the popup receives it: per-key results as a record (Maps do not cross the message channel). */
export interface AuditSnapshot {
  readonly perKey: Readonly<Record<string, KeyAudit>>;
  readonly overall: OverallAudit;
  readonly badge: number;
  readonly computedAt: number;
}

export interface IncidentView {
  readonly incident: Incident;
  readonly progress: Progress;
}

export interface RevokeAllView {
  readonly session: RevokeAllSession;
  readonly checklist: CombinedChecklist;
  /** Keys in scope that were already revoked. */
  readonly skipped: readonly string[];
}

/** The first half of "Revoke via API": what is about to be deleted, and the one-time confirmation token. */
export interface RevokePrepared {
  /** Random, single use, valid until `expiresAt`; 'liveAudit.revoke' refuses any other. */
  readonly token: string;
  readonly label: string;
  readonly apiKeyHint: string | null;
  readonly expiresAt: number;
}

export interface RevokeOutcome {
  readonly result: RevokeResult;
  /** The key's open incident (its revoke step ticked when the key was revoked), or null when none is open. */
  readonly incident: IncidentView | null;
}

export interface ReminderSettings {
  /** Notify before an exchange expires a key; needs the optional notifications permission. */
  readonly notifyExpiry: boolean;
}

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

  // Hygiene audit.
  'audit.get': Route<Empty, AuditSnapshot>;
  'audit.acknowledge': Route<
    { readonly credentialId: string; readonly checkId: string; readonly acknowledged: boolean },
    AuditSnapshot
  >;
  'reminders.get': Route<Empty, ReminderSettings>;
  'reminders.set': Route<ReminderSettings, ReminderSettings>;

  // Compromise response.
  'incident.open': Route<{ readonly credentialId: string; readonly source: IncidentSource }, IncidentView>;
  'incident.list': Route<Empty, readonly IncidentView[]>;
  'incident.get': Route<{ readonly id: string }, IncidentView>;
  'incident.setStep': Route<
    { readonly id: string; readonly stepId: string; readonly done: boolean },
    IncidentView
  >;
  /** Needs the vault unlocked: finishing destroys the key's secret fields. */
  'incident.finish': Route<{ readonly id: string }, IncidentView>;
  'incident.linkReplacement': Route<{ readonly id: string; readonly replacementId: string }, IncidentView>;
  'incident.setNote': Route<{ readonly id: string; readonly note: string }, IncidentView>;
  'incident.report': Route<
    { readonly id: string; readonly format: 'markdown' | 'json' },
    { readonly fileName: string; readonly text: string }
  >;
  'incident.revokeAll': Route<{ readonly scope: RevokeAllScope }, RevokeAllView>;
  'incident.revokeAllGet': Route<{ readonly sessionId: string }, RevokeAllView>;
  'incident.revokeAllSetStep': Route<
    { readonly sessionId: string; readonly stepId: string; readonly done: boolean },
    RevokeAllView
  >;

  // Live key audit and signature checker (signing happens only here, in the background).
  'liveAudit.run': Route<{ readonly credentialId: string }, LiveAuditResult>;
  'liveAudit.results': Route<Empty, Readonly<Record<string, LiveAuditResult>>>;
  /** "Revoke via API", first step: a one-time token for the key (nothing is sent to the exchange). */
  'liveAudit.revokePrepare': Route<{ readonly credentialId: string }, RevokePrepared>;
  /** "Revoke via API", second step: deletes the key at the exchange; refused without a fresh, unused token. */
  'liveAudit.revoke': Route<{ readonly credentialId: string; readonly confirm: string }, RevokeOutcome>;
  'signature.explain': Route<
    {
      readonly exchange: ExchangeId;
      readonly request: ExplainRequest;
      /** A stored key (the vault must be unlocked), or test credentials typed by the user. */
      readonly key: { readonly credentialId: string } | { readonly test: Credentials };
    },
    SignatureExplanation
  >;

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
