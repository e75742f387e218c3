import browser from 'webextension-polyfill';
import { formatEnglish } from '../audit';
import { alarmPortFrom, sessionStoreFrom } from '../vault/chrome-ports';
import { Vault } from '../vault/service';
import { AuditService } from './audit-service';
import { ClipboardClearer } from './clipboard';
import { clipboardAccess } from './clipboard-access';
import { GuardService, type KeyValueStore } from './guard-service';
import { createIdbIncidentRepository } from './incident-store';
import { createStateStore } from './state-store';
import { IncidentService } from './incident-service';
import { LiveAuditService } from './live-audit-service';
import type { Services } from './routes';

/** Opens the extension's app in a tab at `hash` (the revocation checklist, for instance). */
export async function openApp(hash: string): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(`popup/index.html#${hash}`) });
}

/** Where the guard index is published for content scripts: the only thing Keywarden keeps in storage.local. */
const publicStore: KeyValueStore = {
  get: async (key) => (await chrome.storage.local.get(key))[key],
  set: (key, value) => chrome.storage.local.set({ [key]: value }),
};
const stateStore = createStateStore();

/** chrome.i18n in the worker, falling back to the audit's English table for keys it does not know. */
function text(key: string, substitutions: readonly string[]): string {
  const message = chrome.i18n.getMessage(key, [...substitutions]);
  if (message) return message;
  try {
    return formatEnglish(key as Parameters<typeof formatEnglish>[0], [...substitutions]);
  } catch {
    return key;
  }
}

export type BackgroundServices = Services & { readonly clipboard: ClipboardClearer };

/** Builds the background's services on the browser's real APIs. Nothing here touches storage until used. */
export function createServices(): BackgroundServices {
  const now = () => Date.now();
  const newId = () => crypto.randomUUID();
  const vault = new Vault({
    session: sessionStoreFrom(chrome.storage.session),
    alarms: alarmPortFrom(chrome.alarms),
  });
  const audit = new AuditService({
    vault,
    store: stateStore,
    now,
    setBadge: async (count) => {
      await chrome.action.setBadgeText({ text: count > 0 ? String(count) : '' });
      await chrome.action.setBadgeBackgroundColor({ color: '#b3261e' });
    },
    notify: async ({ id, title, message }) => {
      if (!(await chrome.permissions.contains({ permissions: ['notifications'] }))) return false;
      await chrome.notifications.create(id, {
        type: 'basic',
        iconUrl: chrome.runtime.getURL('icons/icon-128.png'),
        title,
        message,
      });
      return true;
    },
    text,
  });
  const guard = new GuardService({
    vault,
    store: stateStore,
    publish: publicStore,
    now,
    newId,
    openIncident: async (credentialId) => {
      const { incident } = await incidents.open(credentialId, 'paste-warning');
      await openApp(`/incident/${encodeURIComponent(incident.id)}`);
    },
  });
  const changed = async () => {
    await guard.publishIndex();
    await audit.snapshot();
  };
  const incidents = new IncidentService({
    repository: createIdbIncidentRepository(),
    vault,
    now,
    newId,
    changed,
  });
  const live = new LiveAuditService({
    vault,
    audit,
    incidents,
    store: stateStore,
    now,
    fetch: (url, init) => fetch(url, { ...init, credentials: 'omit', cache: 'no-store', redirect: 'error' }),
    hasOrigins: (origins) => chrome.permissions.contains({ origins }),
  });
  const clipboard = new ClipboardClearer({
    session: chrome.storage.session,
    alarms: chrome.alarms,
    access: clipboardAccess(),
    now,
    delaySeconds: async () => (await vault.getSettings()).clipboardClearSeconds,
  });
  return {
    vault,
    guard,
    audit,
    incidents,
    live,
    clipboard,
    changed,
    copied: (value) => clipboard.copied(value),
  };
}
