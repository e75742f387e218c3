import { getExchange } from '../exchanges/index';
import type { ExchangeId, FieldKind } from '../exchanges/types';
import { ALLOWLIST, assertAllowed, type AllowScope } from '../live-audit/allowlist';
import { runLiveAudit, type FetchLike } from '../live-audit/client';
import { explainSignature, type ExplainRequest, type SignatureExplanation } from '../live-audit/explain';
import { canRevoke, runRevoke } from '../live-audit/revoke';
import { toBase64Url } from '../live-audit/sign';
import type { Credentials, LiveAuditResult, RevokeResult } from '../live-audit/types';
import type { IncidentView, RevokeOutcome, RevokePrepared } from '../shared/messages';
import type { Vault } from '../vault/service';
import type { AuditService } from './audit-service';
import type { KeyValueStore } from './guard-service';
import type { IncidentService } from './incident-service';
import { PublicError } from './router';

function originsOf(exchange: ExchangeId, scope: AllowScope): string[] {
  const purposes = scope === 'audit' ? ['permissions', 'time'] : ['time', 'revoke'];
  return [
    ...new Set(
      ALLOWLIST.filter((entry) => entry.exchange === exchange && purposes.includes(entry.purpose)).map(
        (entry) => `${entry.origin}/*`,
      ),
    ),
  ];
}

/** The API origins the live audit of `exchange` talks to: its optional host permissions. */
export function auditOrigins(exchange: ExchangeId): string[] {
  return originsOf(exchange, 'audit');
}

/** The API origins "Revoke via API" talks to (empty when the exchange has no confirmed self-delete). */
export function revokeOrigins(exchange: ExchangeId): string[] {
  return canRevoke(exchange) ? originsOf(exchange, 'revoke') : [];
}

/** How long the confirmation of "Revoke via API" stays valid: enough for one click, not for a stale dialog. */
export const REVOKE_CONFIRM_MS = 60_000;
/** Local-storage key of the last "Revoke via API" outcome per credential. */
export const REVOCATIONS_KEY = 'liveAudit.revocations';

export interface LiveAuditDeps {
  readonly vault: Pick<Vault, 'getCredential' | 'revealField'>;
  readonly audit: Pick<AuditService, 'recordLive' | 'liveResults'>;
  readonly incidents: Pick<IncidentService, 'list' | 'setStep'>;
  /** Where revoke outcomes are recorded (the background's private state). */
  readonly store: KeyValueStore;
  readonly fetch: FetchLike;
  readonly now: () => number;
  /** Whether the user granted these optional host permissions. */
  readonly hasOrigins: (origins: string[]) => Promise<boolean>;
}

interface PendingRevoke {
  readonly credentialId: string;
  readonly expiresAt: number;
}

/**
 * The network side of the live audit: signs in this worker only, and sends nothing that is not on the read-only
 * allow-list (checked again here, below the client, so no code path can send anything else).
 */
export class LiveAuditService {
  private readonly guardedFetch: FetchLike;
  /** The only fetch that can reach a self-delete endpoint; used by revoke() alone. */
  private readonly revokeFetch: FetchLike;
  /**
   * One-time confirmations of "Revoke via API", by token. In memory only: prepare and revoke come from one click,
   * and a worker restart in between simply asks the user to confirm again.
   */
  private readonly pending = new Map<string, PendingRevoke>();

  constructor(private readonly deps: LiveAuditDeps) {
    // The guards cannot tell signed from unsigned requests (the client checks that itself), so they accept any
    // entry of their scope; a guard demanding "signed" refused the public time requests and so every clock sync.
    this.guardedFetch = (url, init) => {
      assertAllowed(init.method, url, false, 'audit');
      return deps.fetch(url, init);
    };
    this.revokeFetch = (url, init) => {
      assertAllowed(init.method, url, false, 'revoke');
      return deps.fetch(url, init);
    };
  }

  private async credentials(
    credentialId: string,
  ): Promise<{ exchange: ExchangeId; credentials: Credentials }> {
    const meta = await this.deps.vault.getCredential(credentialId);
    const read = async (field: FieldKind) =>
      meta.storedFields.includes(field) ? this.deps.vault.revealField(meta.id, field) : undefined;
    const apiKey = await read('apiKey');
    if (!apiKey) throw new PublicError('invalid-input', 'This key has no API key stored.');
    const [secret, passphrase, privateKey] = await Promise.all([
      read('secret'),
      read('passphrase'),
      read('privateKey'),
    ]);
    return {
      exchange: meta.exchange,
      credentials: {
        apiKey,
        ...(secret ? { secret } : {}),
        ...(passphrase ? { passphrase } : {}),
        ...(privateKey ? { privateKey } : {}),
      },
    };
  }

