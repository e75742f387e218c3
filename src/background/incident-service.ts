import { getExchange } from '../exchanges/index';
import {
  combine,
  finish,
  linkReplacement,
  openIncident,
  planRevokeAll,
  progress,
  setCombinedStep,
  setNote,
  tickStep,
  toJson,
  toMarkdown,
  untickStep,
  updateIncident,
  type Incident,
  type IncidentRepository,
  type IncidentSource,
  type RevokeAllScope,
  type TransitionResult,
  type VaultEffect,
} from '../incident';
import type { IncidentView, RevokeAllView } from '../shared/messages';
import type { Vault } from '../vault/service';
import { PublicError } from './router';

export interface IncidentDeps {
  readonly repository: IncidentRepository;
  readonly vault: Pick<
    Vault,
    'getCredential' | 'listCredentials' | 'setStatus' | 'destroySecrets' | 'updateCredential'
  >;
  readonly now: () => number;
  readonly newId: () => string;
  /** Runs after vault changes (republish the guard index, refresh the badge). */
  readonly changed: () => Promise<void>;
}

const TRANSITION_MESSAGES: Record<string, string> = {
  'unknown-step': 'This step is not part of the checklist.',
  finished: 'The key is already revoked; its revoke step stays done.',
  'already-finished': 'This incident is already finished.',
  'urgent-open': 'Revoke the key first: finishing needs the urgent step done.',
  'self-replacement': 'A key cannot replace itself.',
  'other-exchange': 'The replacement must be a key of the same exchange.',
  'note-too-long': 'The note is too long.',
  'not-found': 'No such incident.',
};

function view(incident: Incident): IncidentView {
  return { incident, progress: progress(incident) };
}

/** Opens and advances incidents, and applies their effects in the vault. */
export class IncidentService {
  constructor(private readonly deps: IncidentDeps) {}

  private async apply(effects: readonly VaultEffect[]): Promise<void> {
    if (effects.length === 0) return;
    for (const effect of effects) {
      if (effect.type === 'set-status') await this.deps.vault.setStatus(effect.credentialId, effect.status);
      else if (effect.type === 'destroy-secrets') await this.deps.vault.destroySecrets(effect.credentialId);
      else await this.deps.vault.updateCredential(effect.credentialId, { replaces: effect.replaces });
    }
    await this.deps.changed();
  }

  private async transition(
    id: string,
    change: (incident: Incident) => TransitionResult,
  ): Promise<IncidentView> {
    const current = await this.deps.repository.get(id);
    if (!current) throw new PublicError('not-found', TRANSITION_MESSAGES['not-found']!);
    const result = change(current);
    if (!result.ok) throw new PublicError(result.error, TRANSITION_MESSAGES[result.error] ?? 'Not possible.');
    // Vault effects first: if destroying the secrets fails (a locked vault), the incident stays unfinished.
    await this.apply(result.effects);
    const stored = await updateIncident(this.deps.repository, id, () => result);
    if (!stored.ok) throw new PublicError('conflict', 'The incident changed meanwhile; try again.');
    return view(stored.incident);
  }

  async open(credentialId: string, source: IncidentSource): Promise<IncidentView> {
    const meta = await this.deps.vault.getCredential(credentialId);
    const existing = await this.deps.repository.listByCredential(credentialId);
    const result = openIncident(meta, getExchange(meta.exchange), {
      source,
      now: this.deps.now(),
      newId: this.deps.newId,
      existing,
    });
    if (!result.ok) {
      if (result.error === 'already-open') return view(result.incident);
      throw new PublicError(
        'already-revoked',
        'This key is already revoked: there is nothing left to revoke.',
      );
    }
    await this.deps.repository.putMany([result.incident]);
    await this.apply(result.effects);
    return view(result.incident);
  }

  async list(): Promise<IncidentView[]> {
    return (await this.deps.repository.list()).map(view);
  }

  async get(id: string): Promise<IncidentView> {
    const incident = await this.deps.repository.get(id);
    if (!incident) throw new PublicError('not-found', TRANSITION_MESSAGES['not-found']!);
    return view(incident);
  }

  setStep(id: string, stepId: string, done: boolean): Promise<IncidentView> {
    const now = this.deps.now();
    return this.transition(id, (incident) =>
      done ? tickStep(incident, stepId, now) : untickStep(incident, stepId),
    );
  }

  finish(id: string): Promise<IncidentView> {
    const now = this.deps.now();
    return this.transition(id, (incident) => finish(incident, now));
  }

  async linkReplacement(id: string, replacementId: string): Promise<IncidentView> {
    const replacement = await this.deps.vault.getCredential(replacementId);
    const now = this.deps.now();
    return this.transition(id, (incident) => linkReplacement(incident, replacement, now));
  }

  setNote(id: string, note: string): Promise<IncidentView> {
    return this.transition(id, (incident) => setNote(incident, note));
  }

  async report(id: string, format: 'markdown' | 'json'): Promise<{ fileName: string; text: string }> {
    const { incident } = await this.get(id);
    const day = new Date(incident.openedAt).toISOString().slice(0, 10);
    const base = `keywarden-incident-${incident.exchange}-${day}`;
    return format === 'json'
      ? { fileName: `${base}.json`, text: toJson(incident) }
      : { fileName: `${base}.md`, text: toMarkdown(incident) };
  }

  async revokeAll(scope: RevokeAllScope): Promise<RevokeAllView> {
    const { credentials } = await this.deps.vault.listCredentials();
    const plan = planRevokeAll(credentials, {
      scope,
      now: this.deps.now(),
      newId: this.deps.newId,
      existing: await this.deps.repository.list(),
      exchangeOf: getExchange,
    });
    await this.deps.repository.putMany(plan.opened);
    await this.deps.repository.putSession(plan.session);
    await this.apply(plan.effects);
    return {
      session: plan.session,
      checklist: { entries: plan.entries, steps: plan.steps },
      skipped: plan.skipped,
    };
  }

  async revokeAllGet(sessionId: string): Promise<RevokeAllView> {
    const session = await this.deps.repository.getSession(sessionId);
    if (!session) throw new PublicError('not-found', 'No such checklist.');
    const all = await this.deps.repository.list();
    const incidents = all.filter((incident) => session.incidentIds.includes(incident.id));
    const { credentials } = await this.deps.vault.listCredentials();
    return { session, checklist: combine(incidents, credentials, getExchange), skipped: [] };
  }

  async revokeAllSetStep(sessionId: string, stepId: string, done: boolean): Promise<RevokeAllView> {
    const current = await this.revokeAllGet(sessionId);
    const step = current.checklist.steps.find((s) => s.id === stepId);
    if (!step) throw new PublicError('unknown-step', TRANSITION_MESSAGES['unknown-step']!);
    const changed = setCombinedStep(
      current.checklist.entries.map((entry) => entry.incident),
      step,
      done,
      this.deps.now(),
    );
    await this.deps.repository.putMany(changed);
    return this.revokeAllGet(sessionId);
  }
}
