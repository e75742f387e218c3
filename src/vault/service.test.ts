import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findKnownValues } from '../detector/known-values';
import { toHex } from './bytes';
import { isVaultError, type VaultError } from './errors';
import { DEFAULT_KDF_ITERATIONS } from './kdf';
import type { VaultDB } from './schema';
import { AUTOLOCK_ALARM, BACKOFF_FREE_ATTEMPTS, Vault } from './service';
import { harness, OTHER_PASSPHRASE, PASSPHRASE, randomKey, sampleInput, TEST_ITERATIONS } from './testing';

const MINUTE = 60_000;

async function rejection(promise: Promise<unknown>): Promise<VaultError> {
  try {
    await promise;
  } catch (error) {
    if (isVaultError(error)) return error;
    throw error;
  }
  throw new Error('expected a VaultError');
}

function rawDb(dbName: string) {
  return openDB<VaultDB>(dbName);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('KDF defaults', () => {
  it('uses at least 600,000 PBKDF2 iterations unless a test lowers it explicitly', async () => {
    expect(DEFAULT_KDF_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const h = harness({ kdfIterations: undefined });
    const vault = new Vault({ session: h.session, alarms: h.alarms, clock: h.clock, dbName: h.dbName });
    await vault.create(PASSPHRASE);
    expect((await vault.status()).kdfIterations).toBe(DEFAULT_KDF_ITERATIONS);
    const db = await rawDb(h.dbName);
    const header = await db.get('meta', 'header');
    expect(header?.k === 'header' && header.kdf.salt.length).toBe(16);
    db.close();
  });
});

describe('first run, lock and unlock', () => {
  it('creates once, refuses weak passphrases, and starts unlocked', async () => {
    const { vault } = harness();
    expect((await vault.status()).state).toBe('uninitialised');
    expect((await rejection(vault.create('password1'))).code).toBe('weak-passphrase');
    await vault.create(PASSPHRASE);
    expect((await vault.status()).state).toBe('unlocked');
    expect((await rejection(vault.create(OTHER_PASSPHRASE))).code).toBe('already-initialised');
  });

  it('round-trips every field and keeps secrets out of metadata', async () => {
    const { vault } = harness();
    await vault.create(PASSPHRASE);
    const input = sampleInput({
      exchange: 'okx',
      secrets: { apiKey: randomKey(36), secret: randomKey(32), passphrase: 'my okx passphrase' },
    });
    const meta = await vault.addCredential(input);
    expect(meta.storedFields).toEqual(['apiKey', 'secret', 'passphrase']);
    expect(meta.apiKeyHint).toBe(`${input.secrets.apiKey!.slice(0, 4)}…${input.secrets.apiKey!.slice(-4)}`);
    for (const field of ['apiKey', 'secret', 'passphrase'] as const) {
      expect(await vault.revealField(meta.id, field)).toBe(input.secrets[field]);
    }
    const listing = JSON.stringify(await vault.listCredentials());
    for (const value of Object.values(input.secrets)) expect(listing).not.toContain(value);
    expect((await rejection(vault.revealField(meta.id, 'privateKey'))).code).toBe('not-found');

    await vault.lock();
    expect((await vault.status()).state).toBe('locked');
    expect((await vault.listCredentials()).credentials).toHaveLength(1);
    expect((await vault.getCredential(meta.id)).label).toBe('Trading bot');
    expect((await rejection(vault.revealField(meta.id, 'secret'))).code).toBe('locked');
    expect((await rejection(vault.addCredential(sampleInput()))).code).toBe('locked');

    await vault.unlock(PASSPHRASE);
    expect(await vault.revealField(meta.id, 'secret')).toBe(input.secrets.secret);
  });

  it('rejects a wrong passphrase clearly and changes nothing', async () => {
    const { vault, dbName, session } = harness();
    await vault.create(PASSPHRASE);
    await vault.lock();
    const db = await rawDb(dbName);
    const before = await db.get('meta', 'header');
    const error = await rejection(vault.unlock('not-the-passphrase-at-all'));
    expect(error.code).toBe('wrong-passphrase');
    expect(error.message).not.toContain('not-the-passphrase');
    expect(await db.get('meta', 'header')).toEqual(before);
    expect(session.value).toBeUndefined();
    expect((await vault.status()).state).toBe('locked');
    db.close();
  });

  it('slows repeated failures down, and the delay survives a worker restart', async () => {
    const h = harness();
    await h.vault.create(PASSPHRASE);
    await h.vault.lock();
    for (let i = 1; i < BACKOFF_FREE_ATTEMPTS; i++) {
      const error = await rejection(h.vault.unlock('wrong passphrase here'));
      expect(error.details.retryAt).toBeUndefined();
    }
    const third = await rejection(h.vault.unlock('wrong passphrase here'));
    expect(third.details.retryAt).toBe(h.clock.now() + 1_000);

    const restarted = h.restart();
    const limited = await rejection(restarted.unlock(PASSPHRASE));
    expect(limited.code).toBe('rate-limited');
    expect((await restarted.status()).backoff.failures).toBe(BACKOFF_FREE_ATTEMPTS);

    h.clock.advance(1_000);
    const fourth = await rejection(restarted.unlock('wrong passphrase here'));
    expect(fourth.details.retryAt).toBe(h.clock.now() + 2_000);
    h.clock.advance(2_000);
    await restarted.unlock(PASSPHRASE);
    expect((await restarted.status()).backoff).toEqual({ failures: 0, retryAt: null });
  });

  it('derives lock state from the session store, not from a flag', async () => {
    const h = harness();
    await h.vault.create(PASSPHRASE);
    const meta = await h.vault.addCredential(sampleInput());
    const key = JSON.stringify(h.session.value);

    // Worker restart: a new instance with nothing in memory is still unlocked.
    const restarted = h.restart();
    expect((await restarted.status()).state).toBe('unlocked');
    expect(await restarted.revealField(meta.id, 'apiKey')).toHaveLength(64);

    // Browser restart: storage.session is empty, so both instances are locked, even the one with a cached key.
    h.session.value = undefined;
    expect((await h.vault.status()).state).toBe('locked');
    expect((await rejection(h.vault.revealField(meta.id, 'apiKey'))).code).toBe('locked');

    // A session for another vault does not open this one.
    h.session.value = { ...(JSON.parse(key) as object), vaultId: 'someone-else' };
    expect((await restarted.status()).state).toBe('locked');

    h.session.value = JSON.parse(key);
    expect((await h.vault.status()).state).toBe('unlocked');
  });

  it('keeps the data key out of IndexedDB', async () => {
    const h = harness();
    await h.vault.create(PASSPHRASE);
    const { key } = h.session.value as { key: string };
    const db = await rawDb(h.dbName);
    const dump = JSON.stringify(await db.getAll('meta'), (_k, value: unknown) =>
      value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value,
    );
    expect(dump).not.toContain(key);
    db.close();
  });
});

describe('auto-lock', () => {
  it('arms an alarm, moves it on activity, and locks when it fires after the idle time', async () => {
    const h = harness();
    await h.vault.create(PASSPHRASE);
    const start = h.clock.now();
    expect(h.alarms.alarms.get(AUTOLOCK_ALARM)).toBe(start + 15 * MINUTE);

    h.clock.advance(10 * MINUTE);
    await h.vault.touch();
    expect(h.alarms.alarms.get(AUTOLOCK_ALARM)).toBe(start + 25 * MINUTE);

    // The old alarm time passes (e.g. a stale alarm fires): not idle long enough, so it re-arms.
    h.clock.advance(5 * MINUTE);
    await h.restart().onAlarm(AUTOLOCK_ALARM);
    expect((await h.vault.status()).state).toBe('unlocked');
    expect(h.alarms.alarms.get(AUTOLOCK_ALARM)).toBe(start + 25 * MINUTE);

    h.clock.advance(10 * MINUTE);
    await h.restart().onAlarm(AUTOLOCK_ALARM);
    expect(h.session.value).toBeUndefined();
    expect((await h.vault.status()).state).toBe('locked');
    expect(h.alarms.alarms.has(AUTOLOCK_ALARM)).toBe(false);
  });

  it('treats an idle session as locked even if the alarm never fired', async () => {
    const h = harness();
    await h.vault.create(PASSPHRASE);
    await h.vault.setSettings({ autoLockMinutes: 5 });
    h.clock.advance(5 * MINUTE);
    expect((await rejection(h.vault.addCredential(sampleInput()))).code).toBe('locked');
    expect(h.session.value).toBeUndefined();
  });

  it('ignores other alarms and activity while locked', async () => {
    const h = harness();
    await h.vault.create(PASSPHRASE);
    await h.vault.onAlarm('something-else');
    expect((await h.vault.status()).state).toBe('unlocked');
    await h.vault.lock();
    await h.vault.touch();
    expect(h.session.value).toBeUndefined();
  });
});

describe('tampering', () => {
  it('flipping any byte of any stored ciphertext or IV fails only that record', async () => {
    const h = harness();
    await h.vault.create(PASSPHRASE);
    const inputs = [sampleInput({ label: 'a' }), sampleInput({ label: 'b' }), sampleInput({ label: 'c' })];
    const metas = [];
    for (const input of inputs) metas.push(await h.vault.addCredential(input));
    const db = await rawDb(h.dbName);
    const records = await db.getAll('secrets');
    expect(records).toHaveLength(6);
    for (const record of records) {
      for (let i = 0; i < record.envelope.length; i++) {
        const damaged = record.envelope.slice();
        damaged[i] = (damaged[i] ?? 0) ^ 0x01;
        await db.put('secrets', { ...record, envelope: damaged });
        const error = await rejection(h.vault.revealField(record.credentialId, record.field));
        expect(error.code).toBe(i === 0 ? 'unsupported-version' : 'corrupt-record');
        expect(error.details).toEqual({ credentialId: record.credentialId, field: record.field });
        for (const [j, meta] of metas.entries()) {
          for (const field of ['apiKey', 'secret'] as const) {
            if (meta.id === record.credentialId && field === record.field) continue;
            expect(await h.vault.revealField(meta.id, field)).toBe(inputs[j]?.secrets[field]);
          }
        }
        await db.put('secrets', record);
      }
    }
    db.close();
  });

  it('refuses a ciphertext moved to another record or field', async () => {
    const h = harness();
    await h.vault.create(PASSPHRASE);
    const a = await h.vault.addCredential(sampleInput());
    const b = await h.vault.addCredential(sampleInput());
    const db = await rawDb(h.dbName);
    const fromA = await db.get('secrets', [a.id, 'secret']);
    await db.put('secrets', { credentialId: b.id, field: 'secret', envelope: fromA!.envelope });
    await db.put('secrets', { credentialId: a.id, field: 'apiKey', envelope: fromA!.envelope });
    expect((await rejection(h.vault.revealField(b.id, 'secret'))).code).toBe('corrupt-record');
    expect((await rejection(h.vault.revealField(a.id, 'apiKey'))).code).toBe('corrupt-record');
    expect(await h.vault.revealField(a.id, 'secret')).toHaveLength(64);
    db.close();
  });

  it('flipping any byte of the wrapped key gives a clear error; the restored key opens again', async () => {
    const h = harness();
    await h.vault.create(PASSPHRASE);
    const meta = await h.vault.addCredential(sampleInput());
    await h.vault.lock();
    const db = await rawDb(h.dbName);
    const header = await db.get('meta', 'header');
    if (header?.k !== 'header') throw new Error('no header');
    for (let i = 0; i < header.wrappedKey.length; i++) {
      const damaged = header.wrappedKey.slice();
      damaged[i] = (damaged[i] ?? 0) ^ 0x80;
      await db.put('meta', { ...header, wrappedKey: damaged });
      const error = await rejection(h.vault.unlock(PASSPHRASE));
      expect(['corrupt-record', 'unsupported-version']).toContain(error.code);
      expect((await h.vault.status()).state).toBe('locked');
    }
    await db.put('meta', header);
    expect((await h.vault.status()).backoff.failures).toBe(0);
    await h.vault.unlock(PASSPHRASE);
    expect(await h.vault.revealField(meta.id, 'secret')).toHaveLength(64);
    db.close();
  });

  it('reports a damaged metadata record on its own and lists the rest', async () => {
    const h = harness();
    await h.vault.create(PASSPHRASE);
    const good = await h.vault.addCredential(sampleInput());
    const db = await rawDb(h.dbName);
    await db.put('credentials', { ...good, id: 'broken', status: 'bogus' } as never);
    const listing = await h.vault.listCredentials();
    expect(listing.credentials.map((c) => c.id)).toEqual([good.id]);
    expect(listing.unreadable).toEqual([{ id: 'broken', code: 'corrupt-record' }]);
    expect((await rejection(h.vault.getCredential('broken'))).code).toBe('corrupt-record');
    db.close();
  });
});

describe('changing the passphrase', () => {
  it('re-wraps the key: the new passphrase opens, the old one does not', async () => {
    const h = harness();
    await h.vault.create(PASSPHRASE);
    const meta = await h.vault.addCredential(sampleInput());
    expect((await rejection(h.vault.changePassphrase('wrong-old-passphrase', OTHER_PASSPHRASE))).code).toBe(
      'wrong-passphrase',
    );
    expect((await rejection(h.vault.changePassphrase(PASSPHRASE, 'abc'))).code).toBe('weak-passphrase');
    await h.vault.changePassphrase(PASSPHRASE, OTHER_PASSPHRASE);
    await h.vault.lock();
    expect((await rejection(h.vault.unlock(PASSPHRASE))).code).toBe('wrong-passphrase');
    await h.vault.unlock(OTHER_PASSPHRASE);
    expect(await h.vault.revealField(meta.id, 'apiKey')).toHaveLength(64);
  });

  const failures: [string, () => void][] = [
    [
      'wrapping fails after the new key is derived',
      () => {
        const encrypt = crypto.subtle.encrypt.bind(crypto.subtle);
        vi.spyOn(crypto.subtle, 'encrypt').mockImplementation((...args) =>
          (args[2] as Uint8Array).length === 32 ? Promise.reject(new Error('injected')) : encrypt(...args),
        );
      },
    ],
    [
      'the header write is refused',
      () => {
        // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with .call(this)
        const put = IDBObjectStore.prototype.put;
        vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
          this: IDBObjectStore,
          value,
          key,
        ) {
          if ((value as { k?: string }).k === 'header') throw new DOMException('injected', 'UnknownError');
          return put.call(this, value, key);
        });
      },
    ],
    [
      'the transaction aborts after the header was written',
      () => {
        // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with .call(this)
        const put = IDBObjectStore.prototype.put;
        vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
          this: IDBObjectStore,
          value,
          key,
        ) {
          const request = put.call(this, value, key);
          if ((value as { k?: string }).k === 'header') this.transaction.abort();
          return request;
        });
      },
    ],
  ];

  it.each(failures)('keeps the old passphrase working when %s', async (_name, inject) => {
    const h = harness();
    await h.vault.create(PASSPHRASE);
    const input = sampleInput();
    const meta = await h.vault.addCredential(input);
    inject();
    await expect(h.vault.changePassphrase(PASSPHRASE, OTHER_PASSPHRASE)).rejects.toThrow();
    vi.restoreAllMocks();
    const fresh = h.restart();
    await fresh.lock();
    expect((await rejection(fresh.unlock(OTHER_PASSPHRASE))).code).toBe('wrong-passphrase');
    await fresh.unlock(PASSPHRASE);
    expect(await fresh.revealField(meta.id, 'secret')).toBe(input.secrets.secret);
    expect(await fresh.revealField(meta.id, 'apiKey')).toBe(input.secrets.apiKey);
  });

  it('raises the stored iteration count on unlock when the target went up', async () => {
    const h = harness();
    await h.vault.create(PASSPHRASE);
    await h.vault.lock();
    const stronger = h.restart({ kdfIterations: TEST_ITERATIONS * 2 });
    await stronger.unlock(PASSPHRASE);
    expect((await stronger.status()).kdfIterations).toBe(TEST_ITERATIONS * 2);
    await stronger.lock();
    await stronger.unlock(PASSPHRASE);
  });
});

