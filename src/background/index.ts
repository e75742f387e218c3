/**
 * Background service worker entry. MV3 wakes the worker for an event and stops it when idle, so every listener is
 * registered synchronously at the top level, and no state lives only in module globals.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { dispatch } from './router';
import { createRoutes } from './routes';
import { createServices } from './services';

const self = { id: browser.runtime.id, origin: browser.runtime.getURL('').replace(/\/$/, '') };
const services = createServices();
const routes = createRoutes(services);

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  // Messages for the offscreen document are not ours to answer.
  if ((message as { target?: unknown } | null)?.target === 'offscreen') return undefined;
  return dispatch(routes, message, sender, self);
});

browser.alarms.onAlarm.addListener((alarm) => {
  void services.vault.onAlarm(alarm.name);
  void services.clipboard.onAlarm(alarm.name);
});

// The guard index lives in storage.local; rebuild it when the extension starts or updates so content scripts always
// judge against the current vault (a database upgrade may have changed it).
const publish = () => void services.guard.publishIndex().catch(() => {});
browser.runtime.onInstalled.addListener(publish);
browser.runtime.onStartup.addListener(publish);
