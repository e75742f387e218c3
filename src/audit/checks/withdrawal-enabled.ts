/**
 * A key that can withdraw is the one that can empty the account. Severity: high; critical when the key also works
 * from any IP address (the worst case: a copied key is all an attacker needs).
 */
import { labels, permissionsOfKind, finding } from '../facts';
import type { Check } from '../types';

export const withdrawalEnabled: Check = {
  id: 'withdrawal-enabled',
  severity: 'high',
  runsOn: 'in-use',
  messageKeys: ['auditWithdrawalEnabled', 'auditWithdrawalEnabledNoIp', 'auditWithdrawalEnabledAction'],
  run(ctx) {
    const withdraw = permissionsOfKind(ctx.permissions, ['withdraw']);
    if (withdraw.length === 0) return [];
    const names = labels(withdraw);
    const open = ctx.ipAllowlist === 'none';
    return [
      finding(withdrawalEnabled, ctx, {
        severity: open ? 'critical' : 'high',
        messageKey: open ? 'auditWithdrawalEnabledNoIp' : 'auditWithdrawalEnabled',
        substitutions: [names],
        actionKey: 'auditWithdrawalEnabledAction',
        actionSubstitutions: [ctx.exchange.name, names],
        confirmation: ctx.permissions.confirmation,
      }),
    ];
  },
};
