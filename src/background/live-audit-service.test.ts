import { describe, expect, it } from 'vitest';
import type { FetchLike } from '../live-audit/client';
import type { IncidentView } from '../shared/messages';
import type { CredentialMeta } from '../vault/model';
import { LiveAuditService, REVOCATIONS_KEY, REVOKE_CONFIRM_MS, revokeOrigins } from './live-audit-service';

const SECRETS = { apiKey: 'bybit-key-0123456789', secret: 'bybit-secret-abcdefghij' };

function setup(exchange: 'bybit' | 'binance' = 'bybit') {
  let now = 1_700_000_000_000;
  const sent: { method: string; url: string }[] = [];
  const stored = new Map<string, unknown>();
  const ticked: string[] = [];
  const meta = {
    id: 'cred-1',
    exchange,
    label: 'grid bot',
    apiKeyHint: 'bybi…6789',
    status: 'compromised',
    storedFields: ['apiKey', 'secret'],
  } as unknown as CredentialMeta;
  const view = {
    incident: {
      id: 'inc-1',
      credentialId: 'cred-1',
      finishedAt: null,
      steps: [{ id: 'revoke', kind: 'revoke', doneAt: null }],
    },
  } as unknown as IncidentView;
  const fetch: FetchLike = (url, init) => {
    sent.push({ method: init.method, url });
    const body = url.endsWith('/v5/market/time')
      ? { retCode: 0, result: {}, time: now }
      : { retCode: 0, retMsg: '', result: {} };
    return Promise.resolve({
      status: 200,
      headers: { get: () => null },
      text: () => Promise.resolve(JSON.stringify(body)),
    });
  };
  const service = new LiveAuditService({
    vault: {
      getCredential: () => Promise.resolve(meta),
      revealField: (_id, field) => Promise.resolve(SECRETS[field as keyof typeof SECRETS]),
    },
    audit: { recordLive: () => Promise.resolve(), liveResults: () => Promise.resolve({}) },
    incidents: {
      list: () => Promise.resolve([view]),
      setStep: (id, stepId) => {
        ticked.push(`${id}:${stepId}`);
        return Promise.resolve(view);
      },
    },
    store: {
      get: (key) => Promise.resolve(stored.get(key)),
      set: (key, value) => Promise.resolve(void stored.set(key, value)),
    },
    fetch,
    now: () => now,
    hasOrigins: () => Promise.resolve(true),
  });
  return { service, sent, stored, ticked, advance: (ms: number) => (now += ms) };
}

describe('LiveAuditService revoke', () => {
  it('needs the exchange API origin, Bybit only', () => {
    expect(revokeOrigins('bybit')).toEqual(['https://api.bybit.com/*']);
    expect(revokeOrigins('bitmex')).toEqual([]);
  });

  it('revokes with a fresh token, records the outcome and ticks the revoke step', async () => {
    const { service, sent, stored, ticked } = setup();
    const prepared = await service.prepareRevoke('cred-1');
    expect(prepared).toMatchObject({ label: 'grid bot', apiKeyHint: 'bybi…6789' });
    expect(prepared.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sent).toEqual([]);
    const outcome = await service.revoke('cred-1', prepared.token);
    expect(outcome.result.state).toBe('revoked');
    expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET https://api.bybit.com/v5/market/time',
      'POST https://api.bybit.com/v5/user/delete-api',
    ]);
    expect(ticked).toEqual(['inc-1:revoke']);
    expect(stored.get(REVOCATIONS_KEY)).toEqual({ 'cred-1': outcome.result });
  });

  it('refuses a missing, made-up, reused, expired or other key’s token, before sending anything', async () => {
    const { service, sent, advance } = setup();
    await expect(service.revoke('cred-1', '')).rejects.toMatchObject({ code: 'confirmation-needed' });
    await expect(service.revoke('cred-1', 'x'.repeat(43))).rejects.toMatchObject({
      code: 'confirmation-needed',
    });
    const other = await service.prepareRevoke('cred-1');
    await expect(service.revoke('cred-2', other.token)).rejects.toMatchObject({
      code: 'confirmation-needed',
    });
    // Spent by the failed attempt above.
    await expect(service.revoke('cred-1', other.token)).rejects.toMatchObject({
      code: 'confirmation-needed',
    });
    const late = await service.prepareRevoke('cred-1');
    advance(REVOKE_CONFIRM_MS);
    await expect(service.revoke('cred-1', late.token)).rejects.toMatchObject({ code: 'confirmation-needed' });
    expect(sent).toEqual([]);
    const used = await service.prepareRevoke('cred-1');
    await service.revoke('cred-1', used.token);
    await expect(service.revoke('cred-1', used.token)).rejects.toMatchObject({ code: 'confirmation-needed' });
    expect(sent.filter((r) => r.url.endsWith('/delete-api'))).toHaveLength(1);
  });

  it('lets the audit sync its clock (the fetch guard accepts the public time request)', async () => {
    const { service, sent } = setup();
    await service.run('cred-1');
    expect(sent.map((r) => r.url)).toEqual([
      'https://api.bybit.com/v5/market/time',
      'https://api.bybit.com/v5/user/query-api',
    ]);
  });

  it('offers no revoke for exchanges without a confirmed self-delete', async () => {
    const { service } = setup('binance');
    await expect(service.prepareRevoke('cred-1')).rejects.toMatchObject({ code: 'unsupported' });
  });
});
