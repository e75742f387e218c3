/**
 * The vault as a browser-agnostic service, owned by the background service worker. Host APIs come in as ports
 * (ports.ts), so everything here runs in Node tests against fake-indexeddb.
 *
 * Lock state is never a flag: the vault is unlocked exactly when the session store holds a data key for this vault
 * whose last activity is within the auto-lock time. The in-memory CryptoKey is only a cache of that record and is
 * re-checked against it on every use, so a lock from another worker instance, a browser restart (storage.session
 * is cleared) or a missed alarm all read as locked.
 *
 * Which calls work while locked: status, listCredentials, getCredential, knownValueIndex, matchFingerprint,
 * getSettings, and setStatus to 'exposed' or 'compromised' (the paste guard may need to flag a key while locked).
 * Everything that reads a secret, writes one, or deletes anything needs the vault unlocked.
 *
 * Activity: only touch() counts as user activity; the background calls it for messages from extension pages.
 */
import type { IDBPTransaction } from 'idb';
import * as v from 'valibot';
import { hashKnownForm, knownValueForms, type KnownValueIndex } from '../detector/known-values';
import type { FieldKind } from '../exchanges/types';
import { equalBytes, fromBase64, fromUtf8, toBase64, toHex, utf8, type Bytes } from './bytes';
import {
  encryptBackup,
  openBackup,
  BackupChoicesSchema,
  type BackupCredential,
  type ImportChoices,
} from './backup';
import { importAesKey, open, seal, secretContext } from './envelope';
import { VaultError } from './errors';
import { fingerprint, importFingerprintKey } from './fingerprint';
import {
  DEFAULT_KDF_ITERATIONS,
  deriveKeys,
  newDataKey,
  newKdfParams,
  unwrapDataKey,
  wrapDataKey,
} from './kdf';
import {
  CredentialIdSchema,
  CredentialInputSchema,
  CredentialMetaSchema,
  CredentialPatchSchema,
  DEFAULT_SETTINGS,
  FieldSchema,
  KNOWN_VALUE_FIELDS,
  SECRET_FIELDS,
  SettingsPatchSchema,
  SettingsSchema,
  maskApiKey,
  parseOrThrow,
  type CredentialInput,
  type CredentialMeta,
  type CredentialPatch,
  type CredentialStatus,
  type SecretValues,
  type Settings,
} from './model';
import {
  systemClock,
  type AlarmPort,
  type Clock,
  type KnownValueHasher,
  type SessionRecord,
  type SessionStore,
} from './ports';
import {
  credentialKeyRange,
  DB_NAME,
  openVaultDb,
  type FingerprintRecord,
  type HeaderRecord,
  type KnownValueRecord,
  type MetaKey,
  type MetaOf,
  type SecretRecord,
  type VaultDatabase,
  type VaultDB,
} from './schema';
import { estimateStrength } from './strength';

export const AUTOLOCK_ALARM = 'keywarden.vault.autolock';
/** Passphrases and export passwords below this score are refused (see strength.ts for the scale). */
export const MIN_PASSPHRASE_SCORE = 2;
/** Failed unlocks allowed before delays start; then 1 s, 2 s, 4 s … up to 15 minutes. */
export const BACKOFF_FREE_ATTEMPTS = 3;
const BACKOFF_BASE_MS = 1_000;
const BACKOFF_MAX_MS = 15 * 60_000;
/** touch() persists activity at most this often, so a busy popup does not write storage.session per message. */
const TOUCH_WRITE_INTERVAL_MS = 5_000;
const MAX_PASSPHRASE_CHARS = 1_024;

export type LockState = 'uninitialised' | 'locked' | 'unlocked';

export interface VaultStatus {
  readonly state: LockState;
  readonly autoLockMinutes: number;
  /** When the vault will lock if idle (epoch ms); null unless unlocked. */
  readonly lockAt: number | null;
  readonly backoff: { readonly failures: number; readonly retryAt: number | null };
  /** True after a schema upgrade until the next unlock rebuilds the paste-guard fingerprints. */
  readonly reindexPending: boolean;
  readonly kdfIterations: number | null;
}

export interface CredentialListing {
  readonly credentials: readonly CredentialMeta[];
  /** Records that failed their shape check: reported one by one, the rest still list. */
  readonly unreadable: readonly { readonly id: string; readonly code: 'corrupt-record' }[];
}

export interface FingerprintMatch {
  readonly credentialId: string;
  readonly field: FieldKind;
}

export interface ExportResult {
  readonly fileName: string;
  readonly json: string;
  readonly count: number;
  /** Fields that could not be decrypted and are missing from the file. */
  readonly failed: readonly FingerprintMatch[];
}

export interface ImportSummary {
  readonly id: string;
  readonly label: string;
  readonly exchange: string;
  readonly fields: readonly FieldKind[];
}

