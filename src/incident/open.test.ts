import { describe, expect, it } from 'vitest';
import { getExchange } from '../exchanges/index';
import { openIncident } from './open';
import { replacementDraft } from './replacement';
import { T0, idGenerator, makeMeta } from './testing';

const binance = getExchange('binance');

describe('openIncident', () => {
  it('snapshots the key, flags it compromised and numbers nothing done', () => {
    const result = openIncident(makeMeta(), binance, {
      source: 'paste-warning',
      now: T0,
      newId: () => 'inc-x',
      existing: [],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.incident).toMatchObject({
      id: 'inc-x',
      credentialId: 'cred-1',
      exchange: 'binance',
      label: 'main bot',
      apiKeyHint: 'AbCd…wXyZ',
      openedAt: T0,
      source: 'paste-warning',
      finishedAt: null,
      replacementId: null,
    });
    expect(result.effects).toEqual([{ type: 'set-status', credentialId: 'cred-1', status: 'compromised' }]);
  });

  it('returns the running incident instead of opening a second one', () => {
    const first = openIncident(makeMeta(), binance, {
      source: 'popup',
      now: T0,
      newId: idGenerator(),
      existing: [],
    });
    if (!first.ok) throw new Error('expected ok');
    const second = openIncident(makeMeta(), binance, {
      source: 'audit-finding',
      now: T0 + 1,
      newId: idGenerator(),
      existing: [first.incident],
    });
    expect(second).toEqual({ ok: false, error: 'already-open', incident: first.incident });
  });

  it('refuses a key that is already revoked', () => {
    const options = { source: 'popup' as const, now: T0, newId: idGenerator(), existing: [] };
    expect(openIncident(makeMeta({ status: 'revoked' }), binance, options)).toEqual({
      ok: false,
      error: 'already-revoked',
    });
    expect(openIncident(makeMeta({ secretsDestroyedAt: T0 - 1 }), binance, options)).toEqual({
      ok: false,
      error: 'already-revoked',
    });
  });
});

describe('replacementDraft', () => {
  it('carries apps and safe permissions over, drops dangerous and unknown ones, links back', () => {
    const old = makeMeta({
      permissions: ['enableReading', 'enableFutures', 'enableWithdrawals', 'mystery'],
      usedBy: [{ kind: 'bot', name: 'Grid bot', domain: null }],
      ipAllowlist: { state: 'none' },
      notes: 'old notes',
    });
    expect(replacementDraft(old, binance, T0)).toEqual({
      exchange: 'binance',
      label: 'main bot',
      permissions: ['enableReading', 'enableFutures'],
      ipAllowlist: { state: 'unknown' },
      createdAt: T0,
      lastRotatedAt: null,
      expiresAt: null,
      usedBy: [{ kind: 'bot', name: 'Grid bot', domain: null }],
      notes: '',
      status: 'active',
      replaces: 'cred-1',
    });
    const bound = makeMeta({ ipAllowlist: { state: 'list', entries: ['203.0.113.7'] } });
    expect(replacementDraft(bound, binance, T0).ipAllowlist).toEqual({
      state: 'list',
      entries: ['203.0.113.7'],
    });
  });
});