describe('credentials', () => {
  it('updates secrets and metadata, re-fingerprinting changed fields', async () => {
    const h = harness();
    await h.vault.create(PASSPHRASE);
    const input = sampleInput();
    const meta = await h.vault.addCredential(input);
    const newSecret = randomKey();
    const updated = await h.vault.updateCredential(meta.id, {
      label: 'Renamed',
      status: 'exposed',
      secrets: { secret: newSecret, apiKey: null },
    });
    expect(updated).toMatchObject({
      label: 'Renamed',
      status: 'exposed',
      storedFields: ['secret'],
      apiKeyHint: null,
    });
    expect(await h.vault.revealField(meta.id, 'secret')).toBe(newSecret);
    expect((await rejection(h.vault.revealField(meta.id, 'apiKey'))).code).toBe('not-found');
    expect(await h.vault.matchFingerprint(input.secrets.secret!)).toBeNull();
    expect(await h.vault.matchFingerprint(input.secrets.apiKey!)).toBeNull();
    expect(await h.vault.matchFingerprint(newSecret)).toEqual({ credentialId: meta.id, field: 'secret' });
    expect((await rejection(h.vault.updateCredential(meta.id, { label: '' }))).code).toBe('invalid-input');
    expect((await rejection(h.vault.updateCredential('missing', { label: 'x' }))).code).toBe('not-found');
  });

  it('validates input without echoing secret values', async () => {
    const h = harness();
    await h.vault.create(PASSPHRASE);
    const secret = randomKey();
    const bad = { ...sampleInput(), exchange: 'nope', secrets: { secret, extra: secret } } as never;
    const error = await rejection(h.vault.addCredential(bad));
    expect(error.code).toBe('invalid-input');
    expect(JSON.stringify([error.message, error.details])).not.toContain(secret);
    expect(error.details.issues?.length).toBeGreaterThan(0);
  });

  it('destroySecrets keeps metadata but removes ciphertexts and fingerprints', async () => {
    const h = harness();
    await h.vault.create(PASSPHRASE);
    const input = sampleInput();
    const meta = await h.vault.addCredential(input);
    await h.vault.setStatus(meta.id, 'revoked');
    const destroyed = await h.vault.destroySecrets(meta.id);
    expect(destroyed).toMatchObject({
      status: 'revoked',
      storedFields: [],
      secretsDestroyedAt: h.clock.now(),
    });
    expect(destroyed.apiKeyHint).toBe(meta.apiKeyHint);
    expect((await rejection(h.vault.revealField(meta.id, 'secret'))).code).toBe('not-found');
    expect(await h.vault.matchFingerprint(input.secrets.secret!)).toBeNull();
    expect((await h.vault.knownValueIndex()).entries.size).toBe(0);
    const db = await rawDb(h.dbName);
    expect(await db.count('secrets')).toBe(0);
    expect(await db.count('fingerprints')).toBe(0);
    db.close();
  });

  it('deletes a credential and everything derived from it', async () => {
    const h = harness();
    await h.vault.create(PASSPHRASE);
    const keep = await h.vault.addCredential(sampleInput());
    const gone = await h.vault.addCredential(sampleInput());
    await h.vault.deleteCredential(gone.id);
    expect((await h.vault.listCredentials()).credentials.map((c) => c.id)).toEqual([keep.id]);
    const db = await rawDb(h.dbName);
    expect((await db.getAll('fingerprints')).every((r) => r.credentialId === keep.id)).toBe(true);
    expect((await db.getAll('knownValues')).every((r) => r.credentialId === keep.id)).toBe(true);
    db.close();
    expect((await rejection(h.vault.deleteCredential(gone.id))).code).toBe('not-found');
  });

  it('lets a locked vault raise a status to exposed or compromised, nothing else', async () => {
    const h = harness();
    await h.vault.create(PASSPHRASE);
    const meta = await h.vault.addCredential(sampleInput());
    await h.vault.lock();
    expect((await h.vault.setStatus(meta.id, 'exposed')).status).toBe('exposed');
    expect((await rejection(h.vault.setStatus(meta.id, 'active'))).code).toBe('locked');
    expect((await rejection(h.vault.destroySecrets(meta.id))).code).toBe('locked');
    expect((await rejection(h.vault.deleteCredential(meta.id))).code).toBe('locked');
  });
});

