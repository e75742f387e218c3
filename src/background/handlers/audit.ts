import * as v from 'valibot';
import { CredentialIdSchema } from '../../vault/model';
import type { AuditService } from '../audit-service';
import { PAGES_ONLY, type RouteSpec } from '../router';

export function auditRoutes(audit: AuditService): {
  'audit.get': RouteSpec<'audit.get'>;
  'audit.acknowledge': RouteSpec<'audit.acknowledge'>;
  'reminders.get': RouteSpec<'reminders.get'>;
  'reminders.set': RouteSpec<'reminders.set'>;
} {
  return {
    'audit.get': { from: PAGES_ONLY, payload: v.strictObject({}), handle: () => audit.snapshot() },
    'audit.acknowledge': {
      from: PAGES_ONLY,
      payload: v.strictObject({
        credentialId: CredentialIdSchema,
        checkId: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]{1,63}$/)),
        acknowledged: v.boolean(),
      }),
      handle: ({ credentialId, checkId, acknowledged }) =>
        audit.acknowledge(credentialId, checkId, acknowledged),
    },
    'reminders.get': { from: PAGES_ONLY, payload: v.strictObject({}), handle: () => audit.reminders() },
    'reminders.set': {
      from: PAGES_ONLY,
      payload: v.strictObject({ notifyExpiry: v.boolean() }),
      handle: (settings) => audit.setReminders(settings),
    },
  };
}
