import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { utf8 } from './bytes';
import { importAesKey, seal, secretContext } from './envelope';
import { deriveKeys, newDataKey, newKdfParams, wrapDataKey } from './kdf';
import { DB_VERSION, type VaultDB } from './schema';
import { harness, PASSPHRASE, randomKey, TEST_ITERATIONS } from './testing';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('request failed'));
  });
}

/** Writes a database exactly as schema version 1 laid it out, with plain indexedDB calls. */
async function writeV1Database(
  name: string,
  records: { meta: object[]; credentials: object[]; secrets: object[] },
) {
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => {
    const db = open.result;
    db.createObjectStore('meta', { keyPath: 'k' });
    db.createObjectStore('credentials', { keyPath: 'id' });
    db.createObjectStore('secrets', { keyPath: ['credentialId', 'field'] });
  };
  const db = await request(open);
  const tx = db.transaction(['meta', 'credentials', 'secrets'], 'readwrite');
  for (const [store, values] of Object.entries(records)) {
    for (const value of values) tx.objectStore(store).put(value);
  }
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
  });
  db.close();
}

describe('schema migration', () => {
  it('opens a version 1 database with the current code without losing anything', async () => {
    expect(DB_VERSION).toBe(2);
    const h = harness();
    const kdf = newKdfParams(TEST_ITERATIONS);
    const { kek, verifier } = await deriveKeys(PASSPHRASE, kdf);
    const raw = newDataKey();
    const dataKey = await importAesKey(raw);
    const values = { apiKey: randomKey(), secret: randomKey() };
    const v1Credential = {
      id: 'cred-1',
      exchange: 'bybit',
      label: 'Old bot',
      apiKeyHint: `${values.apiKey.slice(0, 4)}…${values.apiKey.slice(-4)}`,
      storedFields: ['apiKey', 'secret'],
      permissions: ['ContractTrade'],
      ipAllowlist: { state: 'none' },
      createdAt: 1_700_000_000_000,
      lastRotatedAt: null,
      expiresAt: 1_710_000_000_000,
      usedIn: ['Hummingbot', 'Spreadsheet'],
      notes: 'from v1',
      status: 'active',
      replaces: null,
      addedAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_000,
    };
    await writeV1Database(h.dbName, {
      meta: [
        {
          k: 'header',
          v: 1,
          vaultId: 'vault-1',
          createdAt: 1_700_000_000_000,
          kdf,
          verifier,
          wrappedKey: await wrapDataKey(kek, raw),
          passphraseChangedAt: 1_700_000_000_000,
        },
        { k: 'settings', settings: { autoLockMinutes: 7, clipboardClearSeconds: 20, rotationDays: 45 } },
      ],
      credentials: [v1Credential],
      secrets: await Promise.all(
        (['apiKey', 'secret'] as const).map(async (field) => ({
          credentialId: 'cred-1',
          field,
          envelope: await seal(dataKey, utf8(values[field]), secretContext('cred-1', field)),
        })),
      ),
    });

    // Locked reads work straight after the upgrade; fingerprints wait for the first unlock.
    const status = await h.vault.status();
    expect(status).toMatchObject({ state: 'locked', autoLockMinutes: 7, reindexPending: true });
    const { credentials, unreadable } = await h.vault.listCredentials();
    expect(unreadable).toEqual([]);
    const unchanged: Record<string, unknown> = { ...v1Credential };
    delete unchanged.usedIn;
    expect(credentials).toEqual([
      {
        ...unchanged,
        usedBy: [
          { kind: 'unknown', name: 'Hummingbot', domain: null },
          { kind: 'unknown', name: 'Spreadsheet', domain: null },
        ],
        secretsDestroyedAt: null,
      },
    ]);
    expect(await h.vault.getSettings()).toEqual({
      autoLockMinutes: 7,
      clipboardClearSeconds: 20,
      rotationDays: 45,
    });
    expect(await h.vault.matchFingerprint(values.secret)).toBeNull();

    await h.vault.unlock(PASSPHRASE);
    expect(await h.vault.revealField('cred-1', 'apiKey')).toBe(values.apiKey);
    expect(await h.vault.revealField('cred-1', 'secret')).toBe(values.secret);
    expect(await h.vault.matchFingerprint(values.secret)).toEqual({
      credentialId: 'cred-1',
      field: 'secret',
    });
    expect([...(await h.vault.knownValueIndex()).entries.values()].sort()).toEqual([
      'cred-1:apiKey',
      'cred-1:secret',
    ]);
    expect((await h.vault.status()).reindexPending).toBe(false);

    const db = await openDB<VaultDB>(h.dbName);
    expect(db.version).toBe(2);
    expect([...db.objectStoreNames].sort()).toEqual([
      'credentials',
      'fingerprints',
      'knownValues',
      'meta',
      'secrets',
    ]);
    expect(await db.count('secrets')).toBe(2);
    db.close();
  });

  it('creates the current layout directly on a fresh install', async () => {
    const h = harness();
    await h.vault.create(PASSPHRASE);
    expect((await h.vault.status()).reindexPending).toBe(false);
    const db = await openDB<VaultDB>(h.dbName);
    expect(db.transaction('credentials').store.indexNames.contains('by-replaces')).toBe(true);
    expect(db.transaction('fingerprints').store.indexNames.contains('by-fp')).toBe(true);
    const install = await db.get('meta', 'install');
    expect(install?.k === 'install' && install.fingerprintKey.length).toBe(32);
    db.close();
  });
});
