import * as v from 'valibot';
import { EXCHANGE_IDS } from '../../exchanges/types';
import { CredentialIdSchema } from '../../vault/model';
import type { LiveAuditService } from '../live-audit-service';
import { PAGES_ONLY, type RouteSpec } from '../router';

const TEXT = (max: number) => v.pipe(v.string(), v.maxLength(max));

export function liveAuditRoutes(live: LiveAuditService): {
  'liveAudit.run': RouteSpec<'liveAudit.run'>;
  'liveAudit.results': RouteSpec<'liveAudit.results'>;
  'liveAudit.revokePrepare': RouteSpec<'liveAudit.revokePrepare'>;
  'liveAudit.revoke': RouteSpec<'liveAudit.revoke'>;
  'signature.explain': RouteSpec<'signature.explain'>;
} {
  return {
    'liveAudit.run': {
      from: PAGES_ONLY,
      payload: v.strictObject({ credentialId: CredentialIdSchema }),
      handle: ({ credentialId }) => live.run(credentialId),
    },
    'liveAudit.results': { from: PAGES_ONLY, payload: v.strictObject({}), handle: () => live.results() },
    'liveAudit.revokePrepare': {
      from: PAGES_ONLY,
      payload: v.strictObject({ credentialId: CredentialIdSchema }),
      handle: ({ credentialId }) => live.prepareRevoke(credentialId),
    },
    'liveAudit.revoke': {
      from: PAGES_ONLY,
      // Any string up to the size of a token: the service answers a wrong one with 'confirmation-needed'.
      payload: v.strictObject({ credentialId: CredentialIdSchema, confirm: TEXT(128) }),
      handle: ({ credentialId, confirm }) => live.revoke(credentialId, confirm),
    },
    'signature.explain': {
      from: PAGES_ONLY,
      payload: v.strictObject({
        exchange: v.picklist(EXCHANGE_IDS),
        request: v.strictObject({
          method: v.picklist(['GET', 'POST', 'PUT', 'DELETE']),
          path: TEXT(2_000),
          query: v.optional(TEXT(8_000)),
          body: v.optional(TEXT(64_000)),
          timestamp: v.optional(TEXT(64)),
          nonce: v.optional(TEXT(128)),
          origin: v.optional(TEXT(200)),
        }),
        key: v.union([
          v.strictObject({ credentialId: CredentialIdSchema }),
          v.strictObject({
            test: v.strictObject({
              apiKey: TEXT(16_384),
              secret: v.optional(TEXT(16_384)),
              passphrase: v.optional(TEXT(1_024)),
              privateKey: v.optional(TEXT(16_384)),
            }),
          }),
        ]),
      }),
      handle: ({ exchange, request, key }) => live.explain(exchange, request, key),
    },
  };
}
