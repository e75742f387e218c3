/**
 * The checklist for one possibly compromised key, generated from the exchange knowledge base, most urgent first:
 * revoke, review activity, create a least-privilege replacement, update each app, contact support, secure the
 * account. Only the revoke step is urgent: it is the part a stressed user finishes in under a minute, and the only
 * one that stops the damage.
 */
import { isOfficialUrl } from '../exchanges/domains';
import { isKnown, type Exchange, type Fact, type Source } from '../exchanges/types';
import type { CredentialMeta } from '../vault/model';
import { assessRisk } from './risk';
import type { Step, StepLink } from './types';

const DAY_MS = 86_400_000;

/**
 * The vault's masked form ("AbCd…wXyZ" or "Ab…yZ"), or null. Anything else is not shown: an incident must never
 * carry more of a key than the vault's own hint.
 */
export function safeHint(hint: string | null): string | null {
  if (hint === null) return null;
  return /^[A-Za-z0-9_+/=.:-]{2,4}…[A-Za-z0-9_+/=.:-]{2,4}$/u.test(hint) ? hint : null;
}

function reported(from: Source): boolean {
  return from.confirmation !== 'official';
}

/** A link only when the address is https on one of the exchange's own hosts; anything else is dropped. */
function officialLink(
  exchange: Exchange,
  url: string,
  labelKey: string,
  labelSubstitutions: readonly string[],
  from: Source,
): StepLink[] {
  return isOfficialUrl(url, exchange)
    ? [{ labelKey, labelSubstitutions, url, reported: reported(from) }]
    : [];
}

function keyPageLink(exchange: Exchange, labelKey: string): StepLink[] {
  const page: Fact<string> = exchange.links.keyManagement;
  return officialLink(exchange, page.value, labelKey, [exchange.name], page.source);
}

function step(
  id: string,
  kind: Step['kind'],
  titleKey: string,
  detailKeys: readonly string[],
  substitutions: readonly string[],
  links: readonly StepLink[] = [],
): Step {
  return { id, kind, urgent: kind === 'revoke', titleKey, detailKeys, substitutions, links, doneAt: null };
}

function revokeStep(meta: CredentialMeta, exchange: Exchange): Step {
  const hint = safeHint(meta.apiKeyHint);
  const links = keyPageLink(exchange, 'incidentLinkKeyManagement');
  const details = [hint === null ? 'incidentRevokeFindNoHint' : 'incidentRevokeFind', 'incidentRevokeDelete'];
  if (links.length === 0) details.push('incidentRevokeNoLink');
  else if (links.some((l) => l.reported)) details.push('incidentRevokeReported');
  return step(
    'revoke',
    'revoke',
    'incidentStepRevokeTitle',
    details,
    [exchange.name, meta.label, hint ?? ''],
    links,
  );
}