export interface ImportPreview {
  readonly createdAt: string;
  readonly add: readonly ImportSummary[];
  /** Backup entries whose id already exists here, with the current label for comparison. */
  readonly replace: readonly (ImportSummary & { readonly currentLabel: string })[];
}

export interface ImportResult {
  readonly added: number;
  readonly replaced: number;
  readonly skipped: number;
}

export interface VaultOptions {
  readonly session: SessionStore;
  readonly alarms: AlarmPort;
  /** Defaults to the detector's own functions; injectable for tests. */
  readonly knownValues?: KnownValueHasher;
  readonly clock?: Clock;
  readonly dbName?: string;
  /**
   * PBKDF2 iterations for new wrappings (create, change, raise on unlock, export). Tests lower it for speed; in
   * production leave it unset (DEFAULT_KDF_ITERATIONS).
   */
  readonly kdfIterations?: number;
}

interface PreparedSecrets {
  readonly secrets: SecretRecord[];
  readonly fingerprints: FingerprintRecord[];
  readonly knownValues: KnownValueRecord[];
}

const SessionRecordSchema = v.strictObject({
  v: v.literal(1),
  vaultId: v.string(),
  sessionId: v.string(),
  key: v.pipe(v.string(), v.maxLength(64)),
  unlockedAt: v.number(),
  lastActivityAt: v.number(),
});

const ALL_STORES: ('credentials' | 'secrets' | 'fingerprints' | 'knownValues')[] = [
  'credentials',
  'secrets',
  'fingerprints',
  'knownValues',
];

function checkPassphraseInput(passphrase: unknown): string {
  if (typeof passphrase !== 'string' || passphrase.length === 0 || passphrase.length > MAX_PASSPHRASE_CHARS) {
    throw new VaultError('invalid-input', 'Enter a passphrase (at most 1,024 characters).');
  }
  return passphrase;
}

function checkNewPassphrase(passphrase: unknown): string {
  const text = checkPassphraseInput(passphrase);
  if (estimateStrength(text).score < MIN_PASSPHRASE_SCORE) {
    throw new VaultError(
      'weak-passphrase',
      'This passphrase is too easy to guess; use four or more random words.',
    );
  }
  return text;
}

export class Vault {
  private readonly session: SessionStore;
  private readonly alarms: AlarmPort;
  private readonly hasher: KnownValueHasher;
  private readonly clock: Clock;
  private readonly dbName: string;
  private readonly iterations: number;
  private dbPromise: Promise<VaultDatabase> | null = null;
  private cachedKey: { readonly sessionId: string; readonly key: CryptoKey } | null = null;
  private fingerprintKey: Promise<CryptoKey> | null = null;

  constructor(options: VaultOptions) {
    this.session = options.session;
    this.alarms = options.alarms;
    this.hasher = options.knownValues ?? { knownValueForms, hashKnownForm };
    this.clock = options.clock ?? systemClock;
    this.dbName = options.dbName ?? DB_NAME;
    this.iterations = options.kdfIterations ?? DEFAULT_KDF_ITERATIONS;
  }

  /** Closes the database connection (tests, or before deleting the database). */
  async close(): Promise<void> {
    const db = await this.dbPromise;
    db?.close();
    this.dbPromise = null;
  }

  // ---- lock state ----------------------------------------------------------------------------------------------

  async status(): Promise<VaultStatus> {
    const [header, settings, backoff, reindex] = await Promise.all([
      this.meta('header'),
      this.getSettings(),
      this.meta('backoff'),
      this.meta('reindex'),
    ]);
    const active = header ? await this.activeSession(header, settings) : null;
    return {
      state: !header ? 'uninitialised' : active ? 'unlocked' : 'locked',
      autoLockMinutes: settings.autoLockMinutes,
      lockAt: active ? active.lastActivityAt + settings.autoLockMinutes * 60_000 : null,
      backoff: { failures: backoff?.failures ?? 0, retryAt: backoff?.retryAt ?? null },
      reindexPending: reindex !== undefined,
      kdfIterations: header?.kdf.iterations ?? null,
    };
  }

  /** First run: sets the passphrase, creates the data key, and leaves the vault unlocked. */
  async create(passphrase: string): Promise<void> {
    const text = checkNewPassphrase(passphrase);
    if (await this.meta('header')) throw new VaultError('already-initialised', 'The vault already exists.');
    const kdf = newKdfParams(this.iterations);
    const { kek, verifier } = await deriveKeys(text, kdf);
    const raw = newDataKey();
    const now = this.clock.now();
    const header: HeaderRecord = {
      k: 'header',
      v: 1,
      vaultId: crypto.randomUUID(),
      createdAt: now,
      kdf,
      verifier,
      wrappedKey: await wrapDataKey(kek, raw),
      passphraseChangedAt: now,
    };
    const db = await this.db();
    const tx = db.transaction('meta', 'readwrite');
    try {
      // add(), not put(): two racing first runs cannot overwrite each other's key.
      await this.commit(tx.done, tx.store.add(header));
    } catch (error) {
      if (await this.meta('header')) throw new VaultError('already-initialised', 'The vault already exists.');
      throw error;
    }
    await this.startSession(header.vaultId, raw);
  }

