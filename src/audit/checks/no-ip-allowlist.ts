/**
 * A key with no IP allow-list works for whoever copies it, from anywhere. Severity: medium; low when every
 * permission is known to be read-only (a leak then exposes balances and history, not funds). Not reported when
 * the knowledge base says the exchange has no IP allow-list at all: there is nothing to turn on.
 */
import { isKnown } from '../../exchanges/types';
import { finding } from '../facts';
import type { Check } from '../types';

export const noIpAllowlist: Check = {
  id: 'no-ip-allowlist',
  severity: 'medium',
  runsOn: 'in-use',
  messageKeys: ['auditNoIpAllowlist', 'auditNoIpAllowlistAction'],
  run(ctx) {
    if (ctx.ipAllowlist !== 'none') return [];
    const policy = ctx.exchange.policies.ipAllowlist;
    if (isKnown(policy) && !policy.value.supported) return [];
    const readOnly =
      ctx.permissions.state === 'known' && ctx.permissions.resolved.every((p) => p.kind === 'read');
    return [
      finding(noIpAllowlist, ctx, {
        severity: readOnly ? 'low' : 'medium',
        messageKey: 'auditNoIpAllowlist',
        actionKey: 'auditNoIpAllowlistAction',
        actionSubstitutions: [ctx.exchange.name],
      }),
    ];
  },
};
