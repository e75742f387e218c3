import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { EXCHANGE_IDS } from '../exchanges/types';
import { encryptBackup, MAX_BACKUP_CHARS, openBackup, type BackupPayload } from './backup';
import { isVaultError, type VaultErrorCode } from './errors';
import type { CredentialInput } from './model';
import type { VaultDB } from './schema';
import type { Vault } from './service';
import { harness, OTHER_PASSPHRASE, PASSPHRASE, randomKey, sampleInput, TEST_ITERATIONS } from './testing';

const EXPORT_PASSWORD = 'velvet-signal-harbor-quartz-lamp';

const text = (maxLength: number) => fc.string({ minLength: 1, maxLength, unit: 'grapheme' });
const trimmed = (maxLength: number) => text(maxLength).filter((s) => s.trim() === s);
const date = fc.option(fc.integer({ min: 0, max: 4_102_444_800_000 }), { nil: null });

const inputArb: fc.Arbitrary<CredentialInput> = fc.record({
  exchange: fc.constantFrom(...EXCHANGE_IDS),
  label: trimmed(40),
  secrets: fc.record(
    { apiKey: text(100), secret: text(100), passphrase: text(40), privateKey: text(400) },
    { requiredKeys: [] },
  ),
  permissions: fc.array(text(30), { maxLength: 5 }),
  ipAllowlist: fc.oneof(
    fc.constant({ state: 'none' as const }),
    fc.constant({ state: 'unknown' as const }),
    fc.record({ state: fc.constant('list' as const), entries: fc.array(fc.ipV4(), { maxLength: 4 }) }),
  ),
  createdAt: date,
  lastRotatedAt: date,
  expiresAt: date,
  usedBy: fc.array(
    fc.record({
      kind: fc.constantFrom('app' as const, 'bot' as const, 'unknown' as const),
      name: text(30),
      domain: fc.option(fc.constantFrom('3commas.io', 'app.hummingbot.org', 'example.com'), { nil: null }),
    }),
    { maxLength: 3 },
  ),
  notes: fc.string({ maxLength: 200, unit: 'grapheme' }),
  status: fc.constantFrom('active' as const, 'exposed' as const, 'compromised' as const, 'revoked' as const),
});

async function secretsOf(vault: Vault): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const meta of (await vault.listCredentials()).credentials) {
    for (const field of meta.storedFields)
      out[`${meta.id}:${field}`] = await vault.revealField(meta.id, field);
  }
  return out;
}

async function snapshot(vault: Vault, dbName: string): Promise<string> {
  const db = await openDB<VaultDB>(dbName);
  const counts = await Promise.all(
    (['credentials', 'secrets', 'fingerprints', 'knownValues'] as const).map((store) => db.count(store)),
  );
  db.close();
  return JSON.stringify([await vault.listCredentials(), await secretsOf(vault), counts]);
}

async function codeOf(promise: Promise<unknown>): Promise<VaultErrorCode> {
  try {
    await promise;
  } catch (error) {
    if (isVaultError(error)) return error.code;
    throw error;
  }
  throw new Error('expected a VaultError');
}