  async unlock(passphrase: string): Promise<void> {
    const text = checkPassphraseInput(passphrase);
    const header = await this.requireHeader();
    const raw = await this.openDataKey(header, text);
    await this.startSession(header.vaultId, raw);
    await this.raiseKdfIfNeeded(header, text, raw);
    await this.reindexIfPending();
  }

  async lock(): Promise<void> {
    this.cachedKey = null;
    await this.session.remove();
    await this.alarms.clear(AUTOLOCK_ALARM);
  }

  /** Records user activity, pushing the auto-lock back. No effect while locked. */
  async touch(): Promise<void> {
    const header = await this.meta('header');
    if (!header) return;
    const settings = await this.getSettings();
    const active = await this.activeSession(header, settings);
    if (!active) return;
    const now = this.clock.now();
    if (now - active.lastActivityAt < TOUCH_WRITE_INTERVAL_MS) return;
    await this.session.set({ ...active, lastActivityAt: now });
    await this.alarms.create(AUTOLOCK_ALARM, now + settings.autoLockMinutes * 60_000);
  }

  /** Call from chrome.alarms.onAlarm; locks when idle long enough, or re-arms for the remaining time. */
  async onAlarm(name: string): Promise<void> {
    if (name !== AUTOLOCK_ALARM) return;
    const header = await this.meta('header');
    if (!header) return;
    const settings = await this.getSettings();
    // activeSession locks when the idle time has passed.
    const active = await this.activeSession(header, settings);
    if (active)
      await this.alarms.create(AUTOLOCK_ALARM, active.lastActivityAt + settings.autoLockMinutes * 60_000);
    else await this.alarms.clear(AUTOLOCK_ALARM);
  }

  /**
   * Re-wraps the data key under a new passphrase (fresh salt, current iteration target) in one write of the header
   * record. Nothing is written before that single put, so a failure at any point leaves the old passphrase working.
   */
  async changePassphrase(oldPassphrase: string, newPassphrase: string): Promise<void> {
    const oldText = checkPassphraseInput(oldPassphrase);
    const newText = checkNewPassphrase(newPassphrase);
    const header = await this.requireHeader();
    const raw = await this.openDataKey(header, oldText);
    await this.rewrap(header, newText, raw, Math.max(header.kdf.iterations, this.iterations));
  }

  // ---- credentials ---------------------------------------------------------------------------------------------

  async listCredentials(): Promise<CredentialListing> {
    const db = await this.db();
    const records = await db.getAll('credentials');
    const credentials: CredentialMeta[] = [];
    const unreadable: { id: string; code: 'corrupt-record' }[] = [];
    for (const record of records) {
      const result = v.safeParse(CredentialMetaSchema, record);
      if (result.success) credentials.push(result.output);
      else unreadable.push({ id: idOf(record), code: 'corrupt-record' });
    }
    credentials.sort((a, b) => a.addedAt - b.addedAt || a.id.localeCompare(b.id));
    return { credentials, unreadable };
  }

  async getCredential(id: string): Promise<CredentialMeta> {
    const key = parseOrThrow(CredentialIdSchema, id);
    const db = await this.db();
    return readMeta(await db.get('credentials', key), key);
  }

  async addCredential(input: CredentialInput): Promise<CredentialMeta> {
    const dataKey = await this.requireKey();
    const parsed = parseOrThrow(CredentialInputSchema, input);
    const id = crypto.randomUUID();
    const now = this.clock.now();
    const prepared = await this.prepareSecrets(dataKey, id, parsed.secrets);
    const meta: CredentialMeta = {
      id,
      exchange: parsed.exchange,
      label: parsed.label,
      apiKeyHint: parsed.secrets.apiKey ? maskApiKey(parsed.secrets.apiKey) : null,
      storedFields: storedFieldsOf(parsed.secrets),
      permissions: parsed.permissions,
      ipAllowlist: parsed.ipAllowlist,
      createdAt: parsed.createdAt,
      lastRotatedAt: parsed.lastRotatedAt,
      expiresAt: parsed.expiresAt,
      usedBy: parsed.usedBy,
      notes: parsed.notes,
      status: parsed.status,
      replaces: parsed.replaces,
      addedAt: now,
      updatedAt: now,
      secretsDestroyedAt: null,
    };
    const db = await this.db();
    const tx = db.transaction(ALL_STORES, 'readwrite');
    await this.commit(tx.done, tx.objectStore('credentials').add(meta), ...putPrepared(tx, prepared));
    return meta;
  }

