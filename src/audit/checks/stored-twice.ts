/**
 * The same key stored in two entries drifts apart (apps, notes, status), and revoking one leaves the other
 * looking active. Exact duplicates come from the vault's keyed fingerprints (the `duplicateOf` input, read in both
 * directions); otherwise the same exchange and api-key hint is a hint only ('reported'): hints are four characters
 * at each end and can collide. Revoked entries are left out on both sides. Severity: low.
 */
import { finding } from '../facts';
import type { Check, CheckContext, Finding } from '../types';

function exactTwins(ctx: CheckContext): Set<string> {
  const twins = new Set<string>();
  const self = ctx.meta.id;
  const direct = ctx.duplicateOf.get(self);
  if (direct !== undefined && direct !== self) twins.add(direct);
  for (const [id, of] of ctx.duplicateOf) if (of === self && id !== self) twins.add(id);
  return twins;
}

export const storedTwice: Check = {
  id: 'stored-twice',
  severity: 'low',
  runsOn: 'in-use',
  messageKeys: ['auditStoredTwice', 'auditStoredTwiceHint', 'auditStoredTwiceAction'],
  run(ctx) {
    const twins = exactTwins(ctx);
    const hint = ctx.meta.apiKeyHint;
    const out: Finding[] = [];
    for (const other of ctx.others) {
      if (other.status === 'revoked') continue;
      if (twins.has(other.id))
        out.push(
          finding(storedTwice, ctx, {
            messageKey: 'auditStoredTwice',
            substitutions: [other.label],
            actionKey: 'auditStoredTwiceAction',
          }),
        );
      else if (hint !== null && other.exchange === ctx.meta.exchange && other.apiKeyHint === hint)
        out.push(
          finding(storedTwice, ctx, {
            messageKey: 'auditStoredTwiceHint',
            substitutions: [other.label, hint],
            actionKey: 'auditStoredTwiceAction',
            confirmation: 'reported',
          }),
        );
    }
    return out;
  },
};
