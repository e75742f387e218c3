import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getExchange } from '../exchanges/index';
import { openIncident } from './open';
import { T0, idGenerator, makeMeta } from './testing';
import {
  findOpenIncident,
  finish,
  linkReplacement,
  progress,
  progressByCredential,
  setNote,
  tickStep,
  untickStep,
  type TransitionResult,
} from './transitions';
import type { Incident } from './types';

function fresh(overrides: Parameters<typeof makeMeta>[0] = {}): Incident {
  const meta = makeMeta({ usedBy: [{ kind: 'app', name: 'Tracker', domain: null }], ...overrides });
  const result = openIncident(meta, getExchange(meta.exchange), {
    source: 'popup',
    now: T0,
    newId: idGenerator(),
    existing: [],
  });
  if (!result.ok) throw new Error(result.error);
  return result.incident;
}

function unwrap(result: TransitionResult): Incident {
  if (!result.ok) throw new Error(result.error);
  return result.incident;
}

const doneAt = (incident: Incident, id: string): number | null | undefined =>
  incident.steps.find((s) => s.id === id)?.doneAt;

describe('tick and untick', () => {
  it('records when a step was done, keeps the first time on a second tick, clears on untick', () => {
    const a = unwrap(tickStep(fresh(), 'review-activity', T0 + 1000));
    expect(doneAt(a, 'review-activity')).toBe(T0 + 1000);
    const b = unwrap(tickStep(a, 'review-activity', T0 + 5000));
    expect(doneAt(b, 'review-activity')).toBe(T0 + 1000);
    const c = unwrap(untickStep(b, 'review-activity'));
    expect(doneAt(c, 'review-activity')).toBeNull();
    // Never mutates its input.
    expect(doneAt(a, 'review-activity')).toBe(T0 + 1000);
  });

  it('refuses unknown steps', () => {
    expect(tickStep(fresh(), 'nope', T0)).toEqual({ ok: false, error: 'unknown-step' });
    expect(untickStep(fresh(), 'nope')).toEqual({ ok: false, error: 'unknown-step' });
  });
});

describe('finish', () => {
  it('needs the urgent revoke step done', () => {
    const open = fresh();
    expect(finish(open, T0 + 10)).toEqual({ ok: false, error: 'urgent-open' });
    // Every other step done is not enough.
    let others = open;
    for (const s of open.steps.filter((x) => !x.urgent)) others = unwrap(tickStep(others, s.id, T0 + 5));
    expect(finish(others, T0 + 10)).toEqual({ ok: false, error: 'urgent-open' });
  });

  it('finishes with the revoke step alone, and asks the vault to destroy the secrets and mark the key revoked', () => {
    const revoked = unwrap(tickStep(fresh(), 'revoke', T0 + 30_000));
    const result = finish(revoked, T0 + 40_000);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.incident.finishedAt).toBe(T0 + 40_000);
    expect(result.effects).toEqual([
      { type: 'destroy-secrets', credentialId: 'cred-1' },
      { type: 'set-status', credentialId: 'cred-1', status: 'revoked' },
    ]);
    expect(finish(result.incident, T0 + 50_000)).toEqual({ ok: false, error: 'already-finished' });
  });

  it('after finishing, the revoke step stays done but follow-ups can still be ticked and unticked', () => {
    const finished = unwrap(finish(unwrap(tickStep(fresh(), 'revoke', T0 + 1)), T0 + 2));
    expect(untickStep(finished, 'revoke')).toEqual({ ok: false, error: 'finished' });
    const followed = unwrap(tickStep(finished, 'update-app-0', T0 + 3));
    expect(doneAt(followed, 'update-app-0')).toBe(T0 + 3);
    expect(doneAt(unwrap(untickStep(followed, 'update-app-0')), 'update-app-0')).toBeNull();
  });
});

