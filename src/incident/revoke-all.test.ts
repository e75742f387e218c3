import { describe, expect, it } from 'vitest';
import { getExchange } from '../exchanges/index';
import { combine, planRevokeAll, setCombinedStep, type RevokeAllOptions } from './revoke-all';
import { T0, idGenerator, makeMeta } from './testing';
import { finish, tickStep } from './transitions';
import type { Incident } from './types';

const credentials = [
  makeMeta({ id: 'read', label: 'reader', permissions: ['enableReading'] }),
  makeMeta({ id: 'trade', label: 'trader', permissions: ['enableReading', 'enableFutures'] }),
  makeMeta({ id: 'nothing', label: 'no permissions recorded', permissions: [] }),
  makeMeta({ id: 'withdraw', label: 'withdrawer', permissions: ['enableWithdrawals'] }),
  makeMeta({ id: 'stamp', exchange: 'bitstamp', label: 'bitstamp key', permissions: ['whatever'] }),
  makeMeta({ id: 'okx-trade', exchange: 'okx', label: 'okx bot', permissions: ['trade'] }),
  makeMeta({ id: 'gone', label: 'already revoked', permissions: ['enableWithdrawals'], status: 'revoked' }),
];

function options(overrides: Partial<RevokeAllOptions> = {}): RevokeAllOptions {
  return { scope: 'all', now: T0, newId: idGenerator(), existing: [], exchangeOf: getExchange, ...overrides };
}

describe('planRevokeAll', () => {
  it('orders keys withdraw, unknown, trade, read and skips revoked keys', () => {
    const plan = planRevokeAll(credentials, options());
    expect(plan.entries.map((e) => e.incident.credentialId)).toEqual([
      'withdraw',
      'nothing',
      'stamp',
      'trade',
      'okx-trade',
      'read',
    ]);
    expect(plan.entries.map((e) => e.risk.tier)).toEqual([
      'withdraw',
      'unknown',
      'unknown',
      'trade',
      'trade',
      'read',
    ]);
    expect(plan.skipped).toEqual(['gone']);
    expect(plan.opened).toHaveLength(6);
    expect(plan.opened.every((i) => i.source === 'revoke-all')).toBe(true);
    expect(plan.effects).toHaveLength(6);
    expect(plan.session.incidentIds).toEqual(plan.entries.map((e) => e.incident.id));
  });

  it('within a tier, flagged keys and keys without an IP allow-list come first', () => {
    const tier = [
      makeMeta({
        id: 'a',
        label: 'a',
        permissions: ['enableFutures'],
        ipAllowlist: { state: 'list', entries: ['203.0.113.1'] },
      }),
      makeMeta({ id: 'b', label: 'b', permissions: ['enableFutures'], ipAllowlist: { state: 'unknown' } }),
      makeMeta({
        id: 'c',
        label: 'c',
        permissions: ['enableFutures'],
        status: 'exposed',
        ipAllowlist: { state: 'list', entries: ['203.0.113.1'] },
      }),
    ];
    expect(planRevokeAll(tier, options()).entries.map((e) => e.incident.credentialId)).toEqual([
      'c',
      'b',
      'a',
    ]);
  });

  it('limits to one exchange', () => {
    const plan = planRevokeAll(credentials, options({ scope: 'okx' }));
    expect(plan.entries.map((e) => e.incident.credentialId)).toEqual(['okx-trade']);
  });

  it('reuses running incidents instead of opening duplicates', () => {
    const first = planRevokeAll(credentials, options({ scope: 'okx' }));
    const second = planRevokeAll(credentials, options({ existing: first.opened }));
    expect(second.opened.map((i) => i.credentialId)).not.toContain('okx-trade');
    expect(second.entries.find((e) => e.incident.credentialId === 'okx-trade')?.incident).toBe(
      first.opened[0],
    );
  });
});

