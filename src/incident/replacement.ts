/**
 * The replacement key in one step: everything about the new key that can be carried over from the compromised one,
 * so the form only asks for the new secrets. Dangerous permissions are not carried over (least privilege), nor are
 * permissions the knowledge base does not know (they might be dangerous).
 */
import type { Exchange } from '../exchanges/types';
import type { CredentialInput, CredentialMeta } from '../vault/model';
import { assessRisk } from './risk';

export type ReplacementDraft = Required<Omit<CredentialInput, 'secrets'>>;

export function replacementDraft(old: CredentialMeta, exchange: Exchange, now: number): ReplacementDraft {
  const { known } = assessRisk(old, exchange);
  return {
    exchange: old.exchange,
    label: old.label,
    permissions: known.filter((p) => !p.dangerous).map((p) => p.id),
    // Same apps, so the same addresses; "none" is not carried over, the checklist asks for an allow-list.
    ipAllowlist: old.ipAllowlist.state === 'list' ? old.ipAllowlist : { state: 'unknown' },
    // Created during the incident; the form lets the user correct it.
    createdAt: now,
    lastRotatedAt: null,
    expiresAt: null,
    usedBy: old.usedBy,
    notes: '',
    status: 'active',
    replaces: old.id,
  };
}
