import { describe, expect, it } from 'vitest';
import { getExchange } from '../exchanges/index';
import { openIncident } from './open';
import { createMemoryIncidentRepository, updateIncident } from './repository';
import { IncidentRecordError, parseIncident, parseSession } from './schema';
import { T0, makeMeta } from './testing';
import { tickStep } from './transitions';
import type { Incident } from './types';

function incident(id: string, credentialId: string, openedAt: number): Incident {
  const result = openIncident(makeMeta({ id: credentialId }), getExchange('binance'), {
    source: 'audit-finding',
    now: openedAt,
    newId: () => id,
    existing: [],
  });
  if (!result.ok) throw new Error(result.error);
  return result.incident;
}

describe('memory incident repository', () => {
  it('stores copies and lists newest first, by credential', async () => {
    const repo = createMemoryIncidentRepository();
    const a = incident('inc-a', 'cred-1', T0);
    const b = incident('inc-b', 'cred-1', T0 + 10);
    const c = incident('inc-c', 'cred-2', T0 + 5);
    await repo.putMany([a, b, c]);
    expect((await repo.list()).map((i) => i.id)).toEqual(['inc-b', 'inc-c', 'inc-a']);
    expect((await repo.listByCredential('cred-1')).map((i) => i.id)).toEqual(['inc-b', 'inc-a']);
    expect(await repo.get('inc-a')).toEqual(a);
    expect(await repo.get('inc-a')).not.toBe(a);
    expect(await repo.get('missing')).toBeUndefined();
  });

  it('stores all or none of a batch', async () => {
    const repo = createMemoryIncidentRepository();
    const damaged = { ...incident('inc-d', 'cred-1', T0), exchange: 'nope' } as unknown as Incident;
    await expect(repo.putMany([incident('inc-ok', 'cred-1', T0), damaged])).rejects.toBeInstanceOf(
      IncidentRecordError,
    );
    expect(await repo.list()).toEqual([]);
  });

  it('applies a transition and persists it', async () => {
    const repo = createMemoryIncidentRepository();
    await repo.putMany([incident('inc-a', 'cred-1', T0)]);
    const result = await updateIncident(repo, 'inc-a', (i) => tickStep(i, 'revoke', T0 + 20_000));
    expect(result.ok).toBe(true);
    expect((await repo.get('inc-a'))?.steps[0]?.doneAt).toBe(T0 + 20_000);
    expect(await updateIncident(repo, 'inc-zz', (i) => tickStep(i, 'revoke', T0))).toEqual({
      ok: false,
      error: 'not-found',
    });
    expect(await updateIncident(repo, 'inc-a', (i) => tickStep(i, 'nope', T0))).toEqual({
      ok: false,
      error: 'unknown-step',
    });
  });

  it('keeps revoke-all sessions', async () => {
    const repo = createMemoryIncidentRepository();
    const session = { id: 'ses-1', scope: 'all' as const, openedAt: T0, incidentIds: ['inc-a', 'inc-b'] };
    await repo.putSession(session);
    expect(await repo.getSession('ses-1')).toEqual(session);
    expect(await repo.getSession('ses-2')).toBeUndefined();
  });
});

describe('record schema', () => {
  it('accepts a JSON round trip and reports damage by path only, never by value', () => {
    const good = incident('inc-a', 'cred-1', T0);
    expect(parseIncident(JSON.parse(JSON.stringify(good)))).toEqual(good);
    const bad = {
      ...good,
      label: 'x'.repeat(500),
      steps: [
        {
          ...good.steps[0],
          links: [{ labelKey: 'k', labelSubstitutions: [], url: 'http://evil.example', reported: false }],
        },
      ],
    };
    try {
      parseIncident(bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(IncidentRecordError);
      const text = JSON.stringify((error as IncidentRecordError).issues) + (error as Error).message;
      expect(text).toContain('label');
      expect(text).toContain('steps.0.links.0.url');
      expect(text).not.toContain('evil.example');
      expect(text).not.toContain('xxxxx');
    }
    expect(() => parseSession({ id: 'ses', scope: 'nowhere', openedAt: T0, incidentIds: [] })).toThrow(
      IncidentRecordError,
    );
  });
});
