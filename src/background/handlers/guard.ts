import * as v from 'valibot';
import { EXCHANGE_IDS } from '../../exchanges/types';
import { senderHostname, type SenderInfo } from '../../shared/sender';
import type { GuardService } from '../guard-service';
import { PublicError, type RouteSpec } from '../router';

const FIELD = v.picklist(['apiKey', 'secret', 'passphrase', 'privateKey']);
const EXCHANGE_ID = v.picklist(EXCHANGE_IDS);

/** The site a content script runs on, from the sender; a paste from a page with no host is refused. */
function senderHost(sender: SenderInfo): string {
  const host = senderHostname(sender);
  if (!host) throw new PublicError('forbidden', 'Cannot tell which site this paste came from.');
  return host;
}

export function guardRoutes(guard: GuardService): {
  'guard.held': RouteSpec<'guard.held'>;
  'guard.choice': RouteSpec<'guard.choice'>;
} {
  return {
    'guard.held': {
      from: ['content-script'],
      payload: v.strictObject({
        kind: v.picklist(['paste', 'drop']),
        severity: v.picklist(['secret', 'apiKey']),
        stored: v.nullable(v.strictObject({ ref: v.pipe(v.string(), v.maxLength(200)) })),
        shape: v.nullable(
          v.strictObject({
            exchange: v.nullable(EXCHANGE_ID),
            field: FIELD,
            rule: v.pipe(v.string(), v.maxLength(100)),
            confidence: v.picklist(['medium', 'high']),
          }),
        ),
      }),
      handle: (payload, { sender }) => guard.held(payload, senderHost(sender)),
    },
    'guard.choice': {
      from: ['content-script'],
      payload: v.strictObject({
        eventId: v.pipe(v.string(), v.maxLength(64)),
        choice: v.picklist(['cancel', 'paste-anyway', 'allow-site', 'treat-exposed']),
      }),
      handle: async ({ eventId, choice }, { sender }) => {
        await guard.choice(eventId, choice, senderHost(sender));
        return { recorded: true };
      },
    },
  };
}