  async updateCredential(id: string, patch: CredentialPatch): Promise<CredentialMeta> {
    const dataKey = await this.requireKey();
    const key = parseOrThrow(CredentialIdSchema, id);
    const parsed = parseOrThrow(CredentialPatchSchema, patch);
    const db = await this.db();
    const current = readMeta(await db.get('credentials', key), key);
    const { secrets: secretPatch = {}, ...metaPatch } = parsed;
    const setValues: SecretValues = {};
    const touched: FieldKind[] = [];
    for (const field of SECRET_FIELDS) {
      const value = secretPatch[field];
      if (value === undefined) continue;
      touched.push(field);
      if (value !== null) setValues[field] = value;
    }
    const prepared = await this.prepareSecrets(dataKey, key, setValues);
    const stored = new Set(current.storedFields);
    for (const field of touched) {
      if (setValues[field] === undefined) stored.delete(field);
      else stored.add(field);
    }
    const apiKeyPatch = secretPatch.apiKey;
    const updated: CredentialMeta = {
      ...current,
      ...metaPatch,
      apiKeyHint:
        apiKeyPatch === undefined
          ? current.apiKeyHint
          : apiKeyPatch === null
            ? null
            : maskApiKey(apiKeyPatch),
      storedFields: SECRET_FIELDS.filter((field) => stored.has(field)),
      updatedAt: this.clock.now(),
    };
    const tx = db.transaction(ALL_STORES, 'readwrite');
    const requests: Promise<unknown>[] = [];
    for (const field of touched) requests.push(...deleteField(tx, key, field));
    // Deletes are queued before puts in the same transaction, so they run first.
    requests.push(tx.objectStore('credentials').put(updated), ...putPrepared(tx, prepared));
    await this.commit(tx.done, ...requests);
    return updated;
  }

  async deleteCredential(id: string): Promise<void> {
    await this.requireKey();
    const key = parseOrThrow(CredentialIdSchema, id);
    const db = await this.db();
    if ((await db.getKey('credentials', key)) === undefined) throw notFound(key);
    const tx = db.transaction(ALL_STORES, 'readwrite');
    await this.commit(tx.done, tx.objectStore('credentials').delete(key), ...deleteSecretsOf(tx, key));
  }

  /** Revocation: removes ciphertexts, fingerprints and known-value hashes; keeps the metadata for the audit. */
  async destroySecrets(id: string): Promise<CredentialMeta> {
    await this.requireKey();
    const key = parseOrThrow(CredentialIdSchema, id);
    const db = await this.db();
    const current = readMeta(await db.get('credentials', key), key);
    const now = this.clock.now();
    const updated: CredentialMeta = { ...current, storedFields: [], secretsDestroyedAt: now, updatedAt: now };
    const tx = db.transaction(ALL_STORES, 'readwrite');
    await this.commit(tx.done, ...deleteSecretsOf(tx, key), tx.objectStore('credentials').put(updated));
    return updated;
  }

  async setStatus(id: string, status: CredentialStatus): Promise<CredentialMeta> {
    const parsedStatus = parseOrThrow(CredentialMetaSchema.entries.status, status);
    if (parsedStatus !== 'exposed' && parsedStatus !== 'compromised') await this.requireKey();
    const key = parseOrThrow(CredentialIdSchema, id);
    const db = await this.db();
    const current = readMeta(await db.get('credentials', key), key);
    const updated: CredentialMeta = { ...current, status: parsedStatus, updatedAt: this.clock.now() };
    const tx = db.transaction('credentials', 'readwrite');
    await this.commit(tx.done, tx.store.put(updated));
    return updated;
  }

  /** One decrypted field, for copying. A damaged record fails alone with 'corrupt-record'. */
  async revealField(id: string, field: FieldKind): Promise<string> {
    const dataKey = await this.requireKey();
    const key = parseOrThrow(CredentialIdSchema, id);
    const name = parseOrThrow(FieldSchema, field);
    const db = await this.db();
    const record = await db.get('secrets', [key, name]);
    if (!record) {
      if ((await db.getKey('credentials', key)) === undefined) throw notFound(key);
      throw new VaultError('not-found', 'This credential has no such field.', {
        credentialId: key,
        field: name,
      });
    }
    return decryptField(dataKey, record);
  }

  // ---- paste guard ---------------------------------------------------------------------------------------------

  /** Which stored value (if any) equals `value`, by keyed fingerprint. Works while locked. */
  async matchFingerprint(value: string): Promise<FingerprintMatch | null> {
    if (typeof value !== 'string' || value.length === 0 || value.length > 4 * 16_384) return null;
    const db = await this.db();
    const hmacKey = await this.getFingerprintKey();
    for (const candidate of new Set([value, value.trim()])) {
      if (candidate.length === 0) continue;
      const matches = await db.getAllFromIndex(
        'fingerprints',
        'by-fp',
        await fingerprint(hmacKey, candidate),
      );
      const first = matches.sort((a, b) => a.credentialId.localeCompare(b.credentialId))[0];
      if (first) return { credentialId: first.credentialId, field: first.field };
    }
    return null;
  }

