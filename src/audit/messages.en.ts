/**
 * English text of every audit finding and action, the source of truth for the `audit*` entries of
 * public/_locales/en/messages.json. `$1`, `$2`… are positional: a finding's `substitutions` fill them in order.
 * localeFragment() turns this table into the _locales format (named placeholders whose content is `$n`, which is
 * how chrome.i18n.getMessage fills them); src/audit/locales.en.json holds that output, kept in sync by a test.
 */

export interface MessageDef {
  readonly message: string;
  readonly description: string;
  /** One [name, example] pair per `$n`, in order. */
  readonly placeholders: readonly (readonly [name: string, example: string])[];
}

function m(message: string, description: string, ...placeholders: (readonly [string, string])[]): MessageDef {
  return { message, description, placeholders };
}

const EXCHANGE = ['exchange', 'OKX'] as const;
const PERMISSIONS = ['permissions', 'Enable Withdrawals'] as const;
const DATE = ['date', '2025-03-31'] as const;
const DAYS = ['days', '14'] as const;

export const MESSAGES_EN = {
  auditWithdrawalEnabled: m(
    'This key can withdraw funds ($1).',
    'Audit finding: the key has a withdrawal permission.',
    PERMISSIONS,
  ),
  auditWithdrawalEnabledNoIp: m(
    'This key can withdraw funds ($1) and works from any IP address: anyone who copies it can empty the account.',
    'Audit finding: the key can withdraw and has no IP allow-list.',
    PERMISSIONS,
  ),
  auditWithdrawalEnabledAction: m(
    "On the $1 key page, turn off $2 unless an app must withdraw; if one must, limit the key to that app's IP addresses.",
    'Audit action for a key that can withdraw.',
    EXCHANGE,
    PERMISSIONS,
  ),
  auditTradeAndWithdraw: m(
    'This key can both trade ($1) and withdraw ($2): one leak gives away both.',
    'Audit finding: trading and withdrawal permissions on one key.',
    ['trade', 'Enable Spot & Margin Trading'],
    PERMISSIONS,
  ),
  auditTradeAndWithdrawAction: m(
    'Keep this key for trading only, and use a separate key limited to your IP addresses for withdrawals, if you need one.',
    'Audit action for a key that can both trade and withdraw.',
  ),
  auditTransferEnabled: m(
    'This key can move funds between accounts ($1).',
    'Audit finding: the key has a transfer or sub-account permission.',
    ['permissions', 'Permits Universal Transfer'],
  ),
  auditTransferEnabledAction: m(
    'On the $1 key page, turn off $2 unless an app needs it.',
    'Audit action for a key with a transfer permission.',
    EXCHANGE,
    ['permissions', 'Permits Universal Transfer'],
  ),
  auditNoIpAllowlist: m(
    'This key works from any IP address: whoever copies it can use it from anywhere.',
    'Audit finding: the key has no IP allow-list.',
  ),
  auditNoIpAllowlistAction: m(
    'On the $1 key page, limit the key to the IP addresses of the apps that use it.',
    'Audit action for a key with no IP allow-list.',
    EXCHANGE,
  ),
  auditIpAllowlistUnknown: m(
    'It is not recorded whether this key is limited to certain IP addresses, so the audit cannot judge it.',
    'Audit finding: the IP allow-list of the key is unknown.',
  ),
  auditIpAllowlistUnknownAction: m(
    'Look at the key on the $1 key page and record its IP allow-list.',
    'Audit action when the IP allow-list is unknown.',
    EXCHANGE,
  ),
  auditPermissionsNotRecorded: m(
    "This key's permissions are not recorded, so the audit cannot tell whether it can trade or withdraw.",
    'Audit finding: no permissions recorded for the key.',
  ),
  auditPermissionsCatalogueUnknown: m(
    "Keywarden does not know what $1's key permissions allow, so the audit cannot tell whether this key can trade or withdraw.",
    'Audit finding: the knowledge base has no permission list for this exchange.',
    EXCHANGE,
  ),
  auditPermissionsUnrecognised: m(
    'Some permissions of this key are not recognised for $1: $2. The audit cannot tell what they allow.',
    'Audit finding: permission ids the knowledge base does not know.',
    EXCHANGE,
    ['permissions', 'enableMagic'],
  ),
  auditPermissionsUnknownAction: m(
    'Look at the key on the $1 key page and record the permissions it shows.',
    'Audit action when the permissions are unknown.',
    EXCHANGE,
  ),
  auditLiveExtraPermissions: m(
    'On $1, $2 reported permissions that are not recorded here: $3.',
    'Audit finding: the live check found permissions missing from the record.',
    DATE,
    EXCHANGE,
    PERMISSIONS,
  ),
  auditLiveMissingPermissions: m(
    'On $1, $2 no longer reported these recorded permissions: $3.',
    'Audit finding: recorded permissions the live check did not find.',
    DATE,
    EXCHANGE,
    ['permissions', 'Trade'],
  ),
  auditLiveIpNotRestricted: m(
    'The record says this key is limited to certain IP addresses, but on $1 $2 reported no IP restriction.',
    'Audit finding: the live check found no IP allow-list although one is recorded.',
    DATE,
    EXCHANGE,
  ),
  auditLiveIpRestricted: m(
    'On $1, $2 reported an IP restriction that is not recorded here.',
    'Audit finding: the live check found an IP allow-list although none is recorded.',
    DATE,
    EXCHANGE,
  ),
  auditLiveReviewAction: m(
    'If you did not grant these rights, revoke the key on the $1 key page now; otherwise update the record.',
    'Audit action when the exchange reports more rights than recorded.',
    EXCHANGE,
  ),
  auditLiveUpdateRecordAction: m(
    'Update the record to match what $1 reports.',
    'Audit action when the record is stale but the key is not riskier than recorded.',
    EXCHANGE,
  ),
  auditExpiryInvalidOn: m(
    '$1 stops this key working on $2, $3 days after it was created.',
    'Audit finding: exchange-side expiry coming up.',
    EXCHANGE,
    DATE,
    ['days', '90'],
  ),
  auditExpiryDeletedOn: m(
    '$1 deletes this key on $2, $3 days after it was created.',
    'Audit finding: exchange-side deletion coming up.',
    EXCHANGE,
    DATE,
    ['days', '90'],
  ),
  auditExpiryPermissionOn: m(
    '$1 switches off $4 on this key on $2, $3 days after it was created.',
    'Audit finding: the exchange removes a permission soon.',
    EXCHANGE,
    DATE,
    ['days', '30'],
    ['permissions', 'Enable Spot & Margin Trading'],
  ),
  auditExpiryInvalidPassed: m(
    'This key may have stopped working on $2: $1 stops such keys working $3 days after they are created.',
    'Audit finding: the exchange-side expiry date has passed.',
    EXCHANGE,
    DATE,
    ['days', '90'],
  ),
  auditExpiryDeletedPassed: m(
    'This key may have been deleted on $2: $1 deletes such keys $3 days after they are created.',
    'Audit finding: the exchange-side deletion date has passed.',
    EXCHANGE,
    DATE,
    ['days', '90'],
  ),
  auditExpiryPermissionPassed: m(
    '$4 may have been switched off on this key on $2: $1 does so $3 days after a key is created.',
    'Audit finding: the exchange may have removed a permission already.',
    EXCHANGE,
    DATE,
    ['days', '30'],
    ['permissions', 'Enable Spot & Margin Trading'],
  ),
  auditExpiryInvalidNoDate: m(
    "$1 stops such keys working $2 days after they are created, and this key's creation date is not recorded.",
    'Audit finding: exchange-side expiry applies but the creation date is unknown.',
    EXCHANGE,
    ['days', '90'],
  ),
  auditExpiryDeletedNoDate: m(
    "$1 deletes such keys $2 days after they are created, and this key's creation date is not recorded.",
    'Audit finding: exchange-side deletion applies but the creation date is unknown.',
    EXCHANGE,
    ['days', '90'],
  ),
  auditExpiryPermissionNoDate: m(
    "$1 switches off $3 on such keys $2 days after they are created, and this key's creation date is not recorded.",
    'Audit finding: the exchange removes a permission, creation date unknown.',
    EXCHANGE,
    ['days', '30'],
    ['permissions', 'Enable Spot & Margin Trading'],
  ),
  auditExpiryInvalidInactive: m(
    'If this key is unused for $2 days, $1 stops it working. Keywarden does not know when it was last used.',
    'Audit finding: exchange-side expiry after inactivity.',
    EXCHANGE,
    DAYS,
  ),
  auditExpiryDeletedInactive: m(
    'If this key is unused for $2 days, $1 deletes it. Keywarden does not know when it was last used.',
    'Audit finding: exchange-side deletion after inactivity.',
    EXCHANGE,
    DAYS,
  ),
  auditExpiryPermissionInactive: m(
    'If this key is unused for $2 days, $1 switches off $3 on it. Keywarden does not know when it was last used.',
    'Audit finding: the exchange removes a permission after inactivity.',
    EXCHANGE,
    DAYS,
    ['permissions', 'Trade'],
  ),
  auditExpiryInvalidPassword: m(
    'If your $1 password changes, this key stops working within $2 days.',
    'Audit finding: exchange-side expiry after a password change.',
    EXCHANGE,
    ['days', '7'],
  ),
  auditExpiryDeletedPassword: m(
    'If your $1 password changes, this key is deleted within $2 days.',
    'Audit finding: exchange-side deletion after a password change.',
    EXCHANGE,
    ['days', '7'],
  ),
  auditExpiryPermissionPassword: m(
    'If your $1 password changes, $3 is switched off on this key within $2 days.',
    'Audit finding: the exchange removes a permission after a password change.',
    EXCHANGE,
    ['days', '7'],
    ['permissions', 'Trade'],
  ),
  auditExpiryMaybe: m(
    '$1 has an automatic expiry rule ($2 days) that may apply to this key; its permissions or IP allow-list are not recorded.',
    'Audit finding: an exchange-side expiry rule may apply; facts missing.',
    EXCHANGE,
    DAYS,
  ),
  auditExpiryUnboundAction: m(
    "The rule applies only to keys with no IP allow-list: limit the key to your apps' IP addresses on the $1 key page, or replace it in time.",
    'Audit action for an expiry rule that an IP allow-list lifts.',
    EXCHANGE,
  ),
  auditExpiryAction: m(
    'Create a new key on the $1 key page in time and update the apps that use it.',
    'Audit action for an expiry rule that applies to every key.',
    EXCHANGE,
  ),
  auditExpiryMaybeAction: m(
    "Record the key's permissions and IP allow-list from the $1 key page.",
    'Audit action when an expiry rule may apply.',
    EXCHANGE,
  ),
  auditRotationSoon: m(
    'This key will reach the $1-day rotation period you set on $2.',
    'Audit finding: the key is close to the rotation age.',
    ['rotation', '90'],
    DATE,
  ),
  auditRotationSoonAtLeast: m(
    'This key will reach the $1-day rotation period you set by $2 at the latest (its creation date is not recorded).',
    'Audit finding: close to rotation age, counted from when it was added.',
    ['rotation', '90'],
    DATE,
  ),
  auditRotationOverdue: m(
    'This key is $1 days old, older than the $2-day rotation period you set.',
    'Audit finding: the key is older than the rotation period.',
    ['age', '120'],
    ['rotation', '90'],
  ),
  auditRotationOverdueAtLeast: m(
    'This key is at least $1 days old (its creation date is not recorded), older than the $2-day rotation period you set.',
    'Audit finding: older than the rotation period, counted from when it was added.',
    ['age', '120'],
    ['rotation', '90'],
  ),
  auditRotationAction: m(
    'Create a new key on the $1 key page, move your apps to it, then revoke this one.',
    'Audit action for a key due for rotation.',
    EXCHANGE,
  ),
  auditKeyExpiresOn: m('This key expires on $1.', 'Audit finding: the key’s own expiry date is near.', DATE),
  auditKeyExpired: m('This key expired on $1.', 'Audit finding: the key’s own expiry date has passed.', DATE),
  auditKeyExpiresAction: m(
    'Create a new key on the $1 key page before then and update the apps that use it.',
    'Audit action for a key that expires soon.',
    EXCHANGE,
  ),
  auditKeyExpiredAction: m(
    'Make sure your apps use a new key, then mark this one revoked.',
    'Audit action for a key past its expiry date.',
  ),
  auditSharedByApps: m(
    'This key is used by $1 apps ($2): if one of them leaks it, all are exposed, and it cannot be revoked for just one.',
    'Audit finding: one key configured in several apps.',
    ['count', '2'],
    ['apps', '3Commas, my bot'],
  ),
  auditSharedByAppsAction: m(
    'Create a separate key for each app on the $1 key page, so each can be revoked alone.',
    'Audit action for a key shared by several apps.',
    EXCHANGE,
  ),
  auditStoredTwice: m(
    'This key is also stored as “$1”.',
    'Audit finding: the vault holds the same key twice (exact match).',
    ['label', 'Main trading'],
  ),
  auditStoredTwiceHint: m(
    'This key may also be stored as “$1”: same exchange and the same key ends ($2).',
    'Audit finding: another entry has the same exchange and key hint.',
    ['label', 'Main trading'],
    ['hint', 'AbCd…wXyZ'],
  ),
  auditStoredTwiceAction: m(
    'Keep one entry and delete the other, after moving its apps and notes to the one you keep.',
    'Audit action for a key stored twice.',
  ),
  auditKeyExposed: m(
    'This key is marked exposed: it may have been pasted or shown where others could see it.',
    'Audit finding: the key was marked exposed (for example by the paste guard).',
  ),
  auditKeyCompromised: m('This key is marked compromised.', 'Audit finding: the key was marked compromised.'),
  auditKeyExposedAction: m(
    "Revoke it on the $1 key page now, create a new key, and check the account's recent activity.",
    'Audit action for an exposed or compromised key.',
    EXCHANGE,
  ),
  auditRevokedStillUsed: m(
    'This key is revoked but still listed as used by $1.',
    'Audit finding: a revoked key is still recorded in apps.',
    ['apps', '3Commas, my bot'],
  ),
  auditRevokedStillUsedAction: m(
    "Give these apps their new key, then remove them from this key's list.",
    'Audit action for a revoked key still listed as used.',
  ),
  auditNoRecordedUse: m(
    'No app or bot is recorded as using this key.',
    'Audit finding: the key has no recorded use.',
  ),
  auditNoRecordedUseAction: m(
    'If nothing uses it, revoke it on the $1 key page; otherwise record where it is used.',
    'Audit action for a key with no recorded use.',
    EXCHANGE,
  ),
} satisfies Record<string, MessageDef>;

