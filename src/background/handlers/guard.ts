import * as v from 'valibot';
import { EXCHANGE_IDS } from '../../exchanges/types';
import type { SenderInfo } from '../../shared/sender';
import type { GuardService } from '../guard-service';
import { PublicError, type RouteSpec } from '../router';

const FIELD = v.picklist(['apiKey', 'secret', 'passphrase', 'privateKey']);
const EXCHANGE_ID = v.picklist(EXCHANGE_IDS);

/** The site a content script runs on, from what the browser says about the sender (never from the payload). */
export function senderHost(sender: SenderInfo): string {
  for (const candidate of [sender.origin, sender.url]) {
    if (!candidate || candidate === 'null') continue;
    try {
      const { hostname } = new URL(candidate);
      if (hostname) return hostname;
    } catch {
      // Try the next one.
    }
  }
  throw new PublicError('forbidden', 'Cannot tell which site this paste came from.');
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
