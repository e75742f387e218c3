/**
 * Pure transitions of an incident. Each returns a new incident (the input is never changed) and the vault effects
 * the background must apply, or an error code; none reads a clock or touches storage.
 *
 * What "finish" requires: every urgent step done, which today is exactly the revoke step. Finishing means "this key
 * is dead": the background then destroys its secrets and marks it revoked, so we only allow it once the user says
 * the key was deleted at the exchange. The other steps are follow-ups: they may stay open after finishing and can
 * still be ticked; the inventory shows them as "follow-up steps open" until all are done.
 */
import type { CredentialMeta } from '../vault/model';
import type { Incident, Progress, Step, VaultEffect } from './types';

export const NOTE_MAX_CHARS = 10_000;

export type TransitionError =
  | 'unknown-step'
  /** Unticking an urgent step of a finished incident: the key is already revoked and its secrets destroyed. */
  | 'finished'
  | 'already-finished'
  /** An urgent step is still open. */
  | 'urgent-open'
  | 'self-replacement'
  | 'other-exchange'
  | 'note-too-long';

export type TransitionResult =
  | { readonly ok: true; readonly incident: Incident; readonly effects: readonly VaultEffect[] }
  | { readonly ok: false; readonly error: TransitionError };

function ok(incident: Incident, effects: readonly VaultEffect[] = []): TransitionResult {
  return { ok: true, incident, effects };
}

function fail(error: TransitionError): TransitionResult {
  return { ok: false, error };
}

function withStep(incident: Incident, stepId: string, change: (step: Step) => Step): Incident {
  return { ...incident, steps: incident.steps.map((s) => (s.id === stepId ? change(s) : s)) };
}

/** Marks a step done at `now`. Ticking a done step keeps its first time: that is when it was really done. */
export function tickStep(incident: Incident, stepId: string, now: number): TransitionResult {
  const step = incident.steps.find((s) => s.id === stepId);
  if (step === undefined) return fail('unknown-step');
  if (step.doneAt !== null) return ok(incident);
  return ok(withStep(incident, stepId, (s) => ({ ...s, doneAt: now })));
}

/** Marks a step open again; refused for an urgent step once the incident is finished. */
export function untickStep(incident: Incident, stepId: string): TransitionResult {
  const step = incident.steps.find((s) => s.id === stepId);
  if (step === undefined) return fail('unknown-step');
  if (step.urgent && incident.finishedAt !== null) return fail('finished');
  if (step.doneAt === null) return ok(incident);
  return ok(withStep(incident, stepId, (s) => ({ ...s, doneAt: null })));
}

/** Finishes the incident once every urgent step is done; the key's secrets are then destroyed and it is revoked. */
export function finish(incident: Incident, now: number): TransitionResult {
  if (incident.finishedAt !== null) return fail('already-finished');
  if (incident.steps.some((s) => s.urgent && s.doneAt === null)) return fail('urgent-open');
  return ok({ ...incident, finishedAt: now }, [
    { type: 'destroy-secrets', credentialId: incident.credentialId },
    { type: 'set-status', credentialId: incident.credentialId, status: 'revoked' },
  ]);
}

/**
 * Links the key that replaces the compromised one and ticks the replace step (at `now`, unless it was already
 * ticked). Linking again with another key corrects the link.
 */
export function linkReplacement(
  incident: Incident,
  replacement: Pick<CredentialMeta, 'id' | 'exchange'>,
  now: number,
): TransitionResult {
  if (replacement.id === incident.credentialId) return fail('self-replacement');
  if (replacement.exchange !== incident.exchange) return fail('other-exchange');
  const linked = withStep({ ...incident, replacementId: replacement.id }, 'replace', (s) =>
    s.doneAt === null ? { ...s, doneAt: now } : s,
  );
  return ok(linked, [
    { type: 'set-replaces', credentialId: replacement.id, replaces: incident.credentialId },
  ]);
}

/** Sets the user's own note; an empty note removes it. */
export function setNote(incident: Incident, note: string): TransitionResult {
  if (note.length > NOTE_MAX_CHARS) return fail('note-too-long');
  const next: Incident = { ...incident, note };
  if (note.trim() === '') delete (next as { note?: string }).note;
  return ok(next);
}

/** How the inventory names each state. */
export const STATE_KEYS: Readonly<Record<Progress['state'], string>> = {
  open: 'incidentStateOpen',
  'urgent-done': 'incidentStateUrgentDone',
  finished: 'incidentStateFinished',
  complete: 'incidentStateComplete',
};

export function progress(incident: Incident): Progress {
  const done = incident.steps.filter((s) => s.doneAt !== null).length;
  const urgent = incident.steps.filter((s) => s.urgent);
  const urgentDone = urgent.filter((s) => s.doneAt !== null).length;
  const total = incident.steps.length;
  const canFinish = urgentDone === urgent.length;
  let state: Progress['state'];
  if (incident.finishedAt !== null) state = done === total ? 'complete' : 'finished';
  else state = canFinish ? 'urgent-done' : 'open';
  return { done, total, urgentDone, urgentTotal: urgent.length, canFinish, state };
}

/** The newest unfinished incident of a credential, if any: opening a second one would split the user's work. */
export function findOpenIncident(incidents: readonly Incident[], credentialId: string): Incident | undefined {
  return incidents
    .filter((i) => i.credentialId === credentialId && i.finishedAt === null)
    .reduce<Incident | undefined>(
      (newest, i) => (newest === undefined || i.openedAt > newest.openedAt ? i : newest),
      undefined,
    );
}

/** The inventory's view: for each credential, the progress of its newest incident. */
export function progressByCredential(
  incidents: readonly Incident[],
): Map<string, Progress & { incidentId: string }> {
  const newest = new Map<string, Incident>();
  for (const incident of incidents) {
    const seen = newest.get(incident.credentialId);
    if (seen === undefined || incident.openedAt > seen.openedAt) newest.set(incident.credentialId, incident);
  }
  return new Map(
    [...newest].map(([credentialId, incident]) => [
      credentialId,
      { ...progress(incident), incidentId: incident.id },
    ]),
  );
}
