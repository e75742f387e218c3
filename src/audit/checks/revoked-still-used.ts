/**
 * The one check on revoked keys: apps still listed as using a revoked key are apps that stopped working, or that
 * were never moved to the replacement. Severity: low.
 */
import { finding } from '../facts';
import type { Check } from '../types';

export const revokedStillUsed: Check = {
  id: 'revoked-still-used',
  severity: 'low',
  runsOn: 'revoked',
  messageKeys: ['auditRevokedStillUsed', 'auditRevokedStillUsedAction'],
  run(ctx) {
    if (ctx.meta.status !== 'revoked' || ctx.meta.usedBy.length === 0) return [];
    const names = [...new Set(ctx.meta.usedBy.map((u) => u.name.trim()))];
    return [
      finding(revokedStillUsed, ctx, {
        messageKey: 'auditRevokedStillUsed',
        substitutions: [names.join(', ')],
        actionKey: 'auditRevokedStillUsedAction',
      }),
    ];
  },
};
