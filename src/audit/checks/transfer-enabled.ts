/**
 * Transfer and sub-account rights are the other permissions the knowledge base marks dangerous: they move funds
 * between the user's own accounts, a step towards a withdrawal but not one by itself. Severity: low.
 */
import { finding, labels, permissionsOfKind } from '../facts';
import type { Check } from '../types';

export const transferEnabled: Check = {
  id: 'transfer-enabled',
  severity: 'low',
  runsOn: 'in-use',
  messageKeys: ['auditTransferEnabled', 'auditTransferEnabledAction'],
  run(ctx) {
    const transfer = permissionsOfKind(ctx.permissions, ['transfer', 'subaccount']);
    if (transfer.length === 0) return [];
    const names = labels(transfer);
    return [
      finding(transferEnabled, ctx, {
        messageKey: 'auditTransferEnabled',
        substitutions: [names],
        actionKey: 'auditTransferEnabledAction',
        actionSubstitutions: [ctx.exchange.name, names],
        confirmation: ctx.permissions.confirmation,
      }),
    ];
  },
};
