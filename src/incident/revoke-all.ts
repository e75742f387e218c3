/**
 * "Revoke everything": one combined checklist for every live key of one exchange (or all of them), ordered by risk.
 *
 * Order of keys (most dangerous first):
 * 1. risk tier (see risk.ts): can withdraw or move funds, then permissions unknown (treated as able to withdraw,
 *    because we cannot rule it out), then can trade, then read-only;
 * 2. within a tier, keys already flagged exposed or compromised first (they are known to be out), then keys with no
 *    IP allow-list (or none recorded), which work from any address, before IP-bound ones;
 * 3. then exchange order and label, so the list is stable.
 *
 * Order of steps: every key's revoke step first, in key order: that is the urgent part. Then per exchange one
 * activity review (activity is per account, not per key), then per key its replacement and app updates, then per
 * exchange one support and one secure-account step. A combined step points at the same step in each incident it
 * stands for; ticking it ticks them all, so every incident keeps its own timestamps and progress.
 */
import { EXCHANGE_IDS, type Exchange, type ExchangeId } from '../exchanges/types';
import type { CredentialMeta } from '../vault/model';
import { openIncident } from './open';
import { assessRisk, tierRank, type RiskAssessment } from './risk';
import { findOpenIncident, tickStep, untickStep } from './transitions';
import type { Incident, Step, StepKind, VaultEffect } from './types';

export type RevokeAllScope = ExchangeId | 'all';

/** Which incidents one "Revoke everything" opened, so the combined view can be rebuilt after a restart. */
export interface RevokeAllSession {
  readonly id: string;
  readonly scope: RevokeAllScope;
  readonly openedAt: number;
  readonly incidentIds: readonly string[];
}

export interface CombinedEntry {
  readonly incident: Incident;
  readonly risk: RiskAssessment;
}

export interface StepRef {
  readonly incidentId: string;
  readonly stepId: string;
}

export interface CombinedStep {
  /** Unique in the combined list. */
  readonly id: string;
  readonly kind: StepKind;
  readonly urgent: boolean;
  readonly exchange: ExchangeId;
  /** The credentials this step is about (one for per-key steps, all of the exchange's for account steps). */
  readonly credentialIds: readonly string[];
  /** The step as shown: from the highest-risk key it stands for (its details are a superset of the others'). */
  readonly step: Step;
  readonly refs: readonly StepRef[];
  /** When the last of its refs was done, or null while any is open. */
  readonly doneAt: number | null;
}

export interface CombinedChecklist {
  readonly entries: readonly CombinedEntry[];
  readonly steps: readonly CombinedStep[];
}

export interface RevokeAllPlan extends CombinedChecklist {
  readonly session: RevokeAllSession;
  /** Incidents opened by this plan, for the background to store; reused ones are in `entries` only. */
  readonly opened: readonly Incident[];
  readonly effects: readonly VaultEffect[];
  /** Keys in scope that are already revoked. */
  readonly skipped: readonly string[];
}

export type ExchangeLookup = (id: ExchangeId) => Exchange;

/** The combined checklist's title as an i18n key and its substitutions. */
export function revokeAllTitle(
  scope: RevokeAllScope,
  exchangeOf: ExchangeLookup,
): { readonly key: string; readonly substitutions: readonly string[] } {
  return scope === 'all'
    ? { key: 'incidentRevokeAllTitleAll', substitutions: [] }
    : { key: 'incidentRevokeAllTitle', substitutions: [exchangeOf(scope).name] };
}

interface Ranked extends CombinedEntry {
  readonly meta: CredentialMeta;
}

function compareRanked(a: Ranked, b: Ranked): number {
  const flagged = (m: CredentialMeta): number =>
    m.status === 'exposed' || m.status === 'compromised' ? 0 : 1;
  const bound = (m: CredentialMeta): number => (m.ipAllowlist.state === 'list' ? 1 : 0);
  return (
    tierRank(a.risk.tier) - tierRank(b.risk.tier) ||
    flagged(a.meta) - flagged(b.meta) ||
    bound(a.meta) - bound(b.meta) ||
    EXCHANGE_IDS.indexOf(a.meta.exchange) - EXCHANGE_IDS.indexOf(b.meta.exchange) ||
    a.meta.label.localeCompare(b.meta.label, 'en') ||
    (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0)
  );
}

function stepOf(incident: Incident, stepId: string): Step | undefined {
  return incident.steps.find((s) => s.id === stepId);
}

function combinedStep(
  id: string,
  entries: readonly CombinedEntry[],
  pick: (i: Incident) => Step[],
): CombinedStep[] {
  const refs: StepRef[] = [];
  const steps: Step[] = [];
  const credentialIds: string[] = [];
  for (const { incident } of entries) {
    for (const s of pick(incident)) {
      refs.push({ incidentId: incident.id, stepId: s.id });
      steps.push(s);
      if (!credentialIds.includes(incident.credentialId)) credentialIds.push(incident.credentialId);
    }
  }
  const first = steps[0];
  const firstEntry = entries[0];
  if (first === undefined || firstEntry === undefined) return [];
  const open = steps.some((s) => s.doneAt === null);
  return [
    {
      id,
      kind: first.kind,
      urgent: first.urgent,
      exchange: firstEntry.incident.exchange,
      credentialIds,
      step: first,
      refs,
      doneAt: open ? null : Math.max(...steps.map((s) => s.doneAt ?? 0)),
    },
  ];
}

