/**
 * A key no app is recorded as using is either forgotten (revoke it) or undocumented (record where it is used, so
 * a revocation knows what breaks). Severity: info: it costs no points.
 */
import { finding } from '../facts';
import type { Check } from '../types';

export const noRecordedUse: Check = {
  id: 'no-recorded-use',
  severity: 'info',
  runsOn: 'in-use',
  messageKeys: ['auditNoRecordedUse', 'auditNoRecordedUseAction'],
  run(ctx) {
    if (ctx.meta.usedBy.length > 0) return [];
    return [
      finding(noRecordedUse, ctx, {
        messageKey: 'auditNoRecordedUse',
        actionKey: 'auditNoRecordedUseAction',
        actionSubstitutions: [ctx.exchange.name],
      }),
    ];
  },
};