describe('backup round trip', () => {
  it('exports and imports any set of credentials without loss', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(inputArb, { maxLength: 4 }), async (inputs) => {
        const source = harness();
        await source.vault.create(PASSPHRASE);
        for (const input of inputs) await source.vault.addCredential(input);
        const { json, count, failed } = await source.vault.exportBackup(EXPORT_PASSWORD);
        expect(count).toBe(inputs.length);
        expect(failed).toEqual([]);
        // Short generated values can occur in the header by chance ("name"); long ones cannot.
        for (const input of inputs) {
          for (const value of Object.values(input.secrets)) {
            if (value.length >= 16) expect(json).not.toContain(JSON.stringify(value).slice(1, -1));
          }
        }

        const target = harness();
        await target.vault.create(OTHER_PASSPHRASE);
        const preview = await target.vault.previewImport(json, EXPORT_PASSWORD);
        expect(preview.add).toHaveLength(inputs.length);
        expect(preview.replace).toEqual([]);
        expect(await target.vault.applyImport(json, EXPORT_PASSWORD, { replace: 'none' })).toEqual({
          added: inputs.length,
          replaced: 0,
          skipped: 0,
        });
        expect(await target.vault.listCredentials()).toEqual(await source.vault.listCredentials());
        expect(await secretsOf(target.vault)).toEqual(await secretsOf(source.vault));
        for (const input of inputs) {
          for (const value of Object.values(input.secrets)) {
            expect(await target.vault.matchFingerprint(value)).not.toBeNull();
          }
        }
      }),
      { numRuns: 25 },
    );
  }, 60_000);

  it('previews replacements and applies only the chosen ones, in one go', async () => {
    const h = harness();
    await h.vault.create(PASSPHRASE);
    const a = await h.vault.addCredential(sampleInput({ label: 'A' }));
    const b = await h.vault.addCredential(sampleInput({ label: 'B' }));
    const { json } = await h.vault.exportBackup(PASSPHRASE);
    await h.vault.updateCredential(a.id, { label: 'A edited', secrets: { secret: randomKey() } });
    await h.vault.updateCredential(b.id, { label: 'B edited' });
    const c = await h.vault.addCredential(sampleInput({ label: 'C' }));
    await h.vault.deleteCredential(c.id);

    const preview = await h.vault.previewImport(json, PASSPHRASE);
    expect(preview.add).toEqual([]);
    expect(preview.replace.map((r) => [r.id, r.label, r.currentLabel]).sort()).toEqual(
      [
        [a.id, 'A', 'A edited'],
        [b.id, 'B', 'B edited'],
      ].sort(),
    );
    expect(await h.vault.applyImport(json, PASSPHRASE, { replace: [a.id] })).toEqual({
      added: 0,
      replaced: 1,
      skipped: 1,
    });
    expect((await h.vault.getCredential(a.id)).label).toBe('A');
    expect((await h.vault.getCredential(b.id)).label).toBe('B edited');
  });

  it('reports fields it could not decrypt instead of failing the whole export', async () => {
    const h = harness();
    await h.vault.create(PASSPHRASE);
    const a = await h.vault.addCredential(sampleInput());
    const db = await openDB<VaultDB>(h.dbName);
    const record = await db.get('secrets', [a.id, 'secret']);
    const damaged = record!.envelope.slice();
    damaged[20] = (damaged[20] ?? 0) ^ 1;
    await db.put('secrets', { ...record!, envelope: damaged });
    db.close();
    const result = await h.vault.exportBackup(PASSPHRASE);
    expect(result.failed).toEqual([{ credentialId: a.id, field: 'secret' }]);
    expect(Object.keys((await openBackup(result.json, PASSPHRASE)).credentials[0]!.secrets)).toEqual([
      'apiKey',
    ]);
  });
});