describe('combined steps', () => {
  it('all revoke steps first in risk order, then one review per exchange, per-key steps, then account steps', () => {
    const plan = planRevokeAll(credentials, options());
    const kinds = plan.steps.map((s) => s.kind);
    const revokes = plan.steps.filter((s) => s.kind === 'revoke');
    expect(kinds.slice(0, revokes.length).every((k) => k === 'revoke')).toBe(true);
    expect(revokes.map((s) => s.credentialIds[0])).toEqual(plan.entries.map((e) => e.incident.credentialId));
    expect(plan.steps.filter((s) => s.urgent)).toEqual(revokes);

    const reviews = plan.steps.filter((s) => s.kind === 'review-activity');
    expect(reviews.map((s) => s.exchange)).toEqual(['binance', 'bitstamp', 'okx']);
    expect(reviews[0]?.credentialIds).toEqual(['withdraw', 'nothing', 'trade', 'read']);
    // Shown from the riskiest key, so the withdrawal checks are included.
    expect(reviews[0]?.step.detailKeys).toContain('incidentReviewWithdrawals');
    expect(plan.steps.filter((s) => s.kind === 'support')).toHaveLength(3);
    expect(plan.steps.filter((s) => s.kind === 'secure-account')).toHaveLength(3);
    expect(plan.steps.filter((s) => s.kind === 'replace')).toHaveLength(6);
    expect(new Set(plan.steps.map((s) => s.id)).size).toBe(plan.steps.length);
    const last = kinds.lastIndexOf('replace');
    expect(kinds.indexOf('support')).toBeGreaterThan(last);
  });

  it('ticking a combined step ticks every incident it stands for; it is done only when all are', () => {
    const plan = planRevokeAll(credentials, options());
    const review = plan.steps.find((s) => s.kind === 'review-activity' && s.exchange === 'binance')!;
    const incidents = plan.entries.map((e) => e.incident);
    const changed = setCombinedStep(incidents, review, true, T0 + 60_000);
    expect(changed.map((i) => i.credentialId).sort()).toEqual(['nothing', 'read', 'trade', 'withdraw']);
    for (const i of changed)
      expect(i.steps.find((s) => s.kind === 'review-activity')?.doneAt).toBe(T0 + 60_000);

    const merged = incidents.map((i) => changed.find((c) => c.id === i.id) ?? i);
    const rebuilt = combine(merged, credentials, getExchange);
    expect(rebuilt.steps.find((s) => s.id === review.id)?.doneAt).toBe(T0 + 60_000);

    // One incident unticked: the combined step is open again.
    const partly = merged.map((i) =>
      i.credentialId === 'read' ? (setCombinedStep([i], review, false, T0)[0] ?? i) : i,
    );
    expect(
      combine(partly, credentials, getExchange).steps.find((s) => s.id === review.id)?.doneAt,
    ).toBeNull();
    expect(setCombinedStep(merged, review, true, T0 + 99)).toEqual([]);
  });

  it('rebuilds the same order after a restart, including finished incidents', () => {
    const plan = planRevokeAll(credentials, options());
    const stored: Incident[] = plan.entries.map((e) => {
      if (e.incident.credentialId !== 'withdraw') return e.incident;
      const ticked = tickStep(e.incident, 'revoke', T0 + 1);
      if (!ticked.ok) throw new Error(ticked.error);
      const done = finish(ticked.incident, T0 + 2);
      if (!done.ok) throw new Error(done.error);
      return done.incident;
    });
    // After finishing, the vault keeps the metadata with status revoked.
    const after = credentials.map((c) =>
      c.id === 'withdraw' ? { ...c, status: 'revoked' as const, secretsDestroyedAt: T0 + 2 } : c,
    );
    const rebuilt = combine([...stored].reverse(), after, getExchange);
    expect(rebuilt.entries.map((e) => e.incident.id)).toEqual(plan.session.incidentIds);
    expect(rebuilt.steps[0]?.doneAt).toBe(T0 + 1);
  });
});
