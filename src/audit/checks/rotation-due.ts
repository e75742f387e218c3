/**
 * Keys older than the rotation period (Settings.rotationDays, default 90) should be replaced. KeePassXC-style ramp:
 * low from 30 days before the period ends (a third of the period when that is shorter, so a 7-day period does
 * not warn from day one), medium once it has passed. The age counts from the last rotation or creation, whichever
 * is later; when neither is recorded, from when the key was added to Keywarden, which is a lower bound ("at least").
 */
import { DAY_MS, ageInDays, countdown, finding, isoDate } from '../facts';
import type { Check } from '../types';

export const RAMP_DAYS = 30;

export function rampDays(rotationDays: number): number {
  return Math.min(RAMP_DAYS, Math.floor(rotationDays / 3));
}

export const rotationDue: Check = {
  id: 'rotation-due',
  severity: 'medium',
  runsOn: 'in-use',
  messageKeys: [
    'auditRotationSoon',
    'auditRotationSoonAtLeast',
    'auditRotationOverdue',
    'auditRotationOverdueAtLeast',
    'auditRotationAction',
  ],
  run(ctx) {
    const { meta, now } = ctx;
    const period = ctx.settings.rotationDays;
    const dates = [meta.createdAt, meta.lastRotatedAt].filter((d): d is number => d !== null);
    const atLeast = dates.length === 0;
    const since = atLeast ? meta.addedAt : Math.max(...dates);
    const due = since + period * DAY_MS;
    const left = countdown(due, now);
    const action = { actionKey: 'auditRotationAction', actionSubstitutions: [ctx.exchange.name] } as const;
    if (left.days <= 0)
      return [
        finding(rotationDue, ctx, {
          messageKey: atLeast ? 'auditRotationOverdueAtLeast' : 'auditRotationOverdue',
          substitutions: [String(ageInDays(since, now)), String(period)],
          countdown: left,
          ...action,
        }),
      ];
    if (left.days > rampDays(period)) return [];
    return [
      finding(rotationDue, ctx, {
        severity: 'low',
        messageKey: atLeast ? 'auditRotationSoonAtLeast' : 'auditRotationSoon',
        substitutions: [String(period), isoDate(due)],
        countdown: left,
        ...action,
      }),
    ];
  },
};
