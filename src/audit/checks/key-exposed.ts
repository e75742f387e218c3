/**
 * A key the paste guard saw leave, or that the user marked: status 'exposed' is high, 'compromised' critical.
 * Either way the only fix is to revoke it.
 */
import { finding } from '../facts';
import type { Check } from '../types';

export const keyExposed: Check = {
  id: 'key-exposed',
  severity: 'high',
  runsOn: 'in-use',
  messageKeys: ['auditKeyExposed', 'auditKeyCompromised', 'auditKeyExposedAction'],
  run(ctx) {
    const { status } = ctx.meta;
    if (status !== 'exposed' && status !== 'compromised') return [];
    return [
      finding(keyExposed, ctx, {
        severity: status === 'compromised' ? 'critical' : 'high',
        messageKey: status === 'compromised' ? 'auditKeyCompromised' : 'auditKeyExposed',
        actionKey: 'auditKeyExposedAction',
        actionSubstitutions: [ctx.exchange.name],
      }),
    ];
  },
};
