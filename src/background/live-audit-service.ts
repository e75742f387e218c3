import type { ExchangeId, FieldKind } from '../exchanges/types';
import { ALLOWLIST, assertAllowed } from '../live-audit/allowlist';
import { runLiveAudit, type FetchLike } from '../live-audit/client';
import { explainSignature, type ExplainRequest, type SignatureExplanation } from '../live-audit/explain';
import type { Credentials, LiveAuditResult } from '../live-audit/types';
import type { Vault } from '../vault/service';
import type { AuditService } from './audit-service';
import { PublicError } from './router';

/** The API origins the live audit of `exchange` talks to: its optional host permissions. */
export function auditOrigins(exchange: ExchangeId): string[] {
  return [
    ...new Set(ALLOWLIST.filter((entry) => entry.exchange === exchange).map((entry) => `${entry.origin}/*`)),
  ];
}

export interface LiveAuditDeps {
  readonly vault: Pick<Vault, 'getCredential' | 'revealField'>;
  readonly audit: Pick<AuditService, 'recordLive' | 'liveResults'>;
  readonly fetch: FetchLike;
  readonly now: () => number;
  /** Whether the user granted these optional host permissions. */
  readonly hasOrigins: (origins: string[]) => Promise<boolean>;
}

/**
 * The network side of the live audit: signs in this worker only, and sends nothing that is not on the read-only
 * allow-list (checked again here, below the client, so no code path can send anything else).
 */
export class LiveAuditService {
  private readonly guardedFetch: FetchLike;

  constructor(private readonly deps: LiveAuditDeps) {
    this.guardedFetch = (url, init) => {
      assertAllowed(init.method, url, true);
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
