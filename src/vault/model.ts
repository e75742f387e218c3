/**
 * What the vault stores about a credential, and the valibot schemas that check every input crossing into it
 * (popup forms, backup files) and every record read back from IndexedDB.
 */
import * as v from 'valibot';
import { EXCHANGE_IDS, type ExchangeId, type FieldKind } from '../exchanges/types';
import { VaultError } from './errors';

export const SECRET_FIELDS = [
  'apiKey',
  'secret',
  'passphrase',
  'privateKey',
] as const satisfies readonly FieldKind[];

/**
 * Fields that get a fast hash in the content-script known-value index. Exchange passphrases are chosen by users
 * and often short; a 64-bit fast hash of one, readable by every content script, would be cheap to brute-force.
 */
export const KNOWN_VALUE_FIELDS = ['apiKey', 'secret', 'privateKey'] as const satisfies readonly FieldKind[];

export const CREDENTIAL_STATUSES = ['active', 'exposed', 'compromised', 'revoked'] as const;
export type CredentialStatus = (typeof CREDENTIAL_STATUSES)[number];

export type IpAllowlist =
  | { readonly state: 'list'; readonly entries: readonly string[] }
  | { readonly state: 'none' }
  | { readonly state: 'unknown' };

export type UsageKind = 'app' | 'bot' | 'unknown';

/** An app or bot the key is configured in. */
export interface Usage {
  readonly kind: UsageKind;
  readonly name: string;
  /** Web domain of the app or bot, when it has one (lower-case host name). */
  readonly domain: string | null;
}

export type SecretValues = Partial<Record<FieldKind, string>>;

/**
 * Everything a list or audit needs, readable while the vault is locked. Dates are epoch milliseconds; `null` means
 * unknown (created/rotated) or none (expiry).
 */
export interface CredentialMeta {
  readonly id: string;
  readonly exchange: ExchangeId;
  readonly label: string;
  /**
   * First and last characters of the api key ("AbCd…wXyZ"), so users can match it with the exchange's key list.
   * The api key identifies rather than authenticates, but it is still stored encrypted: with the secret it is the
   * whole credential, and a full key in clear metadata would tell a disk thief which accounts to target.
   */
  readonly apiKeyHint: string | null;
  /** Which secret fields have a ciphertext. */
  readonly storedFields: readonly FieldKind[];
  /** Permission ids as the exchange names them. */
  readonly permissions: readonly string[];
  readonly ipAllowlist: IpAllowlist;
  readonly createdAt: number | null;
  readonly lastRotatedAt: number | null;
  readonly expiresAt: number | null;
  readonly usedBy: readonly Usage[];
  /** Not encrypted: shown in lists and audits. The form should say so. */
  readonly notes: string;
  readonly status: CredentialStatus;
  /** Id of the credential this one replaces (rotation chain). */
  readonly replaces: string | null;
  readonly addedAt: number;
  readonly updatedAt: number;
  /** Set by destroySecrets (revocation). */
  readonly secretsDestroyedAt: number | null;
}

export interface CredentialInput {
  readonly exchange: ExchangeId;
  readonly label: string;
  readonly secrets: SecretValues;
  readonly permissions?: readonly string[];
  readonly ipAllowlist?: IpAllowlist;
  readonly createdAt?: number | null;
  readonly lastRotatedAt?: number | null;
  readonly expiresAt?: number | null;
  readonly usedBy?: readonly Usage[];
  readonly notes?: string;
  readonly status?: CredentialStatus;
  readonly replaces?: string | null;
}

/** A partial update; a secret set to null removes that field. */
export interface CredentialPatch extends Partial<Omit<CredentialInput, 'secrets'>> {
  readonly secrets?: Partial<Record<FieldKind, string | null>>;
}

export interface Settings {
  /** Idle minutes before the vault locks itself. */
  readonly autoLockMinutes: number;
  /** Seconds before a copied secret is cleared from the clipboard; 0 = never. */
  readonly clipboardClearSeconds: number;
  /** Age in days after which the audit suggests rotating a key. */
  readonly rotationDays: number;
}

export const DEFAULT_SETTINGS: Settings = {
  autoLockMinutes: 15,
  clipboardClearSeconds: 30,
  rotationDays: 90,
};

export const LIMITS = {
  secretChars: 16_384,
  labelChars: 200,
  notesChars: 10_000,
  listEntries: 200,
  shortChars: 253,
} as const;

