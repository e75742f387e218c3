import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { parseIncident, parseSession, type IncidentRepository, type RevokeAllSession } from '../incident';
import type { Incident } from '../incident';

interface IncidentDB extends DBSchema {
  incidents: { key: string; value: Incident; indexes: { 'by-credential': string } };
  sessions: { key: string; value: RevokeAllSession };
}

const DB_NAME = 'keywarden-incidents';
const DB_VERSION = 1;

const newestFirst = (a: Incident, b: Incident) => b.openedAt - a.openedAt;

/**
 * Incidents in IndexedDB, so they survive the popup closing, worker restarts and browser restarts. Records are
 * re-checked with parseIncident on every read: a damaged record is an error, not trusted data. Writes of several
 * incidents (a combined tick) go in one transaction: all or none.
 */
export function createIdbIncidentRepository(name = DB_NAME): IncidentRepository {
  let db: Promise<IDBPDatabase<IncidentDB>> | undefined;
  const open = () =>
    (db ??= openDB<IncidentDB>(name, DB_VERSION, {
      upgrade(database) {
        const incidents = database.createObjectStore('incidents', { keyPath: 'id' });
        incidents.createIndex('by-credential', 'credentialId');
        database.createObjectStore('sessions', { keyPath: 'id' });
      },
    }));
  return {
    async get(id) {
      const record = await (await open()).get('incidents', id);
      return record === undefined ? undefined : parseIncident(record);
    },
    async list() {
      return (await (await open()).getAll('incidents')).map(parseIncident).sort(newestFirst);
    },
    async listByCredential(credentialId) {
      const records = await (await open()).getAllFromIndex('incidents', 'by-credential', credentialId);
      return records.map(parseIncident).sort(newestFirst);
    },
    async putMany(list) {
      // Validate before the transaction opens: nothing but IndexedDB requests may be awaited inside it.
      const checked = list.map((incident) => parseIncident(structuredClone(incident)));
      const tx = (await open()).transaction('incidents', 'readwrite');
      await Promise.all([...checked.map((incident) => tx.store.put(incident)), tx.done]);
    },
    async getSession(id) {
      const record = await (await open()).get('sessions', id);
      return record === undefined ? undefined : parseSession(record);
    },
    async putSession(session) {
      const checked = parseSession(structuredClone(session));
      await (await open()).put('sessions', checked);
    },
  };
}