describe('hostile backup files', () => {
  async function setup() {
    const h = harness();
    await h.vault.create(PASSPHRASE);
    await h.vault.addCredential(sampleInput({ label: 'existing' }));
    const other = harness();
    await other.vault.create(PASSPHRASE);
    await other.vault.addCredential(sampleInput({ label: 'incoming' }));
    const { json } = await other.vault.exportBackup(EXPORT_PASSWORD);
    return { h, json, before: await snapshot(h.vault, h.dbName) };
  }

  const edit = (json: string, change: (file: Record<string, unknown>) => void): string => {
    const file = JSON.parse(json) as Record<string, unknown>;
    change(file);
    return JSON.stringify(file);
  };

  const crafted = (payload: unknown) =>
    encryptBackup(payload as BackupPayload, EXPORT_PASSWORD, TEST_ITERATIONS, new Date());

  it.each<[string, (json: string) => unknown, VaultErrorCode, string?]>([
    ['not text', () => ({ format: 'keywarden-backup' }), 'backup-invalid'],
    ['not JSON', () => 'hello', 'backup-invalid'],
    ['a JSON array', () => '[]', 'backup-invalid'],
    ['another format', (json) => edit(json, (f) => (f.format = 'bitwarden')), 'backup-invalid'],
    ['a newer version', (json) => edit(json, (f) => (f.version = 2)), 'unsupported-version'],
    ['a version of the wrong type', (json) => edit(json, (f) => (f.version = '1')), 'backup-invalid'],
    [
      'a salt of the wrong type',
      (json) => edit(json, (f) => ((f.kdf as { salt: unknown }).salt = 7)),
      'backup-invalid',
    ],
    ['an unknown field', (json) => edit(json, (f) => (f.extra = true)), 'backup-invalid'],
    [
      'a prototype-polluting key',
      (json) => json.replace('{', '{"__proto__":{"polluted":true},'),
      'backup-invalid',
    ],
    [
      'a constructor key',
      (json) => json.replace('"kdf": {', '"kdf": {"constructor":{"prototype":{}},'),
      'backup-invalid',
    ],
    [
      'a huge iteration count',
      (json) => edit(json, (f) => ((f.kdf as { iterations: number }).iterations = 2_000_000_000)),
      'backup-invalid',
    ],
    ['a huge file', () => ' '.repeat(MAX_BACKUP_CHARS + 1), 'backup-invalid'],
    ['a bad base64 payload', (json) => edit(json, (f) => (f.payload = '!!!')), 'backup-invalid'],
    [
      'a flipped payload byte',
      (json) =>
        edit(json, (f) => {
          const bytes = Buffer.from(f.payload as string, 'base64');
          bytes[30] = (bytes[30] ?? 0) ^ 1;
          f.payload = bytes.toString('base64');
        }),
      'backup-invalid',
    ],
    [
      'an edited date',
      (json) => edit(json, (f) => (f.createdAt = '2020-01-01T00:00:00.000Z')),
      'backup-invalid',
    ],
    [
      'an edited iteration count',
      (json) => edit(json, (f) => ((f.kdf as { iterations: number }).iterations += 1)),
      'wrong-passphrase',
    ],
    ['a wrong password', (json) => json, 'wrong-passphrase', 'wrong-password-for-this-file'],
    [
      'contents with a polluting key',
      () => crafted(JSON.parse('{"credentials":[],"__proto__":{"x":1}}')),
      'backup-invalid',
    ],
    [
      'contents of the wrong shape',
      () => crafted({ credentials: [{ id: 'x', label: 5 }] }),
      'backup-invalid',
    ],
    [
      'too many credentials',
      () => crafted({ credentials: Array.from({ length: 5_001 }, () => ({})) }),
      'backup-invalid',
    ],
  ])('refuses %s with a typed error and leaves the vault unchanged', async (_name, make, code, password) => {
    const { h, json, before } = await setup();
    const file = await make(json);
    const usePassword = password ?? EXPORT_PASSWORD;
    expect(await codeOf(h.vault.previewImport(file, usePassword))).toBe(code);
    expect(await codeOf(h.vault.applyImport(file, usePassword, { replace: 'all' }))).toBe(code);
    expect(await snapshot(h.vault, h.dbName)).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses every truncation of a valid file', async () => {
    const { h, json, before } = await setup();
    for (let cut = 0; cut < json.length; cut += 23) {
      expect(await codeOf(h.vault.previewImport(json.slice(0, cut), EXPORT_PASSWORD))).toBe('backup-invalid');
    }
    expect(await snapshot(h.vault, h.dbName)).toBe(before);
  });

  it('needs the vault unlocked', async () => {
    const { h, json } = await setup();
    await h.vault.lock();
    expect(await codeOf(h.vault.previewImport(json, EXPORT_PASSWORD))).toBe('locked');
    expect(await codeOf(h.vault.exportBackup(EXPORT_PASSWORD))).toBe('locked');
  });
});

describe('input checks', () => {
  it('refuses secrets with lone surrogates instead of altering them', async () => {
    const h = harness();
    await h.vault.create(PASSPHRASE);
    expect(await codeOf(h.vault.addCredential(sampleInput({ secrets: { secret: 'abc\uD800def' } })))).toBe(
      'invalid-input',
    );
  });
});
