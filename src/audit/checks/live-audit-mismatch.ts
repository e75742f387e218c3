/**
 * The live audit (issue 9) read the key's real permissions from the exchange; where they differ from the record,
 * the record is wrong, and the other checks already use the live values. Severity per difference:
 * - rights the exchange reports but the record lacks: high when one is dangerous (withdraw, transfer, sub-account)
 *   or unrecognised, otherwise medium: the user believes the key can do less than it can;
 * - no IP restriction although the record has one: high, for the same reason;
 * - recorded rights the exchange no longer reports, or an unrecorded IP restriction: low, the record is merely
 *   stale and the key is safer than recorded.
 * A record with no permissions, or an unknown IP allow-list, is not contradicted: it said nothing.
 */
import { finding, isoDate, labelOf } from '../facts';
import type { Check, Finding } from '../types';

export const liveAuditMismatch: Check = {
  id: 'live-audit-mismatch',
  severity: 'medium',
  runsOn: 'in-use',
  messageKeys: [
    'auditLiveExtraPermissions',
    'auditLiveMissingPermissions',
    'auditLiveIpNotRestricted',
    'auditLiveIpRestricted',
    'auditLiveReviewAction',
    'auditLiveUpdateRecordAction',
  ],
  run(ctx) {
    const live = ctx.liveAudit;
    if (live === null) return [];
    const { exchange, meta } = ctx;
    const date = isoDate(live.checkedAt);
    const review = { actionKey: 'auditLiveReviewAction', actionSubstitutions: [exchange.name] } as const;
    const update = {
      actionKey: 'auditLiveUpdateRecordAction',
      actionSubstitutions: [exchange.name],
    } as const;
    const out: Finding[] = [];

    if (meta.permissions.length > 0) {
      const recorded = new Set(meta.permissions);
      const reported = new Set(live.permissions);
      const extra = [...reported].filter((id) => !recorded.has(id));
      const missing = [...recorded].filter((id) => !reported.has(id));
      if (extra.length > 0) {
        const byId = new Map(ctx.permissions.resolved.map((p) => [p.id, p]));
        const risky = extra.some((id) => byId.get(id)?.dangerous ?? true);
        out.push(
          finding(liveAuditMismatch, ctx, {
            severity: risky ? 'high' : 'medium',
            messageKey: 'auditLiveExtraPermissions',
            substitutions: [date, exchange.name, extra.map((id) => labelOf(exchange, id)).join(', ')],
            ...review,
          }),
        );
      }
      if (missing.length > 0)
        out.push(
          finding(liveAuditMismatch, ctx, {
            severity: 'low',
            messageKey: 'auditLiveMissingPermissions',
            substitutions: [date, exchange.name, missing.map((id) => labelOf(exchange, id)).join(', ')],
            ...update,
          }),
        );
    }

    const recordedIp = meta.ipAllowlist.state;
    if (live.ipRestricted === false && recordedIp === 'list')
      out.push(
        finding(liveAuditMismatch, ctx, {
          severity: 'high',
          messageKey: 'auditLiveIpNotRestricted',
          substitutions: [date, exchange.name],
          ...review,
        }),
      );
    if (live.ipRestricted === true && recordedIp === 'none')
      out.push(
        finding(liveAuditMismatch, ctx, {
          severity: 'low',
          messageKey: 'auditLiveIpRestricted',
          substitutions: [date, exchange.name],
          ...update,
        }),
      );
    return out;
  },
};
