import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { KeyValueStore } from './guard-service';

interface StateDB extends DBSchema {
  state: { key: string; value: unknown };
}

/**
 * The background's private settings and records (held-paste history, site rules, live-audit results,
 * acknowledgements, reminders) in the extension's IndexedDB. Not storage.local: every content script, and so any
 * compromised renderer, can read storage.local, and this state says which sites and keys a user has. Only the
 * guard index, which content scripts need, is published there.
 */
export function createStateStore(name = 'keywarden-state'): KeyValueStore {
  let db: Promise<IDBPDatabase<StateDB>> | undefined;
  const open = () =>
    (db ??= openDB<StateDB>(name, 1, {
      upgrade(database) {
        database.createObjectStore('state');
      },
    }));
  return {
    get: async (key) => (await open()).get('state', key),
    set: async (key, value) => {
      await (await open()).put('state', value, key);
    },
  };
}
