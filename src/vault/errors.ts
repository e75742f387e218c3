/**
 * Every failure the vault reports. Messages are fixed, human sentences: they never include a passphrase, a secret
 * field, a backup's contents or a library message that might echo its input.
 */
export type VaultErrorCode =
  | 'uninitialised'
  | 'already-initialised'
  | 'locked'
  | 'wrong-passphrase'
  | 'weak-passphrase'
  | 'rate-limited'
  | 'not-found'
  | 'invalid-input'
  | 'corrupt-record'
  | 'unsupported-version'
  | 'backup-invalid'
  | 'storage-failed';

/** Non-secret context a caller may show or act on. */
export interface VaultErrorDetails {
  /** For 'rate-limited': epoch ms when the next attempt is allowed. */
  readonly retryAt?: number;
  readonly credentialId?: string;
  readonly field?: string;
  /** For 'invalid-input' and 'backup-invalid': where the input is wrong (paths and expectations, never values). */
  readonly issues?: readonly string[];
}

export class VaultError extends Error {
  override readonly name = 'VaultError';

  constructor(
    readonly code: VaultErrorCode,
    message: string,
    readonly details: VaultErrorDetails = {},
  ) {
    super(message);
  }
}

export function isVaultError(error: unknown, code?: VaultErrorCode): error is VaultError {
  return error instanceof VaultError && (code === undefined || error.code === code);
}
