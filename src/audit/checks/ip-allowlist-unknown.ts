/**
 * The audit cannot judge a key whose IP allow-list was never recorded (and no live audit told us). Severity: low:
 * unknown is not bad in itself, but it hides the no-ip-allowlist and withdrawal checks' worst cases.
 */
import { finding } from '../facts';
import type { Check } from '../types';

export const ipAllowlistUnknown: Check = {
  id: 'ip-allowlist-unknown',
  severity: 'low',
  runsOn: 'in-use',
  messageKeys: ['auditIpAllowlistUnknown', 'auditIpAllowlistUnknownAction'],
  run(ctx) {
    if (ctx.ipAllowlist !== 'unknown') return [];
    return [
      finding(ipAllowlistUnknown, ctx, {
        messageKey: 'auditIpAllowlistUnknown',
        actionKey: 'auditIpAllowlistUnknownAction',
        actionSubstitutions: [ctx.exchange.name],
      }),
    ];
  },
};
