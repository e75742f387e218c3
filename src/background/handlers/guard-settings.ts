import * as v from 'valibot';
import { CredentialIdSchema } from '../../vault/model';
import type { GuardService } from '../guard-service';
import { PAGES_ONLY, type RouteSpec } from '../router';

const HOST = v.pipe(
  v.string(),
  v.toLowerCase(),
  v.regex(/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/),
);

/** The popup's view of the paste guard: per-site switches, allowances and the record of held pastes. */
export function guardSettingsRoutes(guard: GuardService): {
  'guard.settings': RouteSpec<'guard.settings'>;
  'guard.events': RouteSpec<'guard.events'>;
  'guard.setSiteDisabled': RouteSpec<'guard.setSiteDisabled'>;
  'guard.removeAllowance': RouteSpec<'guard.removeAllowance'>;
} {
  return {
    'guard.settings': { from: PAGES_ONLY, payload: v.strictObject({}), handle: () => guard.settings() },
    'guard.events': { from: PAGES_ONLY, payload: v.strictObject({}), handle: () => guard.events() },
    'guard.setSiteDisabled': {
      from: PAGES_ONLY,
      payload: v.strictObject({ host: HOST, disabled: v.boolean() }),
      handle: ({ host, disabled }) => guard.setSiteDisabled(host, disabled),
    },
    'guard.removeAllowance': {
      from: PAGES_ONLY,
      payload: v.strictObject({ credentialId: CredentialIdSchema, host: HOST }),
      handle: ({ credentialId, host }) => guard.removeAllowance(credentialId, host),
    },
  };
}