  /** The content-script index of known values (high-entropy fields only). Works while locked. */
  async knownValueIndex(): Promise<KnownValueIndex> {
    const db = await this.db();
    const install = await this.meta('install');
    if (!install) throw new VaultError('corrupt-record', 'The vault database is missing its install record.');
    const entries = new Map<string, string>();
    for (const record of await db.getAll('knownValues')) {
      entries.set(record.hash, `${record.credentialId}:${record.field}`);
    }
    return { seed: toHex(install.knownValueSeed), entries };
  }

  // ---- settings ------------------------------------------------------------------------------------------------

  async getSettings(): Promise<Settings> {
    const record = await this.meta('settings');
    const result = v.safeParse(SettingsSchema, record?.settings);
    return result.success ? result.output : DEFAULT_SETTINGS;
  }

  async setSettings(patch: Partial<Settings>): Promise<Settings> {
    await this.requireKey();
    const parsed = parseOrThrow(SettingsPatchSchema, patch);
    const settings: Settings = { ...(await this.getSettings()), ...parsed };
    const db = await this.db();
    const tx = db.transaction('meta', 'readwrite');
    await this.commit(tx.done, tx.store.put({ k: 'settings', settings }));
    const active = await this.session.get();
    const result = v.safeParse(SessionRecordSchema, active);
    if (result.success) {
      await this.alarms.create(
        AUTOLOCK_ALARM,
        result.output.lastActivityAt + settings.autoLockMinutes * 60_000,
      );
    }
    return settings;
  }

  // ---- backup --------------------------------------------------------------------------------------------------

  /**
   * An encrypted backup of every credential. `password` is the vault passphrase or a separate export password;
   * either way the file gets its own salt and never holds the vault's data key.
   */
  async exportBackup(password: string): Promise<ExportResult> {
    const dataKey = await this.requireKey();
    const text = checkNewPassphrase(password);
    const db = await this.db();
    const tx = db.transaction(['credentials', 'secrets'], 'readonly');
    const [metas, secrets] = await Promise.all([
      tx.objectStore('credentials').getAll(),
      tx.objectStore('secrets').getAll(),
      tx.done,
    ]);
    const failed: FingerprintMatch[] = [];
    const values = new Map<string, SecretValues>();
    for (const record of secrets) {
      try {
        const fields = values.get(record.credentialId) ?? {};
        fields[record.field] = await decryptField(dataKey, record);
        values.set(record.credentialId, fields);
      } catch {
        failed.push({ credentialId: record.credentialId, field: record.field });
      }
    }
    const credentials: BackupCredential[] = [];
    for (const record of metas) {
      const result = v.safeParse(CredentialMetaSchema, record);
      if (!result.success) continue;
      credentials.push({ ...backupMetaOf(result.output), secrets: values.get(result.output.id) ?? {} });
    }
    const now = new Date(this.clock.now());
    const json = await encryptBackup({ credentials }, text, this.iterations, now);
    return {
      fileName: `keywarden-backup-${now.toISOString().slice(0, 10)}.json`,
      json,
      count: credentials.length,
      failed,
    };
  }

  async previewImport(file: unknown, password: string): Promise<ImportPreview> {
    await this.requireKey();
    const payload = await openBackup(file, checkPassphraseInput(password));
    const db = await this.db();
    const existing = new Map((await db.getAll('credentials')).map((record) => [idOf(record), record]));
    const add: ImportSummary[] = [];
    const replace: (ImportSummary & { currentLabel: string })[] = [];
    for (const credential of payload.credentials) {
      const summary = {
        id: credential.id,
        label: credential.label,
        exchange: credential.exchange,
        fields: storedFieldsOf(credential.secrets),
      };
      const current = existing.get(credential.id);
      if (current)
        replace.push({ ...summary, currentLabel: typeof current.label === 'string' ? current.label : '' });
      else add.push(summary);
    }
    return { createdAt: readCreatedAt(file), add, replace };
  }

