import type { KnownValueIndex } from '../detector/known-values';
import type { FieldKind } from '../exchanges/types';
import type { CredentialMeta } from '../vault/model';
import type { GuardIndex, GuardRef } from './types';

export interface GuardIndexInput {
  readonly known: KnownValueIndex;
  readonly credentials: readonly CredentialMeta[];
  /** Sites the user allowed a key on from the warning, by credential id. */
  readonly allowances: Readonly<Record<string, readonly string[]>>;
  readonly disabledHosts: readonly string[];
}

/** Splits a known-value ref (`credentialId:field`) as the vault writes it. */
export function parseRef(ref: string): { credentialId: string; field: FieldKind } | null {
  const at = ref.lastIndexOf(':');
  if (at <= 0) return null;
  const field = ref.slice(at + 1);
  if (field !== 'apiKey' && field !== 'secret' && field !== 'privateKey' && field !== 'passphrase')
    return null;
  return { credentialId: ref.slice(0, at), field };
}

/** The sites where a key may be pasted silently: its "used by" domains and the user's allowances for it. */
export function allowedHostsOf(meta: CredentialMeta, allowances: GuardIndexInput['allowances']): string[] {
  const hosts = new Set<string>(allowances[meta.id] ?? []);
  for (const usage of meta.usedBy) if (usage.domain) hosts.add(usage.domain);
  return [...hosts].sort();
}

/** Builds the index content scripts read (see GuardIndex): hashes, refs and site rules, no plaintext, no labels. */
export function buildGuardIndex(input: GuardIndexInput): GuardIndex {
  const byId = new Map(input.credentials.map((meta) => [meta.id, meta]));
  const refs: Record<string, GuardRef> = {};
  const entries: (readonly [string, string])[] = [];
  for (const [hash, ref] of input.known.entries) {
    const parsed = parseRef(ref);
    const meta = parsed && byId.get(parsed.credentialId);
    if (!parsed || !meta) continue;
    entries.push([hash, ref]);
    refs[ref] ??= {
      credentialId: meta.id,
      exchange: meta.exchange,
      field: parsed.field,
      allowedHosts: allowedHostsOf(meta, input.allowances),
    };
  }
  return {
    version: 1,
    seed: input.known.seed,
    entries,
    refs,
    disabledHosts: [...input.disabledHosts].sort(),
  };
}