export type MessageKey = keyof typeof MESSAGES_EN;

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(MESSAGES_EN, key);
}

/** English text of a message, filled as chrome.i18n.getMessage would; throws when the values do not fit. */
export function formatEnglish(key: MessageKey, substitutions: readonly string[]): string {
  const def: MessageDef = MESSAGES_EN[key];
  if (substitutions.length !== def.placeholders.length)
    throw new Error(`${key} takes ${def.placeholders.length} values, got ${substitutions.length}`);
  return def.message.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
}

export interface LocaleMessage {
  readonly message: string;
  readonly description: string;
  readonly placeholders?: Readonly<Record<string, { readonly content: string; readonly example: string }>>;
}

/** The table in public/_locales/<lang>/messages.json format. */
export function localeFragment(): Record<string, LocaleMessage> {
  const out: Record<string, LocaleMessage> = {};
  for (const [key, def] of Object.entries<MessageDef>(MESSAGES_EN)) {
    const message = def.message.replace(/\$(\d)/g, (whole, n: string) => {
      const name = def.placeholders[Number(n) - 1]?.[0];
      return name === undefined ? whole : `$${name.toUpperCase()}$`;
    });
    if (def.placeholders.length === 0) {
      out[key] = { message, description: def.description };
      continue;
    }
    const placeholders: Record<string, { content: string; example: string }> = {};
    def.placeholders.forEach(([name, example], i) => {
      placeholders[name] = { content: `$${i + 1}`, example };
    });
    out[key] = { message, description: def.description, placeholders };
  }
  return out;
}