  /** Adds every new credential and replaces the chosen existing ones, in one transaction. */
  async applyImport(file: unknown, password: string, choices: ImportChoices): Promise<ImportResult> {
    const dataKey = await this.requireKey();
    const parsedChoices = parseOrThrow(BackupChoicesSchema, choices);
    const payload = await openBackup(file, checkPassphraseInput(password));
    const db = await this.db();
    const existing = new Set(await db.getAllKeys('credentials'));
    const skip = new Set(parsedChoices.skip);
    const replaceIds = parsedChoices.replace;
    const shouldReplace = (id: string) =>
      replaceIds === 'all' ? true : replaceIds === 'none' ? false : replaceIds.includes(id);
    const writes: { meta: CredentialMeta; prepared: PreparedSecrets; replacing: boolean }[] = [];
    let skipped = 0;
    for (const credential of payload.credentials) {
      const replacing = existing.has(credential.id);
      if (skip.has(credential.id) || (replacing && !shouldReplace(credential.id))) {
        skipped++;
        continue;
      }
      const { secrets, ...rest } = credential;
      const meta: CredentialMeta = {
        ...rest,
        apiKeyHint: secrets.apiKey ? maskApiKey(secrets.apiKey) : null,
        storedFields: storedFieldsOf(secrets),
      };
      writes.push({ meta, prepared: await this.prepareSecrets(dataKey, credential.id, secrets), replacing });
    }
    const tx = db.transaction(ALL_STORES, 'readwrite');
    const requests: Promise<unknown>[] = [];
    for (const { meta, prepared, replacing } of writes) {
      if (replacing) requests.push(...deleteSecretsOf(tx, meta.id));
      requests.push(tx.objectStore('credentials').put(meta), ...putPrepared(tx, prepared));
    }
    await this.commit(tx.done, ...requests);
    const replaced = writes.filter((write) => write.replacing).length;
    return { added: writes.length - replaced, replaced, skipped };
  }

  // ---- internals -----------------------------------------------------------------------------------------------

  private db(): Promise<VaultDatabase> {
    this.dbPromise ??= openVaultDb(this.dbName, {
      onClosed: () => {
        this.dbPromise = null;
      },
    }).catch((error: unknown) => {
      this.dbPromise = null;
      throw storageError(error);
    });
    return this.dbPromise;
  }

  private async meta<K extends MetaKey>(k: K): Promise<MetaOf<K> | undefined> {
    const db = await this.db();
    const record = await db.get('meta', k);
    return record?.k === k ? (record as MetaOf<K>) : undefined;
  }

  private async requireHeader(): Promise<HeaderRecord> {
    const header = await this.meta('header');
    if (!header) throw new VaultError('uninitialised', 'The vault has not been set up yet.');
    return header;
  }

  /** Awaits a transaction and its requests; a failed request aborts the transaction and nothing is written. */
  private async commit(done: Promise<void>, ...requests: Promise<unknown>[]): Promise<void> {
    const settled = await Promise.allSettled([...requests, done]);
    const failure = settled.find((result) => result.status === 'rejected');
    if (failure) throw storageError(failure.reason);
  }

  /** The session record if it belongs to this vault and is not idle past the auto-lock time; locks otherwise. */
  private async activeSession(header: HeaderRecord, settings: Settings): Promise<SessionRecord | null> {
    const result = v.safeParse(SessionRecordSchema, await this.session.get());
    if (!result.success || result.output.vaultId !== header.vaultId) {
      this.cachedKey = null;
      return null;
    }
    if (this.clock.now() - result.output.lastActivityAt >= settings.autoLockMinutes * 60_000) {
      await this.lock();
      return null;
    }
    return result.output;
  }

  private async requireKey(): Promise<CryptoKey> {
    const header = await this.requireHeader();
    const active = await this.activeSession(header, await this.getSettings());
    if (!active) throw new VaultError('locked', 'The vault is locked.');
    if (this.cachedKey?.sessionId === active.sessionId) return this.cachedKey.key;
    const raw = fromBase64(active.key);
    if (!raw || raw.length !== 32) {
      await this.lock();
      throw new VaultError('locked', 'The vault is locked.');
    }
    const key = await importAesKey(raw);
    this.cachedKey = { sessionId: active.sessionId, key };
    return key;
  }

  private async startSession(vaultId: string, raw: Bytes): Promise<void> {
    const key = await importAesKey(raw);
    const now = this.clock.now();
    const record: SessionRecord = {
      v: 1,
      vaultId,
      sessionId: crypto.randomUUID(),
      key: toBase64(raw),
      unlockedAt: now,
      lastActivityAt: now,
    };
    await this.session.set(record);
    this.cachedKey = { sessionId: record.sessionId, key };
    const settings = await this.getSettings();
    await this.alarms.create(AUTOLOCK_ALARM, now + settings.autoLockMinutes * 60_000);
  }