describe('paste guard data', () => {
  it('matches stored values by keyed fingerprint while locked, never with a plain hash', async () => {
    const h = harness();
    await h.vault.create(PASSPHRASE);
    const input = sampleInput({
      exchange: 'kucoin',
      secrets: { apiKey: randomKey(24), secret: randomKey(36), passphrase: 'kucoin pass 1' },
    });
    const meta = await h.vault.addCredential(input);
    await h.vault.lock();
    for (const field of ['apiKey', 'secret', 'passphrase'] as const) {
      expect(await h.vault.matchFingerprint(input.secrets[field]!)).toEqual({ credentialId: meta.id, field });
    }
    expect(await h.vault.matchFingerprint(`  ${input.secrets.secret!}\n`)).toEqual({
      credentialId: meta.id,
      field: 'secret',
    });
    expect(await h.vault.matchFingerprint(randomKey(36))).toBeNull();

    const db = await rawDb(h.dbName);
    const stored = new Set((await db.getAll('fingerprints')).map((r) => r.fp));
    for (const value of Object.values(input.secrets)) {
      const plain = toHex(
        new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(value))),
      );
      expect(stored.has(plain)).toBe(false);
    }
    db.close();
  });

  it('serves the known-value index while locked, for high-entropy fields only', async () => {
    const h = harness();
    await h.vault.create(PASSPHRASE);
    const input = sampleInput({
      exchange: 'okx',
      secrets: {
        apiKey: randomKey(36),
        secret: randomKey(32),
        passphrase: 'Zq8-long-enough-passphrase-value-Xy7',
      },
    });
    const meta = await h.vault.addCredential(input);
    await h.vault.lock();
    const index = await h.vault.knownValueIndex();
    expect(index.seed).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(index.entries.values())).toEqual(new Set([`${meta.id}:apiKey`, `${meta.id}:secret`]));
    const text = `here is my secret: ${input.secrets.secret!} and key ${input.secrets.apiKey!}`;
    expect(findKnownValues(text, index).map((m) => m.ref)).toEqual([
      `${meta.id}:secret`,
      `${meta.id}:apiKey`,
    ]);
    expect(findKnownValues(input.secrets.passphrase!, index)).toEqual([]);

    const other = harness();
    await other.vault.create(PASSPHRASE);
    expect((await other.vault.knownValueIndex()).seed).not.toBe(index.seed);
  });
});

describe('settings', () => {
  it('has safe defaults, validates changes and needs the vault unlocked to change them', async () => {
    const h = harness();
    expect(await h.vault.getSettings()).toEqual({
      autoLockMinutes: 15,
      clipboardClearSeconds: 30,
      rotationDays: 90,
    });
    await h.vault.create(PASSPHRASE);
    expect(await h.vault.setSettings({ autoLockMinutes: 5, rotationDays: 30 })).toEqual({
      autoLockMinutes: 5,
      clipboardClearSeconds: 30,
      rotationDays: 30,
    });
    expect(h.alarms.alarms.get(AUTOLOCK_ALARM)).toBe(h.clock.now() + 5 * MINUTE);
    expect((await rejection(h.vault.setSettings({ autoLockMinutes: 0 }))).code).toBe('invalid-input');
    expect((await rejection(h.vault.setSettings({ clipboardClearSeconds: 1.5 }))).code).toBe('invalid-input');
    await h.vault.lock();
    expect((await rejection(h.vault.setSettings({ autoLockMinutes: 60 }))).code).toBe('locked');
    expect((await h.restart().getSettings()).autoLockMinutes).toBe(5);
  });
});