const ID = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/));
const SHORT = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.shortChars));
/** A lone UTF-16 surrogate would not survive UTF-8 encryption unchanged, so it is refused rather than altered. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const SECRET = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(LIMITS.secretChars),
  v.check((value) => !LONE_SURROGATE.test(value), 'well-formed text'),
);
const DATE = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8_640_000_000_000_000));
const DOMAIN = v.pipe(
  v.string(),
  v.maxLength(253),
  v.regex(/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/),
);
const IP_ENTRY = v.pipe(v.string(), v.regex(/^[0-9A-Fa-f:.]{2,45}(?:\/\d{1,3})?$/));

export const IpAllowlistSchema = v.variant('state', [
  v.strictObject({
    state: v.literal('list'),
    entries: v.pipe(v.array(IP_ENTRY), v.maxLength(LIMITS.listEntries)),
  }),
  v.strictObject({ state: v.literal('none') }),
  v.strictObject({ state: v.literal('unknown') }),
]);

export const UsageSchema = v.strictObject({
  kind: v.picklist(['app', 'bot', 'unknown']),
  name: SHORT,
  domain: v.nullable(DOMAIN),
});

export const SecretValuesSchema = v.strictObject({
  apiKey: v.optional(SECRET),
  secret: v.optional(SECRET),
  passphrase: v.optional(SECRET),
  privateKey: v.optional(SECRET),
});

const metadataEntries = {
  exchange: v.picklist(EXCHANGE_IDS),
  label: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(LIMITS.labelChars)),
  permissions: v.pipe(v.array(SHORT), v.maxLength(LIMITS.listEntries)),
  ipAllowlist: IpAllowlistSchema,
  createdAt: v.nullable(DATE),
  lastRotatedAt: v.nullable(DATE),
  expiresAt: v.nullable(DATE),
  usedBy: v.pipe(v.array(UsageSchema), v.maxLength(LIMITS.listEntries)),
  notes: v.pipe(v.string(), v.maxLength(LIMITS.notesChars)),
  status: v.picklist(CREDENTIAL_STATUSES),
  replaces: v.nullable(ID),
};

export const CredentialInputSchema = v.strictObject({
  exchange: metadataEntries.exchange,
  label: metadataEntries.label,
  secrets: SecretValuesSchema,
  permissions: v.optional(metadataEntries.permissions, []),
  ipAllowlist: v.optional(metadataEntries.ipAllowlist, { state: 'unknown' }),
  createdAt: v.optional(metadataEntries.createdAt, null),
  lastRotatedAt: v.optional(metadataEntries.lastRotatedAt, null),
  expiresAt: v.optional(metadataEntries.expiresAt, null),
  usedBy: v.optional(metadataEntries.usedBy, []),
  notes: v.optional(metadataEntries.notes, ''),
  status: v.optional(metadataEntries.status, 'active'),
  replaces: v.optional(metadataEntries.replaces, null),
});

export const CredentialPatchSchema = v.strictObject({
  exchange: v.optional(metadataEntries.exchange),
  label: v.optional(metadataEntries.label),
  secrets: v.optional(
    v.strictObject({
      apiKey: v.optional(v.nullable(SECRET)),
      secret: v.optional(v.nullable(SECRET)),
      passphrase: v.optional(v.nullable(SECRET)),
      privateKey: v.optional(v.nullable(SECRET)),
    }),
  ),
  permissions: v.optional(metadataEntries.permissions),
  ipAllowlist: v.optional(metadataEntries.ipAllowlist),
  createdAt: v.optional(metadataEntries.createdAt),
  lastRotatedAt: v.optional(metadataEntries.lastRotatedAt),
  expiresAt: v.optional(metadataEntries.expiresAt),
  usedBy: v.optional(metadataEntries.usedBy),
  notes: v.optional(metadataEntries.notes),
  status: v.optional(metadataEntries.status),
  replaces: v.optional(metadataEntries.replaces),
});

/** A stored metadata record, re-checked on every read so a damaged record is reported, not trusted. */
export const CredentialMetaSchema = v.strictObject({
  id: ID,
  ...metadataEntries,
  apiKeyHint: v.nullable(v.pipe(v.string(), v.maxLength(16))),
  storedFields: v.pipe(v.array(v.picklist(SECRET_FIELDS)), v.maxLength(SECRET_FIELDS.length)),
  addedAt: DATE,
  updatedAt: DATE,
  secretsDestroyedAt: v.nullable(DATE),
});

export const SettingsSchema = v.strictObject({
  autoLockMinutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(24 * 60)),
  // 0 turns clearing off; otherwise at least 5 s, so the value can be pasted once.
  clipboardClearSeconds: v.union([
    v.literal(0),
    v.pipe(v.number(), v.integer(), v.minValue(5), v.maxValue(600)),
  ]),
  rotationDays: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3650)),
});

export const SettingsPatchSchema = v.partial(SettingsSchema);

export const CredentialIdSchema = ID;
export const FieldSchema = v.picklist(SECRET_FIELDS);

/** Paths and expectations only: valibot's own messages quote the received value, which may be a secret. */
function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues
    .slice(0, 20)
    .map((issue) => `${v.getDotPath(issue) ?? '(root)'}: expected ${issue.expected ?? issue.type}`);
}

/** Parses untrusted input or throws a VaultError with the given code and non-secret issue paths. */
export function parseOrThrow<const TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
  code: 'invalid-input' | 'backup-invalid' | 'corrupt-record' = 'invalid-input',
  message = 'The input is not valid.',
): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, input);
  if (!result.success) throw new VaultError(code, message, { issues: describeIssues(result.issues) });
  return result.output;
}

/**
 * "AbCd…wXyZ": enough to match a key in the exchange's own list, short enough that the hint of a 64-character key
 * does not reduce its guessing cost in any useful way. Keys shorter than 16 characters only show 2 + 2, and keys
 * shorter than 8 show nothing.
 */
export function maskApiKey(apiKey: string): string | null {
  const key = apiKey.trim();
  const chars = Array.from(key);
  if (chars.length >= 16) return `${chars.slice(0, 4).join('')}…${chars.slice(-4).join('')}`;
  if (chars.length >= 8) return `${chars.slice(0, 2).join('')}…${chars.slice(-2).join('')}`;
  return null;
}
