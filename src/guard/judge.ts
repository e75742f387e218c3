import { detect, previewOf, type DetectorRules, type Finding } from '../detector';
import type { KnownValueIndex } from '../detector/known-values';
import { hostMatchesDomain } from '../exchanges/hosts';
import type { FieldKind } from '../exchanges/types';
import type { ExchangeSites } from './exchange-sites';
import type { GuardIndex, Severity, Verdict } from './types';

export interface JudgeContext {
  readonly rules: DetectorRules;
  /** Official web domains per exchange: a venue's own keys may always be pasted on its own sites. */
  readonly sites: ExchangeSites;
  /** Null until the content script has read it (or when the vault is empty). */
  readonly index: GuardIndex | null;
}

const knownCache = new WeakMap<GuardIndex, KnownValueIndex>();

function knownOf(index: GuardIndex): KnownValueIndex {
  let known = knownCache.get(index);
  if (!known) {
    known = { seed: index.seed, entries: new Map(index.entries) };
    knownCache.set(index, known);
  }
  return known;
}

function severityOf(field: FieldKind): Severity {
  return field === 'apiKey' ? 'apiKey' : 'secret';
}

function onAny(host: string, domains: readonly string[] | undefined): boolean {
  return !!domains && domains.some((domain) => hostMatchesDomain(host, domain));
}

/** Exchanges with a stored key that may be pasted on `host` (its "used by" sites and the user's allowances). */
function exchangesTrustedOn(host: string, index: GuardIndex): Set<string> {
  const trusted = new Set<string>();
  for (const ref of Object.values(index.refs)) {
    if (!trusted.has(ref.exchange) && onAny(host, ref.allowedHosts)) trusted.add(ref.exchange);
  }
  return trusted;
}

/** Higher is worse: a stored value beats a shape, a secret beats an api key, high beats medium. */
function rank(finding: Finding): number {
  return (
    (finding.ref ? 4 : 0) +
    (severityOf(finding.kind) === 'secret' ? 2 : 0) +
    (finding.confidence === 'high' ? 1 : 0)
  );
}

/**
 * Decides, synchronously, whether a paste or drop of `text` into a page on `host` must be held. Pure: the content
 * script calls it inside the event, and tests call it in Node.
 * - Stored values pass silently on the sites where their key is used or allowed, and on their exchange's own sites.
 * - Exchange-shaped values pass on that exchange's own sites; anything else medium or high is held.
 */
export function judgePaste(text: string, host: string, context: JudgeContext): Verdict {
  if (!text) return { action: 'pass', reason: 'empty' };
  const { index } = context;
  if (index && onAny(host, index.disabledHosts)) return { action: 'pass', reason: 'disabled' };
  const findings = detect(text, context.rules, index ? { known: knownOf(index) } : {});
  const trusted = index ? exchangesTrustedOn(host, index) : new Set<string>();
  let worst: Finding | null = null;
  let allowed = false;
  for (const finding of findings) {
    if (finding.confidence === 'low') continue;
    const ref = finding.ref ? index?.refs[finding.ref] : undefined;
    const exchange = ref?.exchange ?? finding.exchange;
    const siteAllowed =
      (exchange !== null && onAny(host, context.sites[exchange]?.domains)) ||
      onAny(host, ref?.allowedHosts) ||
      // A site where the user uses a stored key of this exchange expects that exchange's credentials: an api key
      // too short to be indexed as a stored value must not be held there by its shape alone.
      (!ref && exchange !== null && trusted.has(exchange));
    if (siteAllowed) {
      allowed = true;
      continue;
    }
    if (!worst || rank(finding) > rank(worst)) worst = finding;
  }
  if (!worst) return { action: 'pass', reason: allowed ? 'allowed' : 'clean' };
  const ref = worst.ref ? index?.refs[worst.ref] : undefined;
  const value = text.slice(worst.start, worst.end);
  return {
    action: 'hold',
    severity: severityOf(ref?.field ?? worst.kind),
    preview: previewOf(value),
    stored:
      ref && worst.ref
        ? { ref: worst.ref, credentialId: ref.credentialId, exchange: ref.exchange, field: ref.field }
        : null,
    shape: ref
      ? null
      : {
          exchange: worst.exchange,
          field: worst.kind,
          rule: worst.rule,
          confidence: worst.confidence === 'high' ? 'high' : 'medium',
        },
  };
}
