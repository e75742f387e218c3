/**
 * The vault's one IndexedDB schema and its upgrade ladder.
 *
 * Rule for every caller: a transaction must never wait on anything but IndexedDB. Awaiting WebCrypto (or a
 * message, a timer, storage.session) inside one lets it auto-commit half-way
 * (https://github.com/jakearchibald/idb#transaction-lifetime). So all encryption, decryption and hashing happens
 * before a transaction opens or after it completes; each write is one transaction so it is all-or-nothing.
 *
 * Versions:
 * - v1: `meta`, `credentials` (usage as a list of names: `usedIn: string[]`), `secrets`.
 * - v2: usage becomes `usedBy: {kind, name, domain}[]`, `secretsDestroyedAt` is added, a `by-replaces` index, and the
 *   paste-guard stores `fingerprints` and `knownValues` with a per-install key and seed. Fingerprints need the
 *   plaintext, which an upgrade cannot decrypt (no key, and no crypto inside a transaction), so the upgrade leaves a
 *   `reindex` marker and the next unlock fills them in.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { FieldKind } from '../exchanges/types';
import { randomBytes, type Bytes } from './bytes';
import { newFingerprintKey } from './fingerprint';
import type { KdfParams } from './kdf';
import type { CredentialMeta, Settings } from './model';

export const DB_NAME = 'keywarden-vault';
export const DB_VERSION = 2;
export const KNOWN_VALUE_SEED_BYTES = 16;

export interface HeaderRecord {
  readonly k: 'header';
  /** Layout of this record. */
  readonly v: 1;
  readonly vaultId: string;
  readonly createdAt: number;
  readonly kdf: KdfParams;
  readonly verifier: Bytes;
  /** The data key, sealed under the passphrase-derived key (see kdf.ts). */
  readonly wrappedKey: Bytes;
  readonly passphraseChangedAt: number;
}

/** Per-install keys for the paste guard; usable while locked, so stored in clear. */
export interface InstallRecord {
  readonly k: 'install';
  readonly fingerprintKey: Bytes;
  readonly knownValueSeed: Bytes;
}

export interface SettingsRecord {
  readonly k: 'settings';
  readonly settings: Settings;
}

/** Failed unlock attempts, persisted so a worker restart does not reset the delay. */
export interface BackoffRecord {
  readonly k: 'backoff';
  readonly failures: number;
  readonly retryAt: number | null;
}

export interface ReindexRecord {
  readonly k: 'reindex';
  readonly since: number;
}

export type MetaRecord = HeaderRecord | InstallRecord | SettingsRecord | BackoffRecord | ReindexRecord;
export type MetaKey = MetaRecord['k'];
export type MetaOf<K extends MetaKey> = Extract<MetaRecord, { k: K }>;

export interface SecretRecord {
  readonly credentialId: string;
  readonly field: FieldKind;
  readonly envelope: Bytes;
}

export interface FingerprintRecord {
  readonly credentialId: string;
  readonly field: FieldKind;
  /** Hex HMAC-SHA256. */
  readonly fp: string;
}

export interface KnownValueRecord {
  readonly credentialId: string;
  readonly field: FieldKind;
  /** The detector's 64-bit hash, 16 hex characters. */
  readonly hash: string;
}

export interface VaultDB extends DBSchema {
  meta: { key: MetaKey; value: MetaRecord };
  credentials: { key: string; value: CredentialMeta; indexes: { 'by-replaces': string } };
  secrets: { key: [string, FieldKind]; value: SecretRecord };
  fingerprints: { key: [string, FieldKind, string]; value: FingerprintRecord; indexes: { 'by-fp': string } };
  knownValues: { key: [string, FieldKind, string]; value: KnownValueRecord };
}

export type VaultDatabase = IDBPDatabase<VaultDB>;
export type UpgradeTransaction = IDBPTransaction<VaultDB, StoreNames<VaultDB>[], 'versionchange'>;

/** Every record whose key starts with `credentialId`, in the stores keyed by `[credentialId, …]`. */
export function credentialKeyRange(credentialId: string): IDBKeyRange {
  // An array sorts after every string, so [id, []] is above every [id, field, …] key.
  return IDBKeyRange.bound([credentialId], [credentialId, []]);
}

function createV1(db: VaultDatabase): void {
  db.createObjectStore('meta', { keyPath: 'k' });
  db.createObjectStore('credentials', { keyPath: 'id' });
  db.createObjectStore('secrets', { keyPath: ['credentialId', 'field'] });
}

/** v1 credential → v2: usage names become usage entries of unknown kind; nothing else changes. */
export function migrateCredentialV1(record: unknown): unknown {
  if (typeof record !== 'object' || record === null) return record;
  const { usedIn, ...rest } = record as Record<string, unknown>;
  const usedBy = Array.isArray(usedIn)
    ? usedIn
        .filter((name): name is string => typeof name === 'string')
        .map((name) => ({ kind: 'unknown', name, domain: null }))
    : [];
  return { ...rest, usedBy, secretsDestroyedAt: null };
}

async function upgradeV1ToV2(db: VaultDatabase, tx: UpgradeTransaction, hadV1: boolean): Promise<void> {
  tx.objectStore('credentials').createIndex('by-replaces', 'replaces');
  const fingerprints = db.createObjectStore('fingerprints', { keyPath: ['credentialId', 'field', 'fp'] });
  fingerprints.createIndex('by-fp', 'fp');
  db.createObjectStore('knownValues', { keyPath: ['credentialId', 'field', 'hash'] });
  const meta = tx.objectStore('meta');
  await meta.put({
    k: 'install',
    fingerprintKey: newFingerprintKey(),
    knownValueSeed: randomBytes(KNOWN_VALUE_SEED_BYTES),
  });
  if (!hadV1) return;
  let cursor = await tx.objectStore('credentials').openCursor();
  while (cursor) {
    await cursor.update(migrateCredentialV1(cursor.value) as CredentialMeta);
    cursor = await cursor.continue();
  }
  await meta.put({ k: 'reindex', since: Date.now() });
}

export interface OpenOptions {
  /** Called when a newer version of the extension needs the database; the connection is closed first. */
  readonly onClosed?: () => void;
}

export function openVaultDb(name: string = DB_NAME, options: OpenOptions = {}): Promise<VaultDatabase> {
  return openDB<VaultDB>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) createV1(db);
      if (oldVersion < 2) {
        // Only IndexedDB requests are awaited inside, so the version-change transaction stays alive; a failure
        // aborts it and the database stays at the old version.
        upgradeV1ToV2(db, tx, oldVersion >= 1).catch(() => tx.abort());
      }
    },
    blocking(_current, _next, event) {
      (event.target as IDBDatabase).close();
      options.onClosed?.();
    },
    terminated() {
      options.onClosed?.();
    },
  });
}
