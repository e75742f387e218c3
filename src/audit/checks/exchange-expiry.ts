/**
 * Exchange-side automatic expiry or deletion, evaluated from the knowledge base's ExpiryRule data (Bybit's 90 days
 * for unbound keys, OKX's and BingX's 14 days of inactivity, Binance's 30 days for spot trading on unbound keys…).
 * One finding per rule that applies, with a countdown when the date is known. Severity:
 * - creation rules with a known creation date: by days left (info beyond 30, low within 30, medium within 7 or
 *   once passed: the key or permission may already be gone);
 * - creation date not recorded, or an inactivity rule (the last use is unknown, so no countdown): low;
 * - a password-change rule: info (it only matters if the password changes);
 * - a rule that may apply but the key's IP allow-list or permissions are unknown: info.
 * Rules whose source is not the exchange itself are marked 'reported'.
 */
import { isKnown } from '../../exchanges/types';
import type { ExpiryEffect, ExpiryRule } from '../../exchanges/types';
import { DAY_MS, confirmationOf, countdown, finding, isoDate, labelOf, rampSeverity } from '../facts';
import type { MessageKey } from '../messages.en';
import type { Check, CheckContext, Finding } from '../types';

type Timing = 'on' | 'passed' | 'noDate' | 'inactive' | 'password';

const MESSAGES: Record<ExpiryEffect, Record<Timing, MessageKey>> = {
  'key-invalid': {
    on: 'auditExpiryInvalidOn',
    passed: 'auditExpiryInvalidPassed',
    noDate: 'auditExpiryInvalidNoDate',
    inactive: 'auditExpiryInvalidInactive',
    password: 'auditExpiryInvalidPassword',
  },
  'key-deleted': {
    on: 'auditExpiryDeletedOn',
    passed: 'auditExpiryDeletedPassed',
    noDate: 'auditExpiryDeletedNoDate',
    inactive: 'auditExpiryDeletedInactive',
    password: 'auditExpiryDeletedPassword',
  },
  'permission-removed': {
    on: 'auditExpiryPermissionOn',
    passed: 'auditExpiryPermissionPassed',
    noDate: 'auditExpiryPermissionNoDate',
    inactive: 'auditExpiryPermissionInactive',
    password: 'auditExpiryPermissionPassword',
  },
};

type Applies = 'yes' | 'no' | 'maybe';

function combine(...parts: Applies[]): Applies {
  if (parts.includes('no')) return 'no';
  return parts.includes('maybe') ? 'maybe' : 'yes';
}

function byIpAllowlist(rule: ExpiryRule, ctx: CheckContext): Applies {
  if (!rule.onlyWithoutIpAllowlist) return 'yes';
  if (ctx.ipAllowlist === 'unknown') return 'maybe';
  return ctx.ipAllowlist === 'none' ? 'yes' : 'no';
}

/** Held permissions decide; when the permissions are not fully known, only a positive match is certain. */
function byPermissions(rule: ExpiryRule, ctx: CheckContext): Applies {
  const { resolved, state } = ctx.permissions;
  const kinds = rule.whenPermissionKinds;
  const byKind: Applies =
    kinds.length === 0 || resolved.some((p) => kinds.includes(p.kind))
      ? 'yes'
      : state === 'known'
        ? 'no'
        : 'maybe';
  const removes = rule.removesPermissions ?? [];
  const byRemoved: Applies =
    removes.length === 0 || resolved.some((p) => removes.includes(p.id))
      ? 'yes'
      : state === 'known'
        ? 'no'
        : 'maybe';
  return combine(byKind, byRemoved);
}

/** The permissions the rule switches off, as the exchange labels them (only the held ones when known). */
function removedLabels(rule: ExpiryRule, ctx: CheckContext): string {
  const removes = rule.removesPermissions ?? [];
  const held = removes.filter((id) => ctx.permissions.ids.includes(id));
  return (held.length > 0 ? held : removes).map((id) => labelOf(ctx.exchange, id)).join(', ');
}

function evaluate(rule: ExpiryRule, ctx: CheckContext): Finding | null {
  const applies = combine(byIpAllowlist(rule, ctx), byPermissions(rule, ctx));
  if (applies === 'no') return null;
  const name = ctx.exchange.name;
  const confirmation = confirmationOf(rule.source);
  if (applies === 'maybe')
    return finding(exchangeExpiry, ctx, {
      severity: 'info',
      messageKey: 'auditExpiryMaybe',
      substitutions: [name, String(rule.days)],
      actionKey: 'auditExpiryMaybeAction',
      actionSubstitutions: [name],
      confirmation,
    });

  const extra = rule.effect === 'permission-removed' ? [removedLabels(rule, ctx)] : [];
  const action = {
    actionKey: rule.onlyWithoutIpAllowlist ? 'auditExpiryUnboundAction' : 'auditExpiryAction',
    actionSubstitutions: [name],
    confirmation,
  } as const;
  const keys = MESSAGES[rule.effect];
  const days = String(rule.days);

  if (rule.trigger === 'creation') {
    // Binance's spot-trading rule counts from when the permission was enabled; the creation date is the closest
    // date we hold (permissions are usually chosen when the key is created).
    const created = ctx.meta.createdAt;
    if (created === null)
      return finding(exchangeExpiry, ctx, {
        severity: 'low',
        messageKey: keys.noDate,
        substitutions: [name, days, ...extra],
        ...action,
      });
    const at = created + rule.days * DAY_MS;
    const left = countdown(at, ctx.now);
    const passed = left.days <= 0;
    return finding(exchangeExpiry, ctx, {
      severity: passed ? 'medium' : rampSeverity(left.days),
      messageKey: passed ? keys.passed : keys.on,
      substitutions: [name, isoDate(at), days, ...extra],
      countdown: left,
      ...action,
    });
  }
  return finding(exchangeExpiry, ctx, {
    severity: rule.trigger === 'inactivity' ? 'low' : 'info',
    messageKey: rule.trigger === 'inactivity' ? keys.inactive : keys.password,
    substitutions: [name, days, ...extra],
    ...action,
  });
}

export const exchangeExpiry: Check = {
  id: 'exchange-expiry',
  severity: 'low',
  runsOn: 'in-use',
  messageKeys: [
    ...Object.values(MESSAGES).flatMap((byTiming) => Object.values(byTiming)),
    'auditExpiryMaybe',
    'auditExpiryMaybeAction',
    'auditExpiryUnboundAction',
    'auditExpiryAction',
  ],
  run(ctx) {
    const { expiry } = ctx.exchange.policies;
    if (!isKnown(expiry)) return [];
    return expiry.value.map((rule) => evaluate(rule, ctx)).filter((f): f is Finding => f !== null);
  },
};
