/**
 * The audit cannot judge a key whose permissions it cannot read: none recorded, an exchange whose permission list
 * the knowledge base lacks, or ids it does not recognise (any of which could be a withdrawal right). Severity: low.
 */
import { finding } from '../facts';
import type { Check } from '../types';

export const permissionsUnknown: Check = {
  id: 'permissions-unknown',
  severity: 'low',
  runsOn: 'in-use',
  messageKeys: [
    'auditPermissionsNotRecorded',
    'auditPermissionsCatalogueUnknown',
    'auditPermissionsUnrecognised',
    'auditPermissionsUnknownAction',
  ],
  run(ctx) {
    const facts = ctx.permissions;
    if (facts.state === 'known') return [];
    const action = {
      actionKey: 'auditPermissionsUnknownAction',
      actionSubstitutions: [ctx.exchange.name],
    } as const;
    if (facts.ids.length === 0)
      return [finding(permissionsUnknown, ctx, { messageKey: 'auditPermissionsNotRecorded', ...action })];
    if (facts.catalogue === 'unknown')
      return [
        finding(permissionsUnknown, ctx, {
          messageKey: 'auditPermissionsCatalogueUnknown',
          substitutions: [ctx.exchange.name],
          ...action,
        }),
      ];
    return [
      finding(permissionsUnknown, ctx, {
        messageKey: 'auditPermissionsUnrecognised',
        substitutions: [ctx.exchange.name, facts.unrecognised.join(', ')],
        ...action,
      }),
    ];
  },
};
