/**
 * One key in several apps: a leak from any of them exposes all, and it cannot be revoked for just one. Apps are
 * counted by name, case-insensitively, so the same app entered twice is not "several". Severity: medium.
 */
import { finding } from '../facts';
import type { Check } from '../types';

export const sharedByApps: Check = {
  id: 'shared-by-apps',
  severity: 'medium',
  runsOn: 'in-use',
  messageKeys: ['auditSharedByApps', 'auditSharedByAppsAction'],
  run(ctx) {
    const names = new Map<string, string>();
    for (const usage of ctx.meta.usedBy) {
      const key = usage.name.trim().toLowerCase();
      if (!names.has(key)) names.set(key, usage.name.trim());
    }
    if (names.size < 2) return [];
    return [
      finding(sharedByApps, ctx, {
        messageKey: 'auditSharedByApps',
        substitutions: [String(names.size), [...names.values()].join(', ')],
        actionKey: 'auditSharedByAppsAction',
        actionSubstitutions: [ctx.exchange.name],
      }),
    ];
  },
};
