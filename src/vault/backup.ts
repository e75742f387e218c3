/**
 * Encrypted backup files: versioned, self-describing JSON.
 *
 * ```json
 * { "format": "keywarden-backup", "version": 1, "createdAt": "2025-…Z",
 *   "kdf": { "name": "PBKDF2", "hash": "SHA-256", "iterations": 600000, "salt": "<base64>" },
 *   "verifier": "<base64>", "payload": "<base64 envelope>" }
 * ```
 *
 * The password (the vault passphrase or a separate export password) goes through the same KDF as the vault, with
 * a fresh salt per file; the payload is one AES-GCM envelope whose additional data binds every header field, so an
 * edited header is detected. The file never contains the vault's own data key, so a leaked old backup says nothing
 * about the live vault's ciphertexts. Everything read from a file is untrusted: size-capped before parsing, keys
 * that could pollute prototypes rejected, shapes checked with valibot, and every failure a typed VaultError.
 */
import * as v from 'valibot';
import { equalBytes, fromBase64, fromUtf8, toBase64, utf8 } from './bytes';
import { open, seal } from './envelope';
import { VaultError } from './errors';
import { deriveKeys, MAX_KDF_ITERATIONS, MIN_ACCEPTED_ITERATIONS, newKdfParams, type KdfParams } from './kdf';
import { CredentialIdSchema, CredentialMetaSchema, SecretValuesSchema, parseOrThrow } from './model';

export const BACKUP_FORMAT = 'keywarden-backup';
export const BACKUP_VERSION = 1;
/** A backup of 5,000 credentials with RSA keys stays well under this. */
export const MAX_BACKUP_CHARS = 32 * 1024 * 1024;
export const MAX_BACKUP_CREDENTIALS = 5_000;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** One credential inside a backup: its metadata (minus what is derived from secrets) and its secret values. */
export const BackupCredentialSchema = v.strictObject({
  ...v.omit(CredentialMetaSchema, ['apiKeyHint', 'storedFields']).entries,
  secrets: SecretValuesSchema,
});
export type BackupCredential = v.InferOutput<typeof BackupCredentialSchema>;

const PayloadSchema = v.strictObject({
  credentials: v.pipe(v.array(BackupCredentialSchema), v.maxLength(MAX_BACKUP_CREDENTIALS)),
});
export type BackupPayload = v.InferOutput<typeof PayloadSchema>;

const B64 = (maxChars: number) => v.pipe(v.string(), v.maxLength(maxChars));

const FileV1Schema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  createdAt: v.pipe(v.string(), v.maxLength(40), v.isoTimestamp()),
  kdf: v.strictObject({
    name: v.literal('PBKDF2'),
    hash: v.literal('SHA-256'),
    iterations: v.pipe(
      v.number(),
      v.integer(),
      v.minValue(MIN_ACCEPTED_ITERATIONS),
      v.maxValue(MAX_KDF_ITERATIONS),
    ),
    salt: B64(88),
  }),
  verifier: B64(88),
  payload: B64(MAX_BACKUP_CHARS),
});
type FileV1 = v.InferOutput<typeof FileV1Schema>;

/** JSON.parse that refuses keys able to reach a prototype once the object is spread or merged. */
function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key))
        throw new VaultError('backup-invalid', `The ${what} contains a forbidden key.`);
      return value;
    });
  } catch (error) {
    if (error instanceof VaultError) throw error;
    throw new VaultError('backup-invalid', `The ${what} is not valid JSON (it may be truncated).`);
  }
}

function payloadContext(file: Pick<FileV1, 'format' | 'version' | 'createdAt' | 'kdf' | 'verifier'>): string {
  const { format, version, createdAt, kdf, verifier } = file;
  return `backup/${JSON.stringify([format, version, createdAt, kdf.name, kdf.hash, kdf.iterations, kdf.salt, verifier])}`;
}

