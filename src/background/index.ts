/**
 * Background service worker entry. MV3 wakes the worker for an event and stops it when idle, so every listener is
 * registered synchronously at the top level, and no state lives only in module globals.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { AUDIT_ALARM } from './audit-service';
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
  if (alarm.name === AUDIT_ALARM) void services.audit.daily().catch(() => {});
});

/**
 * On install, update and browser start: rebuild the guard index in storage.local (a database upgrade may have
 * changed the vault), refresh the badge, and make sure the daily audit alarm exists.
 */
async function refresh(): Promise<void> {
  await services.guard.publishIndex().catch(() => {});
  await services.audit.snapshot().catch(() => {});
  if (!(await browser.alarms.get(AUDIT_ALARM))) {
    await browser.alarms.create(AUDIT_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 1 });
  }
}
browser.runtime.onInstalled.addListener(() => void refresh());
browser.runtime.onStartup.addListener(() => void refresh());
