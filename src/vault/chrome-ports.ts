/**
 * Production adapters for the vault's ports. The background passes `chrome.storage.session` and `chrome.alarms`;
 * taking them as arguments keeps this file free of globals and testable.
 */
import type { AlarmPort, SessionRecord, SessionStore } from './ports';

export const SESSION_KEY = 'keywarden.vault.session';

type SessionArea = Pick<chrome.storage.StorageArea, 'get' | 'set' | 'remove'>;

/**
 * storage.session lives in memory, survives service-worker restarts and is cleared when the browser (or the
 * extension) restarts. Its default access level is TRUSTED_CONTEXTS, so content scripts cannot read it; never call
 * setAccessLevel (https://developer.chrome.com/docs/extensions/reference/api/storage#property-session).
 */
export function sessionStoreFrom(area: SessionArea, key: string = SESSION_KEY): SessionStore {
  return {
    async get() {
      const items = await area.get(key);
      return items[key];
    },
    set(record: SessionRecord) {
      return area.set({ [key]: record });
    },
    remove() {
      return area.remove(key);
    },
  };
}

type Alarms = Pick<typeof chrome.alarms, 'create' | 'clear'>;

/**
 * chrome.alarms wakes a stopped worker, which setTimeout cannot. Chrome delays alarms to at least 30 s and Firefox
 * to 1 minute (https://developer.chrome.com/docs/extensions/reference/api/alarms#method-create); auto-lock times are
 * whole minutes, and the vault re-checks idle time on every use in case an alarm is late.
 */
export function alarmPortFrom(alarms: Alarms): AlarmPort {
  return {
    create(name, when) {
      return alarms.create(name, { when });
    },
    async clear(name) {
      await alarms.clear(name);
    },
  };
}
