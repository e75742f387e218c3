/**
 * Fixtures for the incident tests: credential metadata as the vault would return it (no secrets).
 */
import type { ExchangeId } from '../exchanges/types';
import type { CredentialMeta } from '../vault/model';

export const T0 = Date.UTC(2025, 0, 31, 14, 2, 0);

export function makeMeta(
  overrides: Partial<CredentialMeta> & { exchange?: ExchangeId } = {},
): CredentialMeta {
  return {
    id: 'cred-1',
    exchange: 'binance',
    label: 'main bot',
    apiKeyHint: 'AbCd…wXyZ',
    storedFields: ['apiKey', 'secret'],
    permissions: [],
    ipAllowlist: { state: 'none' },
    createdAt: T0 - 100 * 86_400_000,
    lastRotatedAt: null,
    expiresAt: null,
    usedBy: [],
    notes: '',
    status: 'active',
    replaces: null,
    addedAt: T0 - 100 * 86_400_000,
    updatedAt: T0 - 100 * 86_400_000,
    secretsDestroyedAt: null,
    ...overrides,
  };
}

/** Sequential ids, as the background's generator would give unique ones. */
export function idGenerator(prefix = 'inc'): () => string {
  let n = 0;
  return () => {
    n += 1;
    return `${prefix}-${n}`;
  };
}