  /** Checks the passphrase (with backoff) and returns the raw data key. */
  private async openDataKey(header: HeaderRecord, passphrase: string): Promise<Bytes> {
    const backoff = await this.meta('backoff');
    if (backoff?.retryAt && this.clock.now() < backoff.retryAt) {
      throw new VaultError('rate-limited', 'Too many wrong passphrases; wait before trying again.', {
        retryAt: backoff.retryAt,
      });
    }
    const { kek, verifier } = await deriveKeys(passphrase, header.kdf);
    if (!equalBytes(verifier, header.verifier)) {
      const retryAt = await this.recordFailure();
      throw new VaultError('wrong-passphrase', 'Wrong passphrase.', retryAt === null ? {} : { retryAt });
    }
    let raw: Bytes;
    try {
      raw = await unwrapDataKey(kek, header.wrappedKey);
    } catch {
      throw new VaultError('corrupt-record', 'The passphrase is right but the stored vault key is damaged.');
    }
    if (backoff) {
      const db = await this.db();
      const tx = db.transaction('meta', 'readwrite');
      await this.commit(tx.done, tx.store.delete('backoff'));
    }
    return raw;
  }

  private async recordFailure(): Promise<number | null> {
    const db = await this.db();
    const tx = db.transaction('meta', 'readwrite');
    const current = await tx.store.get('backoff');
    const failures = (current?.k === 'backoff' ? current.failures : 0) + 1;
    const excess = failures - BACKOFF_FREE_ATTEMPTS;
    const retryAt =
      excess >= 0
        ? this.clock.now() + Math.min(BACKOFF_BASE_MS * 2 ** Math.min(excess, 20), BACKOFF_MAX_MS)
        : null;
    await this.commit(tx.done, tx.store.put({ k: 'backoff', failures, retryAt }));
    return retryAt;
  }

  private async rewrap(
    header: HeaderRecord,
    passphrase: string,
    raw: Bytes,
    iterations: number,
  ): Promise<void> {
    const kdf = newKdfParams(iterations);
    const { kek, verifier } = await deriveKeys(passphrase, kdf);
    const wrappedKey = await wrapDataKey(kek, raw);
    // Prove the new wrapping opens before it replaces the old one.
    if (!equalBytes(await unwrapDataKey(kek, wrappedKey), raw)) {
      throw new VaultError('storage-failed', 'Could not re-wrap the vault key.');
    }
    const updated: HeaderRecord = {
      ...header,
      kdf,
      verifier,
      wrappedKey,
      passphraseChangedAt: this.clock.now(),
    };
    const db = await this.db();
    const tx = db.transaction('meta', 'readwrite');
    const current = await tx.store.get('header');
    if (current?.k !== 'header' || !equalBytes(current.wrappedKey, header.wrappedKey)) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new VaultError('storage-failed', 'The passphrase was changed elsewhere meanwhile; try again.');
    }
    await this.commit(tx.done, tx.store.put(updated));
  }

  /** Raises the stored PBKDF2 iterations to the current target after a successful unlock. */
  private async raiseKdfIfNeeded(header: HeaderRecord, passphrase: string, raw: Bytes): Promise<void> {
    if (header.kdf.iterations >= this.iterations) return;
    try {
      await this.rewrap(header, passphrase, raw, this.iterations);
    } catch {
      // The old wrapping still works; the next unlock tries again.
      console.warn('Keywarden: could not raise the vault KDF iterations; will retry on the next unlock.');
    }
  }

  /** After a schema upgrade, fills the paste-guard stores from the (now decryptable) secrets. */
  private async reindexIfPending(): Promise<void> {
    if (!(await this.meta('reindex'))) return;
    const dataKey = await this.requireKey();
    const db = await this.db();
    const records = await db.getAll('secrets');
    const byCredential = new Map<string, SecretValues>();
    for (const record of records) {
      try {
        const values = byCredential.get(record.credentialId) ?? {};
        values[record.field] = await decryptField(dataKey, record);
        byCredential.set(record.credentialId, values);
      } catch {
        // A damaged record stays damaged; it simply gets no fingerprint.
      }
    }
    const fingerprints: FingerprintRecord[] = [];
    const knownValues: KnownValueRecord[] = [];
    for (const [id, values] of byCredential) {
      const prepared = await this.prepareSecrets(dataKey, id, values, false);
      fingerprints.push(...prepared.fingerprints);
      knownValues.push(...prepared.knownValues);
    }
    const tx = db.transaction(['fingerprints', 'knownValues', 'meta'], 'readwrite');
    await this.commit(
      tx.done,
      ...fingerprints.map((record) => tx.objectStore('fingerprints').put(record)),
      ...knownValues.map((record) => tx.objectStore('knownValues').put(record)),
      tx.objectStore('meta').delete('reindex'),
    );
  }

  private getFingerprintKey(): Promise<CryptoKey> {
    this.fingerprintKey ??= this.meta('install').then((install) => {
      if (!install)
        throw new VaultError('corrupt-record', 'The vault database is missing its install record.');
      return importFingerprintKey(install.fingerprintKey);
    });
    this.fingerprintKey.catch(() => {
      this.fingerprintKey = null;
    });
    return this.fingerprintKey;
  }

  /** Encrypts and fingerprints values; all crypto here, before any transaction opens. */
  private async prepareSecrets(
    dataKey: CryptoKey,
    credentialId: string,
    values: SecretValues,
    encrypt = true,
  ): Promise<PreparedSecrets> {
    const hmacKey = await this.getFingerprintKey();
    const install = await this.meta('install');
    if (!install) throw new VaultError('corrupt-record', 'The vault database is missing its install record.');
    const seed = toHex(install.knownValueSeed);
    const prepared: PreparedSecrets = { secrets: [], fingerprints: [], knownValues: [] };
    for (const field of SECRET_FIELDS) {
      const value = values[field];
      if (value === undefined) continue;
      if (encrypt) {
        const envelope = await seal(dataKey, utf8(value), secretContext(credentialId, field));
        prepared.secrets.push({ credentialId, field, envelope });
      }
      const forms = new Set([value, value.trim(), ...this.hasher.knownValueForms(value)]);
      const fps = new Set<string>();
      for (const form of forms) if (form.length > 0) fps.add(await fingerprint(hmacKey, form));
      for (const fp of fps) prepared.fingerprints.push({ credentialId, field, fp });
      if ((KNOWN_VALUE_FIELDS as readonly FieldKind[]).includes(field)) {
        const hashes = new Set(
          this.hasher.knownValueForms(value).map((form) => this.hasher.hashKnownForm(seed, form)),
        );
        for (const hash of hashes) prepared.knownValues.push({ credentialId, field, hash });
      }
    }
    return prepared;
  }
}