  async run(credentialId: string): Promise<LiveAuditResult> {
    const meta = await this.deps.vault.getCredential(credentialId);
    const origins = auditOrigins(meta.exchange);
    if (origins.length === 0) {
      throw new PublicError(
        'unsupported',
        'This exchange has no endpoint that reports a key’s own permissions.',
      );
    }
    if (!(await this.deps.hasOrigins(origins))) {
      throw new PublicError('permission-needed', 'Allow Keywarden to reach this exchange’s API first.');
    }
    const { exchange, credentials } = await this.credentials(credentialId);
    let result: LiveAuditResult;
    try {
      result = await runLiveAudit(exchange, credentials, { fetch: this.guardedFetch, now: this.deps.now });
    } catch (error) {
      // Missing fields or a key the signer cannot read: say which, never how.
      const message =
        error instanceof Error && error.name === 'SigningError'
          ? error.message
          : 'The key could not be used to sign.';
      throw new PublicError('invalid-input', message);
    }
    await this.deps.audit.recordLive(credentialId, result);
    return result;
  }

  /**
   * First half of "Revoke via API": names the key and hands out a random one-time token, valid for
   * REVOKE_CONFIRM_MS, that revoke() must present. Nothing is sent to the exchange here.
   */
  async prepareRevoke(credentialId: string): Promise<RevokePrepared> {
    const meta = await this.deps.vault.getCredential(credentialId);
    if (!canRevoke(meta.exchange)) {
      throw new PublicError(
        'unsupported',
        `${getExchange(meta.exchange).name} has no confirmed way for a key to delete itself through its API.`,
      );
    }
    if (meta.status === 'revoked') {
      throw new PublicError('already-revoked', 'This key is already revoked.');
    }
    const now = this.deps.now();
    for (const [token, entry] of this.pending) if (entry.expiresAt <= now) this.pending.delete(token);
    const token = toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
    const expiresAt = now + REVOKE_CONFIRM_MS;
    this.pending.set(token, { credentialId, expiresAt });
    return { token, label: meta.label, apiKeyHint: meta.apiKeyHint, expiresAt };
  }

  /**
   * Second half: deletes the key at the exchange with its own credentials, given a token from prepareRevoke()
   * for this key that is neither expired nor used. The token is spent whatever happens next. On success the open
   * incident's revoke step is ticked.
   */
  async revoke(credentialId: string, confirm: string): Promise<RevokeOutcome> {
    const pending = this.pending.get(confirm);
    this.pending.delete(confirm);
    if (
      pending === undefined ||
      pending.credentialId !== credentialId ||
      pending.expiresAt <= this.deps.now()
    ) {
      throw new PublicError(
        'confirmation-needed',
        'Deleting a key at the exchange needs a fresh confirmation. Confirm again.',
      );
    }
    const meta = await this.deps.vault.getCredential(credentialId);
    const origins = revokeOrigins(meta.exchange);
    if (origins.length === 0) {
      throw new PublicError('unsupported', 'This exchange has no confirmed API revoke.');
    }
    if (!(await this.deps.hasOrigins(origins))) {
      throw new PublicError('permission-needed', 'Allow Keywarden to reach this exchange’s API first.');
    }
    const { exchange, credentials } = await this.credentials(credentialId);
    let result: RevokeResult;
    try {
      result = await runRevoke(exchange, credentials, { fetch: this.revokeFetch, now: this.deps.now });
    } catch (error) {
      const message =
        error instanceof Error && error.name === 'SigningError'
          ? error.message
          : 'The key could not be used to sign.';
      throw new PublicError('invalid-input', message);
    }
    await this.record(credentialId, result);
    return { result, incident: await this.openIncident(credentialId, result.state === 'revoked') };
  }

  private async record(credentialId: string, result: RevokeResult): Promise<void> {
    const stored = await this.deps.store.get(REVOCATIONS_KEY);
    const all = typeof stored === 'object' && stored !== null ? (stored as Record<string, RevokeResult>) : {};
    await this.deps.store.set(REVOCATIONS_KEY, { ...all, [credentialId]: result });
  }

  /** The key's open incident, with its revoke step ticked when `revoked`. */
  private async openIncident(credentialId: string, revoked: boolean): Promise<IncidentView | null> {
    const open = (await this.deps.incidents.list()).find(
      (view) => view.incident.credentialId === credentialId && view.incident.finishedAt === null,
    );
    if (open === undefined) return null;
    const step = open.incident.steps.find((s) => s.kind === 'revoke');
    if (!revoked || step === undefined || step.doneAt !== null) return open;
    try {
      return await this.deps.incidents.setStep(open.incident.id, step.id, true);
    } catch {
      // The key is deleted either way; the user can still tick the step by hand.
      console.warn('Keywarden: the revoke step could not be ticked after revoking via the API.');
      return open;
    }
  }

  results(): Promise<Record<string, LiveAuditResult>> {
    return this.deps.audit.liveResults();
  }

  async explain(
    exchange: ExchangeId,
    request: ExplainRequest,
    key: { credentialId: string } | { test: Credentials },
  ): Promise<SignatureExplanation> {
    const credentials = 'test' in key ? key.test : (await this.credentials(key.credentialId)).credentials;
    if (
      'credentialId' in key &&
      (await this.deps.vault.getCredential(key.credentialId)).exchange !== exchange
    ) {
      throw new PublicError('invalid-input', 'This stored key belongs to another exchange.');
    }
    try {
      return await explainSignature(exchange, request, credentials);
    } catch (error) {
      const message =
        error instanceof Error && error.name === 'SigningError'
          ? error.message
          : 'This request cannot be signed.';
      throw new PublicError('invalid-input', message);
    }
  }
}
