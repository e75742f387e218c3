/**
 * The model of a compromise response ("incident") for one credential: a checklist generated from the exchange
 * knowledge base, with a timestamp per step. Plain data only, so the background can keep it in IndexedDB and the
 * popup can render it after any restart.
 *
 * Text is stored as i18n keys (public/_locales messages), never as rendered English. Every key of a step (title and
 * details) reads its values from the step's one positional `substitutions` list, so the popup renders any of them
 * with `t(key, step.substitutions)` (chrome.i18n.getMessage semantics: placeholder content `$1` is the first entry).
 */
import type { ExchangeId } from '../exchanges/types';

export const INCIDENT_SOURCES = ['popup', 'paste-warning', 'audit-finding', 'revoke-all'] as const;
/** Where the user said "This key may be compromised". */
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];

export const STEP_KINDS = [
  'revoke',
  'review-activity',
  'replace',
  'update-app',
  'support',
  'secure-account',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export interface StepLink {
  readonly labelKey: string;
  /** Positional values for `labelKey` (a knowledge-base page name, for instance). */
  readonly labelSubstitutions: readonly string[];
  /** Always https on one of the exchange's own hosts (checked with isOfficialUrl when the checklist is built). */
  readonly url: string;
  /** The address comes from a non-official source (bot guides, our own guess): the UI says "reported". */
  readonly reported: boolean;
}

export interface Step {
  /** Unique within its incident: the kind, plus an index for update-app steps ('update-app-0', …). */
  readonly id: string;
  readonly kind: StepKind;
  /** Part of the under-a-minute part; finishing an incident needs every urgent step done. */
  readonly urgent: boolean;
  readonly titleKey: string;
  readonly detailKeys: readonly string[];
  /** Positional values shared by titleKey and every detail key of this step. */
  readonly substitutions: readonly string[];
  readonly links: readonly StepLink[];
  /** When the user ticked the step (epoch ms), or null while it is open. */
  readonly doneAt: number | null;
}

export interface Incident {
  readonly id: string;
  readonly credentialId: string;
  readonly exchange: ExchangeId;
  /** Snapshot of the credential's label when the incident was opened. */
  readonly label: string;
  /** Masked api key ("AbCd…wXyZ") or null; never more than the vault's own hint. */
  readonly apiKeyHint: string | null;
  readonly openedAt: number;
  readonly source: IncidentSource;
  readonly steps: readonly Step[];
  /** Set once the urgent steps are done and the user finished; the key then counts as revoked. */
  readonly finishedAt: number | null;
  /** Credential id of the key that replaces this one. */
  readonly replacementId: string | null;
  /** The user's own words; kept out of exported reports (it is free text and could hold anything). */
  readonly note?: string;
}

/** What the background must do in the vault after a transition; transitions themselves touch nothing. */
export type VaultEffect =
  | { readonly type: 'set-status'; readonly credentialId: string; readonly status: 'compromised' | 'revoked' }
  | { readonly type: 'destroy-secrets'; readonly credentialId: string }
  /** Patch the replacement credential so the rotation chain points back at the compromised one. */
  | { readonly type: 'set-replaces'; readonly credentialId: string; readonly replaces: string };

export interface Progress {
  readonly done: number;
  readonly total: number;
  readonly urgentDone: number;
  readonly urgentTotal: number;
  /** Every urgent step is done, so the incident can be finished. */
  readonly canFinish: boolean;
  /**
   * - `open`: an urgent step is still open;
   * - `urgent-done`: the urgent part is done but the incident is not finished;
   * - `finished`: finished, some follow-up steps still open;
   * - `complete`: finished and every step done.
   */
  readonly state: 'open' | 'urgent-done' | 'finished' | 'complete';
}
