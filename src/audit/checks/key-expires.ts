/**
 * The key's own expiry date (exchanges such as Kraken let the user set one). Reported from 30 days before:
 * low within 30 days, medium within 7 and once passed (the apps that use it stop working).
 */
import { countdown, finding, isoDate, rampSeverity } from '../facts';
import type { Check } from '../types';

export const keyExpires: Check = {
  id: 'key-expires',
  severity: 'low',
  runsOn: 'in-use',
  messageKeys: ['auditKeyExpiresOn', 'auditKeyExpired', 'auditKeyExpiresAction', 'auditKeyExpiredAction'],
  run(ctx) {
    const at = ctx.meta.expiresAt;
    if (at === null) return [];
    const left = countdown(at, ctx.now);
    if (left.days <= 0)
      return [
        finding(keyExpires, ctx, {
          severity: 'medium',
          messageKey: 'auditKeyExpired',
          substitutions: [isoDate(at)],
          actionKey: 'auditKeyExpiredAction',
          countdown: left,
        }),
      ];
    const severity = rampSeverity(left.days);
    if (severity === 'info') return [];
    return [
      finding(keyExpires, ctx, {
        severity,
        messageKey: 'auditKeyExpiresOn',
        substitutions: [isoDate(at)],
        actionKey: 'auditKeyExpiresAction',
        actionSubstitutions: [ctx.exchange.name],
        countdown: left,
      }),
    ];
  },
};
