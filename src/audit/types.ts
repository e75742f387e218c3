/**
 * The hygiene audit's data model. Everything here is plain data: checks read a credential's metadata and the
 * exchange knowledge base and return findings; the popup renders them with `t(messageKey, substitutions)`.
 */
import type { Exchange, ExchangeId, Permission } from '../exchanges/types';
import type { CredentialMeta, CredentialStatus, Settings } from '../vault/model';
import type { MessageKey } from './messages.en';

export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Days left until `at` (rounded up, so "due later today" is 1; 0 or less once `at` has passed). */
export interface Countdown {
  readonly days: number;
  readonly at: number;
}

export interface Finding {
  readonly checkId: string;
  readonly credentialId: string;
  readonly severity: Severity;
  /** Why this is a finding: an i18n key (src/audit/messages.en.ts) and its positional values. */
  readonly messageKey: MessageKey;
  readonly substitutions: readonly string[];
  /** What to do about it, same i18n approach. */
  readonly actionKey: MessageKey;
  readonly actionSubstitutions: readonly string[];
  /** The exchange's key management page, from the knowledge base. */
  readonly link: string;
  /** 'reported' when that address comes from a non-official source (bot guides): the UI says so. */
  readonly linkConfirmation: 'confirmed' | 'reported';
  readonly countdown?: Countdown;
  /**
   * 'reported' when the finding rests on a knowledge-base fact whose source is not the exchange itself (a bot
   * vendor's help page, library code): the UI says "reported" instead of stating it as fact.
   */
  readonly confirmation: 'confirmed' | 'reported';
  /** The user acknowledged this check for this key: still listed, not scored or counted. */
  readonly acknowledged: boolean;
}

/** What the live audit (issue 9) learned from the exchange's own permission endpoint. */
export interface LiveAudit {
  readonly checkedAt: number;
  /** Permission ids as the exchange names them (the knowledge base's Permission.id). */
  readonly permissions: readonly string[];
  readonly ipRestricted: boolean | 'unknown';
}

export interface AuditContext {
  readonly now: number;
  readonly settings: Settings;
  /** Knowledge-base lookup; defaults to getExchange from src/exchanges. Injected so tests can vary policies. */
  readonly exchanges?: (id: ExchangeId) => Exchange;
  /** `${credentialId}:${checkId}` pairs the user acknowledged. */
  readonly acknowledged?: ReadonlySet<string>;
  /** Live audit results by credential id. */
  readonly liveAudits?: ReadonlyMap<string, LiveAudit>;
  /**
   * Exact duplicates found by the vault's keyed fingerprints: credential id → id of another credential that holds
   * the same api key. Read in both directions.
   */
  readonly duplicateOf?: ReadonlyMap<string, string>;
  /** The other credentials, for the stored-twice hint (auditAll fills it in). */
  readonly all?: readonly CredentialMeta[];
}

/** How the key's permissions are known to the checks (live audit results win over what the user typed). */
export interface PermissionFacts {
  readonly from: 'record' | 'live';
  /** The ids in effect (live audit or record). */
  readonly ids: readonly string[];
  /** 'unknown' when the knowledge base does not describe this exchange's permissions. */
  readonly catalogue: 'known' | 'unknown';
  /** The ids the knowledge base recognises, resolved. */
  readonly resolved: readonly Permission[];
  /** Ids the knowledge base does not recognise (empty when the catalogue is unknown). */
  readonly unrecognised: readonly string[];
  /**
   * Whether the check can tell what the key may do: 'unknown' when nothing is recorded, the catalogue is unknown,
   * or some id is unrecognised (an unrecognised id could be a withdrawal right).
   */
  readonly state: 'known' | 'unknown';
  /** Confirmation of the knowledge base's permission catalogue (for findings built on it). */
  readonly confirmation: 'confirmed' | 'reported';
}

/** What a check sees: one credential, resolved against the knowledge base and the live audit. */
export interface CheckContext {
  readonly meta: CredentialMeta;
  readonly exchange: Exchange;
  readonly now: number;
  readonly settings: Settings;
  readonly permissions: PermissionFacts;
  /** The IP allow-list state in effect (live audit when it knows, otherwise the record). */
  readonly ipAllowlist: 'list' | 'none' | 'unknown';
  readonly liveAudit: LiveAudit | null;
  readonly others: readonly CredentialMeta[];
  readonly duplicateOf: ReadonlyMap<string, string>;
}

export interface Check {
  /** Kebab-case; equals the file name under src/audit/checks. */
  readonly id: string;
  /** The usual severity; a check may raise or lower it per finding (each check documents when). */
  readonly severity: Severity;
  /** 'revoked' checks run only on revoked keys; 'in-use' checks only on the others. */
  readonly runsOn: 'in-use' | 'revoked';
  /** Every i18n key the check may produce (checked by the meta-test). */
  readonly messageKeys: readonly MessageKey[];
  run(ctx: CheckContext): Finding[];
}

export interface Penalty {
  readonly checkId: string;
  readonly severity: Severity;
  readonly points: number;
}

export interface KeyAudit {
  readonly credentialId: string;
  readonly status: CredentialStatus;
  /** 0–100; 100 means no unacknowledged finding costs points. */
  readonly score: number;
  /** Every finding, acknowledged ones included, worst first. */
  readonly findings: readonly Finding[];
  /** Why the score is what it is: one entry per check that cost points. */
  readonly penalties: readonly Penalty[];
}

export interface OverallAudit {
  /** The lowest score of any key not revoked (100 with no such key). */
  readonly score: number;
  /** Unacknowledged findings of every key (revoked ones included, so it matches the list), by severity. */
  readonly counts: Readonly<Record<Severity, number>>;
  readonly acknowledged: number;
  readonly keysNeedingAction: number;
}

export interface AuditResult {
  readonly perKey: ReadonlyMap<string, KeyAudit>;
  readonly overall: OverallAudit;
}
