/**
 * Opening an incident for one credential ("This key may be compromised"), from the inventory, an exposed-key
 * finding, the paste warning or "Revoke everything".
 */
import type { Exchange } from '../exchanges/types';
import type { CredentialMeta } from '../vault/model';
import { buildChecklist, safeHint } from './checklist';
import { findOpenIncident } from './transitions';
import type { Incident, IncidentSource, VaultEffect } from './types';

export interface OpenOptions {
  readonly source: IncidentSource;
  readonly now: number;
  readonly newId: () => string;
  /** Incidents already stored, so a second open of the same key returns the running one. */
  readonly existing: readonly Incident[];
}

export type OpenResult =
  | { readonly ok: true; readonly incident: Incident; readonly effects: readonly VaultEffect[] }
  /** An unfinished incident for this key exists: the UI shows it instead of starting over. */
  | { readonly ok: false; readonly error: 'already-open'; readonly incident: Incident }
  /** The key's secrets are destroyed or it is marked revoked: there is nothing left to revoke. */
  | { readonly ok: false; readonly error: 'already-revoked' };

export function openIncident(meta: CredentialMeta, exchange: Exchange, options: OpenOptions): OpenResult {
  const running = findOpenIncident(options.existing, meta.id);
  if (running !== undefined) return { ok: false, error: 'already-open', incident: running };
  if (meta.status === 'revoked' || meta.secretsDestroyedAt !== null)
    return { ok: false, error: 'already-revoked' };
  const incident: Incident = {
    id: options.newId(),
    credentialId: meta.id,
    exchange: meta.exchange,
    label: meta.label,
    apiKeyHint: safeHint(meta.apiKeyHint),
    openedAt: options.now,
    source: options.source,
    steps: buildChecklist(meta, exchange, options.now),
    finishedAt: null,
    replacementId: null,
  };
  return {
    ok: true,
    incident,
    effects: [{ type: 'set-status', credentialId: meta.id, status: 'compromised' }],
  };
}
