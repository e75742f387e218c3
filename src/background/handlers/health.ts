import * as v from 'valibot';
import type { RouteSpec } from '../router';

/** Module state: reset whenever the browser restarts the service worker, which is what makes it observable. */
const workerStartedAt = Date.now();

export const healthRoutes: { 'health.ping': RouteSpec<'health.ping'> } = {
  'health.ping': {
    from: ['extension-page', 'content-script'],
    payload: v.strictObject({}),
    handle: (_payload, { role }) => ({
      version: chrome.runtime.getManifest().version,
      role,
      workerStartedAt,
    }),
  },
};
