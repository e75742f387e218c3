/** Background service worker entry: registers listeners synchronously (MV3 requires it at top level) and routes. */
import browser, { type Runtime } from 'webextension-polyfill';
import { dispatch } from './router';
import { routes } from './routes';

const self = { id: browser.runtime.id, origin: browser.runtime.getURL('').replace(/\/$/, '') };

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  dispatch(routes, message, sender, self),
);
