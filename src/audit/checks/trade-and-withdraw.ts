/**
 * Trading and withdrawal on one key: every app that needs to trade then also holds the power to withdraw, and a
 * leak of either use gives both. Severity: medium (withdrawal-enabled already scores the withdrawal right itself).
 */
import { finding, labels, permissionsOfKind } from '../facts';
import type { Check } from '../types';

export const tradeAndWithdraw: Check = {
  id: 'trade-and-withdraw',
  severity: 'medium',
  runsOn: 'in-use',
  messageKeys: ['auditTradeAndWithdraw', 'auditTradeAndWithdrawAction'],
  run(ctx) {
    const trade = permissionsOfKind(ctx.permissions, ['trade']);
    const withdraw = permissionsOfKind(ctx.permissions, ['withdraw']);
    if (trade.length === 0 || withdraw.length === 0) return [];
    return [
      finding(tradeAndWithdraw, ctx, {
        messageKey: 'auditTradeAndWithdraw',
        substitutions: [labels(trade), labels(withdraw)],
        actionKey: 'auditTradeAndWithdrawAction',
        confirmation: ctx.permissions.confirmation,
      }),
    ];
  },
};