function ofKind(kind: StepKind): (incident: Incident) => Step[] {
  return (incident) => incident.steps.filter((s) => s.kind === kind);
}

/** Steps of ordered entries, in the order described at the top of this file. */
export function combineSteps(entries: readonly CombinedEntry[]): CombinedStep[] {
  const exchanges: ExchangeId[] = [];
  for (const { incident } of entries)
    if (!exchanges.includes(incident.exchange)) exchanges.push(incident.exchange);
  const byExchange = (exchange: ExchangeId): CombinedEntry[] =>
    entries.filter((e) => e.incident.exchange === exchange);
  const perKey = (kind: StepKind): CombinedStep[] =>
    entries.flatMap((e) =>
      ofKind(kind)(e.incident).flatMap((s) => combinedStep(`${e.incident.id}/${s.id}`, [e], () => [s])),
    );
  const perAccount = (kind: StepKind): CombinedStep[] =>
    exchanges.flatMap((exchange) => combinedStep(`${exchange}/${kind}`, byExchange(exchange), ofKind(kind)));
  return [
    ...perKey('revoke'),
    ...perAccount('review-activity'),
    ...entries.flatMap((e) =>
      e.incident.steps
        .filter((s) => s.kind === 'replace' || s.kind === 'update-app')
        .flatMap((s) => combinedStep(`${e.incident.id}/${s.id}`, [e], () => [s])),
    ),
    ...perAccount('support'),
    ...perAccount('secure-account'),
  ];
}

/**
 * The combined view of stored incidents, with risk from the credentials' current metadata (kept after revocation).
 * Incidents whose credential is gone are left out.
 */
export function combine(
  incidents: readonly Incident[],
  credentials: readonly CredentialMeta[],
  exchangeOf: ExchangeLookup,
): CombinedChecklist {
  const ranked: Ranked[] = [];
  for (const incident of incidents) {
    const meta = credentials.find((c) => c.id === incident.credentialId);
    if (meta !== undefined)
      ranked.push({ incident, meta, risk: assessRisk(meta, exchangeOf(meta.exchange)) });
  }
  ranked.sort(compareRanked);
  const entries = ranked.map(({ incident, risk }) => ({ incident, risk }));
  return { entries, steps: combineSteps(entries) };
}

export interface RevokeAllOptions {
  readonly scope: RevokeAllScope;
  readonly now: number;
  readonly newId: () => string;
  readonly existing: readonly Incident[];
  readonly exchangeOf: ExchangeLookup;
}

/** Opens (or reuses) an incident for every live key in scope and returns the combined checklist. */
export function planRevokeAll(
  credentials: readonly CredentialMeta[],
  options: RevokeAllOptions,
): RevokeAllPlan {
  const inScope = credentials.filter((c) => options.scope === 'all' || c.exchange === options.scope);
  const incidents: Incident[] = [];
  const opened: Incident[] = [];
  const effects: VaultEffect[] = [];
  const skipped: string[] = [];
  for (const meta of inScope) {
    const running = findOpenIncident(options.existing, meta.id);
    if (running !== undefined) {
      incidents.push(running);
      continue;
    }
    const result = openIncident(meta, options.exchangeOf(meta.exchange), {
      source: 'revoke-all',
      now: options.now,
      newId: options.newId,
      existing: options.existing,
    });
    if (result.ok) {
      incidents.push(result.incident);
      opened.push(result.incident);
      effects.push(...result.effects);
    } else if (result.error === 'already-revoked') {
      skipped.push(meta.id);
    }
  }
  const combined = combine(incidents, inScope, options.exchangeOf);
  const session: RevokeAllSession = {
    id: options.newId(),
    scope: options.scope,
    openedAt: options.now,
    incidentIds: combined.entries.map((e) => e.incident.id),
  };
  return { ...combined, session, opened, effects, skipped };
}

/**
 * Ticks or unticks a combined step in every incident it stands for. Returns only the incidents that changed, for
 * the background to store; refusals (an urgent step of a finished incident) leave that incident unchanged.
 */
export function setCombinedStep(
  incidents: readonly Incident[],
  step: CombinedStep,
  done: boolean,
  now: number,
): Incident[] {
  const changed: Incident[] = [];
  for (const incident of incidents) {
    const refs = step.refs.filter((r) => r.incidentId === incident.id);
    let current = incident;
    for (const ref of refs) {
      if (stepOf(current, ref.stepId) === undefined) continue;
      const result = done ? tickStep(current, ref.stepId, now) : untickStep(current, ref.stepId);
      if (result.ok) current = result.incident;
    }
    if (current !== incident) changed.push(current);
  }
  return changed;
}
