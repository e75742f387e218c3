import * as v from 'valibot';
import { BackupChoicesSchema } from '../../vault/backup';
import {
  CredentialIdSchema,
  CredentialInputSchema,
  CredentialPatchSchema,
  FieldSchema,
  SettingsPatchSchema,
} from '../../vault/model';
import type { Vault } from '../../vault/service';
import { PAGES_ONLY, type RouteSpec, type Routes } from '../router';

type VaultRoutes = {
  [K in Extract<keyof Routes, `vault.${string}` | `settings.${string}`>]: RouteSpec<K>;
};

export interface VaultRouteDeps {
  readonly vault: Vault;
  /** Runs after anything that changes stored keys: republish the guard index, refresh the badge. */
  readonly changed: () => Promise<void>;
  /** Remembers a copied value so the clipboard can be cleared later; returns when. */
  readonly copied: (value: string) => Promise<number | null>;
}

const EMPTY = v.strictObject({});
/** Passphrases and export passwords: any text up to a sane size; the vault judges the rest. */
const PASSWORD = v.pipe(v.string(), v.minLength(1), v.maxLength(1_024));
/** A backup file as text; the vault parses and checks it. */
const BACKUP_TEXT = v.pipe(v.string(), v.maxLength(20 * 1024 * 1024));

/** Vault operations: extension pages only. Every call counts as activity for the auto-lock timer. */
export function vaultRoutes({ vault, changed, copied }: VaultRouteDeps): VaultRoutes {
  const mutate = async <T>(work: () => Promise<T>): Promise<T> => {
    const result = await work();
    await changed();
    return result;
  };
  const active = async <T>(work: () => Promise<T>): Promise<T> => {
    const result = await work();
    await vault.touch();
    return result;
  };
  return {
    'vault.status': { from: PAGES_ONLY, payload: EMPTY, handle: () => vault.status() },
    'vault.create': {
      from: PAGES_ONLY,
      payload: v.strictObject({ passphrase: PASSWORD }),
      handle: async ({ passphrase }) => {
        await mutate(() => vault.create(passphrase));
        return vault.status();
      },
    },
    'vault.unlock': {
      from: PAGES_ONLY,
      payload: v.strictObject({ passphrase: PASSWORD }),
      handle: async ({ passphrase }) => {
        // Unlocking may rebuild the paste-guard fingerprints after a schema upgrade.
        await mutate(() => vault.unlock(passphrase));
        return vault.status();
      },
    },
    'vault.lock': {
      from: PAGES_ONLY,
      payload: EMPTY,
      handle: async () => {
        await vault.lock();
        return vault.status();
      },
    },
    'vault.changePassphrase': {
      from: PAGES_ONLY,
      payload: v.strictObject({ oldPassphrase: PASSWORD, newPassphrase: PASSWORD }),
      handle: async ({ oldPassphrase, newPassphrase }) => {
        await vault.changePassphrase(oldPassphrase, newPassphrase);
        return vault.status();
      },
    },
    'vault.list': { from: PAGES_ONLY, payload: EMPTY, handle: () => vault.listCredentials() },
    'vault.add': {
      from: PAGES_ONLY,
      payload: v.strictObject({ input: CredentialInputSchema }),
      handle: ({ input }) => active(() => mutate(() => vault.addCredential(input))),
    },
    'vault.update': {
      from: PAGES_ONLY,
      payload: v.strictObject({ id: CredentialIdSchema, patch: CredentialPatchSchema }),
      handle: ({ id, patch }) => active(() => mutate(() => vault.updateCredential(id, patch))),
    },
    'vault.delete': {
      from: PAGES_ONLY,
      payload: v.strictObject({ id: CredentialIdSchema }),
      handle: async ({ id }) => {
        await active(() => mutate(() => vault.deleteCredential(id)));
        return { deleted: true };
      },
    },
    'vault.reveal': {
      from: PAGES_ONLY,
      payload: v.strictObject({ id: CredentialIdSchema, field: FieldSchema }),
      handle: async ({ id, field }) => ({ value: await active(() => vault.revealField(id, field)) }),
    },
    'vault.copied': {
      from: PAGES_ONLY,
      payload: v.strictObject({ id: CredentialIdSchema, field: FieldSchema }),
      handle: async ({ id, field }) => ({
        clearsAt: await copied(await active(() => vault.revealField(id, field))),
      }),
    },
    'vault.export': {
      from: PAGES_ONLY,
      payload: v.strictObject({ password: PASSWORD }),
      handle: ({ password }) => active(() => vault.exportBackup(password)),
    },
    'vault.importPreview': {
      from: PAGES_ONLY,
      payload: v.strictObject({ file: BACKUP_TEXT, password: PASSWORD }),
      handle: ({ file, password }) => active(() => vault.previewImport(file, password)),
    },
    'vault.importApply': {
      from: PAGES_ONLY,
      payload: v.strictObject({ file: BACKUP_TEXT, password: PASSWORD, choices: BackupChoicesSchema }),
      handle: ({ file, password, choices }) =>
        active(() => mutate(() => vault.applyImport(file, password, choices))),
    },
    'settings.get': { from: PAGES_ONLY, payload: EMPTY, handle: () => vault.getSettings() },
    'settings.set': {
      from: PAGES_ONLY,
      payload: v.strictObject({ patch: SettingsPatchSchema }),
      handle: ({ patch }) => active(() => vault.setSettings(patch)),
    },
  };
}