function reviewStep(meta: CredentialMeta, exchange: Exchange): Step {
  const { tier } = assessRisk(meta, exchange);
  const details: string[] = [];
  if (tier === 'withdraw' || tier === 'unknown') details.push('incidentReviewWithdrawals');
  if (tier !== 'read') details.push('incidentReviewOrders');
  details.push('incidentReviewLogins', 'incidentReviewNewKeys');
  const { activity } = exchange.links;
  const links = isKnown(activity)
    ? activity.value.flatMap((page) =>
        officialLink(exchange, page.url, 'incidentLinkActivity', [page.label], activity.source),
      )
    : [];
  let note = '';
  if (links.length === 0) {
    details.push('incidentReviewNoLinks');
    if (!isKnown(activity)) note = activity.unknown;
  }
  return step(
    'review-activity',
    'review-activity',
    'incidentStepReviewTitle',
    details,
    [exchange.name, note],
    links,
  );
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function replaceStep(meta: CredentialMeta, exchange: Exchange, now: number): Step {
  const details: string[] = [];
  let dangerous = '';
  let oldDangerous = '';
  let oldOther = '';
  if (isKnown(exchange.permissions)) {
    const { known } = assessRisk(meta, exchange);
    dangerous = exchange.permissions.value
      .filter((p) => p.dangerous)
      .map((p) => p.label)
      .join(', ');
    oldDangerous = known
      .filter((p) => p.dangerous)
      .map((p) => p.label)
      .join(', ');
    oldOther = known
      .filter((p) => !p.dangerous)
      .map((p) => p.label)
      .join(', ');
    if (dangerous !== '') details.push('incidentReplaceLeaveOff');
    if (oldDangerous !== '') details.push('incidentReplaceOldDangerous');
    if (oldOther !== '') details.push('incidentReplaceOldOther');
  } else {
    details.push('incidentReplacePermissionsUnknown');
  }

  let maxEntries = '';
  const ip = exchange.policies.ipAllowlist;
  if (!isKnown(ip)) details.push('incidentReplaceIpUnknown');
  else if (!ip.value.supported) details.push('incidentReplaceIpUnsupported');
  else {
    details.push('incidentReplaceIp');
    if (ip.value.maxEntries !== undefined) {
      maxEntries = String(ip.value.maxEntries);
      details.push('incidentReplaceIpMax');
    }
  }

  let rules = '';
  let date = '';
  const { expiry } = exchange.policies;
  if (!isKnown(expiry)) details.push('incidentReplaceExpiryUnknown');
  else if (expiry.value.length === 0) details.push('incidentReplaceExpiryNone');
  else {
    rules = expiry.value.map((r) => r.description).join(' ');
    details.push('incidentReplaceExpiry');
    // The earliest creation-triggered deadline is the one a new key without an allow-list runs into first.
    const days = expiry.value.filter((r) => r.trigger === 'creation').map((r) => r.days);
    if (days.length > 0) {
      date = isoDate(now + Math.min(...days) * DAY_MS);
      details.push('incidentReplaceExpiryDate');
    }
  }

  const keyRules = exchange.policies.rules.map((r) => r.description).join(' ');
  if (keyRules !== '') details.push('incidentReplaceRules');
  details.push('incidentReplaceAddToVault');

  return step(
    'replace',
    'replace',
    'incidentStepReplaceTitle',
    details,
    [exchange.name, dangerous, oldDangerous, oldOther, maxEntries, rules, date, keyRules],
    keyPageLink(exchange, 'incidentLinkCreateKey'),
  );
}

function updateSteps(meta: CredentialMeta, exchange: Exchange): Step[] {
  if (meta.usedBy.length === 0) {
    return [
      step(
        'update-app-0',
        'update-app',
        'incidentStepUpdateAnyTitle',
        ['incidentUpdateAnyDetail'],
        [exchange.name],
      ),
    ];
  }
  return meta.usedBy.map((usage, index) => {
    const details = ['incidentUpdateAppReplace'];
    if (usage.kind === 'bot') details.push('incidentUpdateAppRestartBot');
    if (usage.domain !== null) details.push('incidentUpdateAppDomain');
    // The app's own site is not the exchange's, so it gets no link: links in a checklist only go to the exchange.
    return step(`update-app-${index}`, 'update-app', 'incidentStepUpdateAppTitle', details, [
      usage.name,
      usage.domain ?? '',
      exchange.name,
    ]);
  });
}

function supportStep(exchange: Exchange): Step {
  const { support } = exchange.links;
  const links = isKnown(support)
    ? officialLink(exchange, support.value, 'incidentLinkSupport', [exchange.name], support.source)
    : [];
  const details = ['incidentSupportWhen'];
  if (links.length === 0) details.push('incidentSupportNoLink');
  return step('support', 'support', 'incidentStepSupportTitle', details, [exchange.name], links);
}

function secureStep(exchange: Exchange): Step {
  const { expiry } = exchange.policies;
  const passwordRules = isKnown(expiry)
    ? expiry.value
        .filter((r) => r.trigger === 'password-change')
        .map((r) => r.description)
        .join(' ')
    : '';
  const details = ['incidentSecureWhen', 'incidentSecurePassword'];
  if (passwordRules !== '') details.push('incidentSecurePasswordRule');
  return step('secure-account', 'secure-account', 'incidentStepSecureTitle', details, [
    exchange.name,
    passwordRules,
  ]);
}

/** The steps for `meta`'s incident, most urgent first, none done. `now` dates the expiry guidance. */
export function buildChecklist(meta: CredentialMeta, exchange: Exchange, now: number): Step[] {
  if (meta.exchange !== exchange.id)
    throw new Error(`credential is for ${meta.exchange}, not ${exchange.id}`);
  return [
    revokeStep(meta, exchange),
    reviewStep(meta, exchange),
    replaceStep(meta, exchange, now),
    ...updateSteps(meta, exchange),
    supportStep(exchange),
    secureStep(exchange),
  ];
}