describe('progress', () => {
  it('counts done/total and the urgent part, and names the state', () => {
    let incident = fresh();
    const total = incident.steps.length;
    expect(total).toBe(6);
    expect(progress(incident)).toEqual({
      done: 0,
      total,
      urgentDone: 0,
      urgentTotal: 1,
      canFinish: false,
      state: 'open',
    });
    incident = unwrap(tickStep(incident, 'support', T0 + 1));
    expect(progress(incident)).toMatchObject({ done: 1, urgentDone: 0, canFinish: false, state: 'open' });
    incident = unwrap(tickStep(incident, 'revoke', T0 + 2));
    expect(progress(incident)).toMatchObject({
      done: 2,
      urgentDone: 1,
      canFinish: true,
      state: 'urgent-done',
    });
    incident = unwrap(finish(incident, T0 + 3));
    expect(progress(incident)).toMatchObject({ done: 2, state: 'finished' });
    for (const s of incident.steps) incident = unwrap(tickStep(incident, s.id, T0 + 4));
    expect(progress(incident)).toMatchObject({ done: total, total, state: 'complete' });
  });

  it('keeps its invariants over any sequence of ticks, unticks and finish attempts', () => {
    const base = fresh({
      usedBy: [
        { kind: 'bot', name: 'A', domain: null },
        { kind: 'app', name: 'B', domain: null },
      ],
    });
    const ids = base.steps.map((s) => s.id);
    const op = fc.oneof(
      fc.record({ type: fc.constant('tick' as const), step: fc.constantFrom(...ids) }),
      fc.record({ type: fc.constant('untick' as const), step: fc.constantFrom(...ids) }),
      fc.record({ type: fc.constant('finish' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        let incident = base;
        let now = T0;
        for (const o of ops) {
          now += 1000;
          const result =
            o.type === 'tick'
              ? tickStep(incident, o.step, now)
              : o.type === 'untick'
                ? untickStep(incident, o.step)
                : finish(incident, now);
          const before = incident;
          if (result.ok) incident = result.incident;
          // A finished incident always has its urgent steps done, and never becomes unfinished.
          if (incident.finishedAt !== null)
            expect(incident.steps.filter((s) => s.urgent).every((s) => s.doneAt !== null)).toBe(true);
          if (before.finishedAt !== null) expect(incident.finishedAt).toBe(before.finishedAt);
          for (const s of incident.steps) if (s.doneAt !== null) expect(s.doneAt).toBeLessThanOrEqual(now);
          const p = progress(incident);
          expect(p.done).toBe(incident.steps.filter((s) => s.doneAt !== null).length);
          expect(p.total).toBe(ids.length);
          expect(p.canFinish).toBe(p.urgentDone === p.urgentTotal);
        }
      }),
    );
  });
});

describe('linkReplacement', () => {
  it('links the new key, ticks the replace step and asks the vault to record the rotation chain', () => {
    const result = linkReplacement(fresh(), { id: 'cred-2', exchange: 'binance' }, T0 + 7);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.incident.replacementId).toBe('cred-2');
    expect(doneAt(result.incident, 'replace')).toBe(T0 + 7);
    expect(result.effects).toEqual([{ type: 'set-replaces', credentialId: 'cred-2', replaces: 'cred-1' }]);
    // Relinking corrects the link but keeps when the replace step was done.
    const again = unwrap(linkReplacement(result.incident, { id: 'cred-3', exchange: 'binance' }, T0 + 9));
    expect([again.replacementId, doneAt(again, 'replace')]).toEqual(['cred-3', T0 + 7]);
  });

  it('refuses the key itself and a key of another exchange', () => {
    expect(linkReplacement(fresh(), { id: 'cred-1', exchange: 'binance' }, T0)).toEqual({
      ok: false,
      error: 'self-replacement',
    });
    expect(linkReplacement(fresh(), { id: 'cred-2', exchange: 'okx' }, T0)).toEqual({
      ok: false,
      error: 'other-exchange',
    });
  });
});

describe('notes and lookups', () => {
  it('sets and clears a note, within a limit', () => {
    const noted = unwrap(setNote(fresh(), 'found it in a public gist'));
    expect(noted.note).toBe('found it in a public gist');
    expect('note' in unwrap(setNote(noted, '  '))).toBe(false);
    expect(setNote(noted, 'x'.repeat(10_001))).toEqual({ ok: false, error: 'note-too-long' });
  });

  it('finds the newest open incident of a credential and the inventory progress', () => {
    const old = { ...fresh(), id: 'inc-old', openedAt: T0 - 10 };
    const finished = unwrap(finish(unwrap(tickStep(old, 'revoke', T0)), T0));
    const current = { ...fresh(), id: 'inc-new', openedAt: T0 + 10 };
    const other = { ...fresh({ id: 'cred-9' }), id: 'inc-other' };
    expect(findOpenIncident([finished, current, other], 'cred-1')?.id).toBe('inc-new');
    expect(findOpenIncident([finished], 'cred-1')).toBeUndefined();
    const byCredential = progressByCredential([finished, current, other]);
    expect(byCredential.get('cred-1')?.incidentId).toBe('inc-new');
    expect(byCredential.get('cred-9')?.state).toBe('open');
  });
});
