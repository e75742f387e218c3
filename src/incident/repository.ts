/**
 * Where incidents live, as an interface: the background implements it over IndexedDB so incidents survive the
 * popup closing, service-worker restarts and browser restarts. An implementation should run parseIncident /
 * parseSession on every record it reads. The in-memory implementation here serves tests and is the reference
 * behaviour (see repository.test.ts).
 */
import type { RevokeAllSession } from './revoke-all';
import { parseIncident, parseSession } from './schema';
import type { TransitionResult } from './transitions';
import type { Incident } from './types';

export interface IncidentRepository {
  get(id: string): Promise<Incident | undefined>;
  /** Newest first. */
  list(): Promise<Incident[]>;
  /** Newest first. */
  listByCredential(credentialId: string): Promise<Incident[]>;
  /** Stores all or none (one transaction), so a combined tick never leaves half the incidents ticked. */
  putMany(incidents: readonly Incident[]): Promise<void>;
  getSession(id: string): Promise<RevokeAllSession | undefined>;
  putSession(session: RevokeAllSession): Promise<void>;
}

const newestFirst = (a: Incident, b: Incident): number => b.openedAt - a.openedAt;

/** Runs `work` as a promise, so a validation error is a rejection like any storage error, never a throw. */
function settle<T>(work: () => T): Promise<T> {
  return new Promise((resolve) => resolve(work()));
}

export function createMemoryIncidentRepository(): IncidentRepository {
  const incidents = new Map<string, unknown>();
  const sessions = new Map<string, unknown>();
  // Stored as copies and parsed on the way out, like records coming back from IndexedDB.
  const all = (): Incident[] => [...incidents.values()].map(parseIncident).sort(newestFirst);
  return {
    get: (id) => settle(() => (incidents.has(id) ? parseIncident(incidents.get(id)) : undefined)),
    list: () => settle(all),
    listByCredential: (credentialId) => settle(() => all().filter((i) => i.credentialId === credentialId)),
    putMany: (list) =>
      settle(() => {
        // Validate everything first: all or none.
        const checked = list.map((i) => parseIncident(structuredClone(i)));
        for (const incident of checked) incidents.set(incident.id, incident);
      }),
    getSession: (id) => settle(() => (sessions.has(id) ? parseSession(sessions.get(id)) : undefined)),
    putSession: (session) =>
      settle(() => {
        const checked = parseSession(structuredClone(session));
        sessions.set(checked.id, checked);
      }),
  };
}

/**
 * Reads an incident, applies a pure transition and stores the result. The caller must serialise updates of one
 * incident (the background handles one message at a time per incident, or uses one IndexedDB transaction).
 */
export async function updateIncident(
  repository: IncidentRepository,
  id: string,
  transition: (incident: Incident) => TransitionResult,
): Promise<TransitionResult | { readonly ok: false; readonly error: 'not-found' }> {
  const incident = await repository.get(id);
  if (incident === undefined) return { ok: false, error: 'not-found' };
  const result = transition(incident);
  if (result.ok && result.incident !== incident) await repository.putMany([result.incident]);
  return result;
}