export async function encryptBackup(
  payload: BackupPayload,
  password: string,
  iterations: number,
  createdAt: Date,
): Promise<string> {
  const params = newKdfParams(iterations);
  const { kek, verifier } = await deriveKeys(password, params);
  const header = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: createdAt.toISOString(),
    kdf: { name: params.name, hash: params.hash, iterations: params.iterations, salt: toBase64(params.salt) },
    verifier: toBase64(verifier),
  } as const;
  const sealed = await seal(kek, utf8(JSON.stringify(payload)), payloadContext(header));
  return JSON.stringify({ ...header, payload: toBase64(sealed) }, null, 2);
}

function readHeader(file: unknown): FileV1 {
  if (typeof file !== 'string') throw new VaultError('backup-invalid', 'A backup file must be text.');
  if (file.length > MAX_BACKUP_CHARS) throw new VaultError('backup-invalid', 'The backup file is too large.');
  const json = parseJson(file, 'backup file');
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new VaultError('backup-invalid', 'This is not a Keywarden backup file.');
  }
  const { format, version } = json as Record<string, unknown>;
  if (format !== BACKUP_FORMAT)
    throw new VaultError('backup-invalid', 'This is not a Keywarden backup file.');
  if (typeof version !== 'number')
    throw new VaultError('backup-invalid', 'The backup file has no valid version.');
  if (version !== BACKUP_VERSION) {
    throw new VaultError(
      'unsupported-version',
      'This backup was written by a newer or unknown version of Keywarden and cannot be read.',
    );
  }
  return parseOrThrow(FileV1Schema, json, 'backup-invalid', 'The backup file is malformed.');
}

/** Validates, decrypts and checks a backup file. Throws VaultError; never returns partial data. */
export async function openBackup(file: unknown, password: string): Promise<BackupPayload> {
  const header = readHeader(file);
  const salt = fromBase64(header.kdf.salt);
  const expected = fromBase64(header.verifier);
  const sealed = fromBase64(header.payload);
  if (!salt || salt.length < 16 || salt.length > 64 || !expected || expected.length !== 16 || !sealed) {
    throw new VaultError('backup-invalid', 'The backup file is malformed.');
  }
  const params: KdfParams = { name: 'PBKDF2', hash: 'SHA-256', iterations: header.kdf.iterations, salt };
  const { kek, verifier } = await deriveKeys(password, params);
  if (!equalBytes(verifier, expected)) {
    throw new VaultError(
      'wrong-passphrase',
      'Wrong password for this backup (or its key parameters were altered).',
    );
  }
  let text: string;
  try {
    text = fromUtf8(await open(kek, sealed, payloadContext(header)));
  } catch (error) {
    if (error instanceof VaultError && error.code === 'unsupported-version') throw error;
    throw new VaultError('backup-invalid', 'The backup was altered or is damaged.');
  }
  const payload = parseOrThrow(
    PayloadSchema,
    parseJson(text, 'backup contents'),
    'backup-invalid',
    'The backup contents are malformed.',
  );
  const ids = new Set<string>();
  for (const credential of payload.credentials) {
    if (ids.has(credential.id))
      throw new VaultError('backup-invalid', 'The backup lists a credential twice.');
    ids.add(credential.id);
  }
  return payload;
}

export const BackupChoicesSchema = v.strictObject({
  /** Existing credentials (by id) the backup's version should replace; 'all' or 'none'. */
  replace: v.union([
    v.picklist(['all', 'none']),
    v.pipe(v.array(CredentialIdSchema), v.maxLength(MAX_BACKUP_CREDENTIALS)),
  ]),
  /** Backup credentials (by id) not to import at all. */
  skip: v.optional(v.pipe(v.array(CredentialIdSchema), v.maxLength(MAX_BACKUP_CREDENTIALS)), []),
});
export type ImportChoices = v.InferInput<typeof BackupChoicesSchema>;
