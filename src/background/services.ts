import browser from 'webextension-polyfill';
import { alarmPortFrom, sessionStoreFrom } from '../vault/chrome-ports';
import { Vault } from '../vault/service';
import { ClipboardClearer } from './clipboard';
import { clipboardAccess } from './clipboard-access';
import { GuardService } from './guard-service';
import type { Services } from './routes';

/** Opens the extension's app in a tab at `hash` (the revocation checklist, for instance). */
export async function openApp(hash: string): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(`popup/index.html#${hash}`) });
}

/** Builds the background's services on the browser's real APIs. Nothing here touches storage until used. */
export function createServices(): Services & { readonly clipboard: ClipboardClearer } {
  const vault = new Vault({
    session: sessionStoreFrom(chrome.storage.session),
    alarms: alarmPortFrom(chrome.alarms),
  });
  const guard = new GuardService({
    vault,
    store: {
      get: async (key) => (await chrome.storage.local.get(key))[key],
      set: (key, value) => chrome.storage.local.set({ [key]: value }),
    },
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    openIncident: (credentialId) => openApp(`incident/${encodeURIComponent(credentialId)}`),
  });
  const clipboard = new ClipboardClearer({
    session: chrome.storage.session,
    alarms: chrome.alarms,
    access: clipboardAccess(),
    now: () => Date.now(),
    delaySeconds: async () => (await vault.getSettings()).clipboardClearSeconds,
  });
  return {
    vault,
    guard,
    clipboard,
    changed: () => guard.publishIndex(),
    copied: (value) => clipboard.copied(value),
  };
}