type WriteTx = IDBPTransaction<
  VaultDB,
  ('credentials' | 'secrets' | 'fingerprints' | 'knownValues')[],
  'readwrite'
>;

function putPrepared(tx: WriteTx, prepared: PreparedSecrets): Promise<unknown>[] {
  return [
    ...prepared.secrets.map((record) => tx.objectStore('secrets').put(record)),
    ...prepared.fingerprints.map((record) => tx.objectStore('fingerprints').put(record)),
    ...prepared.knownValues.map((record) => tx.objectStore('knownValues').put(record)),
  ];
}

function deleteSecretsOf(tx: WriteTx, credentialId: string): Promise<unknown>[] {
  const range = credentialKeyRange(credentialId);
  return [
    tx.objectStore('secrets').delete(range),
    tx.objectStore('fingerprints').delete(range),
    tx.objectStore('knownValues').delete(range),
  ];
}

function deleteField(tx: WriteTx, credentialId: string, field: FieldKind): Promise<unknown>[] {
  const range = IDBKeyRange.bound([credentialId, field], [credentialId, field, []]);
  return [
    tx.objectStore('secrets').delete([credentialId, field]),
    tx.objectStore('fingerprints').delete(range),
    tx.objectStore('knownValues').delete(range),
  ];
}

async function decryptField(dataKey: CryptoKey, record: SecretRecord): Promise<string> {
  const details = { credentialId: record.credentialId, field: record.field };
  try {
    if (!(record.envelope instanceof Uint8Array)) throw new VaultError('corrupt-record', '');
    return fromUtf8(await open(dataKey, record.envelope, secretContext(record.credentialId, record.field)));
  } catch (error) {
    if (error instanceof VaultError && error.code === 'unsupported-version') {
      throw new VaultError(
        'unsupported-version',
        'This field was stored in a format this version cannot read.',
        details,
      );
    }
    throw new VaultError('corrupt-record', 'This field is damaged and cannot be decrypted.', details);
  }
}

function readMeta(record: unknown, id: string): CredentialMeta {
  if (record === undefined) throw notFound(id);
  return parseOrThrow(CredentialMetaSchema, record, 'corrupt-record', 'This credential record is damaged.');
}

function notFound(id: string): VaultError {
  return new VaultError('not-found', 'No such credential.', { credentialId: id });
}

function idOf(record: unknown): string {
  const id = typeof record === 'object' && record !== null ? (record as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : '';
}

/** Metadata as a backup carries it: without the fields derived from the secrets. */
function backupMetaOf(meta: CredentialMeta): Omit<BackupCredential, 'secrets'> {
  const copy: Record<string, unknown> = { ...meta };
  delete copy.apiKeyHint;
  delete copy.storedFields;
  return copy as Omit<BackupCredential, 'secrets'>;
}

function storedFieldsOf(secrets: SecretValues): FieldKind[] {
  return SECRET_FIELDS.filter((field) => secrets[field] !== undefined);
}

function readCreatedAt(file: unknown): string {
  // openBackup already validated the file, so this parse cannot fail.
  const parsed = JSON.parse(file as string) as { createdAt: string };
  return parsed.createdAt;
}

function storageError(error: unknown): VaultError {
  if (error instanceof VaultError) return error;
  const name = error instanceof Error || error instanceof DOMException ? error.name : 'unknown';
  return new VaultError('storage-failed', `The vault could not be saved or read (${name}).`);
}
