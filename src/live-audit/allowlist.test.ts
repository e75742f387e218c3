import { describe, expect, it } from 'vitest';
import { EXCHANGES } from '../exchanges/index';
import { isKnown } from '../exchanges/types';
import { ALLOWLIST, assertAllowed, findAllowed, permissionEndpoints, revokeEndpoint } from './allowlist';
import { ADAPTERS, LIVE_AUDIT_EXCHANGES } from './exchanges/index';
import { buildPermissionRequest, buildRevokeRequest, buildTimeRequest } from './request';
import type { Credentials } from './types';
import { generateKeyPairSync } from 'node:crypto';

const pem = String(
  generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'sec1', format: 'pem' }),
);
const CREDS: Credentials = {
  apiKey: 'test-key-0123456789',
  secret: 'dGVzdC1zZWNyZXQ=',
  passphrase: 'pass',
  privateKey: pem,
};

describe('live-audit allow-list', () => {
  it('holds exactly each supported exchange’s declared permission endpoint, fallbacks and time endpoint', () => {
    const expected = ADAPTERS.flatMap((adapter) => {
      const declared = EXCHANGES.find((e) => e.id === adapter.id)?.permissionEndpoint;
      const own =
        declared !== undefined && isKnown(declared)
          ? [`${declared.value.method} ${declared.value.origin}${declared.value.path}`]
          : [];
      return [
        ...own,
        ...(adapter.fallbackEndpoints ?? []).map((e) => `${e.method} ${e.origin}${e.path}`),
        ...(adapter.time === undefined
          ? []
          : [`${adapter.time.method} ${adapter.time.origin}${adapter.time.path}`]),
        ...(adapter.id === 'bybit' ? ['POST https://api.bybit.com/v5/user/delete-api'] : []),
      ];
    });
    expect(ALLOWLIST.map((e) => `${e.method} ${e.origin}${e.path}`)).toEqual(expected);
    expect(LIVE_AUDIT_EXCHANGES.every((id) => permissionEndpoints(id).length > 0)).toBe(true);
    expect(Object.isFrozen(ALLOWLIST)).toBe(true);
  });

  it('allows only GETs for time requests and never signs them', () => {
    for (const entry of ALLOWLIST.filter((e) => e.purpose === 'time')) {
      expect(entry.method).toBe('GET');
      expect(findAllowed('GET', `${entry.origin}${entry.path}`, true)).toBeNull();
    }
  });

  it.each(LIVE_AUDIT_EXCHANGES)('every request built for %s is on the list', async (exchange) => {
    const time = buildTimeRequest(exchange);
    if (time !== null) expect(findAllowed(time.method, time.url, false)).not.toBeNull();
    for (const endpoint of permissionEndpoints(exchange)) {
      const request = await buildPermissionRequest(exchange, endpoint, CREDS, 1_700_000_000_000);
      expect(findAllowed(request.method, request.url, true)).toMatchObject({
        exchange,
        purpose: 'permissions',
      });
    }
  });

  it('refuses other paths, methods, hosts, schemes, ports and tricks', async () => {
    const refused = [
      ['POST', 'https://api.binance.com/sapi/v1/account/apiRestrictions'],
      ['GET', 'https://api.binance.com/api/v3/order'],
      ['DELETE', 'https://api.bybit.com/v5/user/query-api'],
      ['POST', 'https://api.bybit.com/v5/user/delete-api'],
      ['GET', 'http://api.binance.com/sapi/v1/account/apiRestrictions'],
      ['GET', 'https://api.binance.com:8443/sapi/v1/account/apiRestrictions'],
      ['GET', 'https://evil.example/sapi/v1/account/apiRestrictions'],
      ['GET', 'https://api.binance.com.evil.example/sapi/v1/account/apiRestrictions'],
      ['GET', 'https://user:pw@api.binance.com/sapi/v1/account/apiRestrictions'],
      ['GET', 'https://api.binance.com/sapi/v1/account/apiRestrictions/../../api/v3/order'],
      ['GET', 'https://api.binance.com/sapi/v1/account/apiRestrictions#x'],
      ['GET', 'https://api.binance.com/SAPI/v1/account/apiRestrictions'],
      ['GET', 'https://fapi.binance.com/sapi/v1/account/apiRestrictions'],
      ['GET', 'not a url'],
    ] as const;
    for (const [method, url] of refused) {
      expect(findAllowed(method, url, true), `${method} ${url}`).toBeNull();
      expect(() => assertAllowed(method, url, true)).toThrow(/not on the live-audit allow-list|unparsable/);
    }
    await expect(
      buildPermissionRequest(
        'binance',
        { method: 'GET', origin: 'https://api.binance.com', path: '/api/v3/account' },
        CREDS,
        1,
      ),
    ).rejects.toThrow(/allow-list/);
    await expect(
      buildPermissionRequest(
        'binance',
        { method: 'GET', origin: 'https://api.bybit.com', path: '/v5/user/query-api' },
        CREDS,
        1,
      ),
    ).rejects.toThrow(/belongs to bybit/);
  });

  it('lists a self-delete only where the exchange’s docs confirm it (Bybit), under its own purpose', () => {
    const revokes = ALLOWLIST.filter((e) => e.purpose === 'revoke');
    expect(revokes.map((e) => `${e.exchange} ${e.method} ${e.origin}${e.path}`)).toEqual([
      'bybit POST https://api.bybit.com/v5/user/delete-api',
    ]);
    expect(revokes.every((e) => e.signed)).toBe(true);
    for (const adapter of ADAPTERS) {
      const declared = adapter.selfDelete;
      const confirmed = isKnown(declared) && declared.value.confirmed;
      expect(revokeEndpoint(adapter.id) !== undefined, adapter.id).toBe(
        confirmed && adapter.revoke !== undefined,
      );
    }
    // BitMEX's DELETE /api/v1/apiKey is only in an old swagger: recorded, not confirmed, not listed.
    const bitmex = ADAPTERS.find((a) => a.id === 'bitmex')!.selfDelete;
    expect(isKnown(bitmex) && bitmex.value).toMatchObject({ path: '/api/v1/apiKey', confirmed: false });
    expect(findAllowed('DELETE', 'https://www.bitmex.com/api/v1/apiKey', true, 'revoke')).toBeNull();
  });

  it('keeps the self-delete out of the audit’s scope and the read-only requests out of the revoke scope', async () => {
    const del = 'https://api.bybit.com/v5/user/delete-api';
    expect(findAllowed('POST', del, true)).toBeNull();
    expect(findAllowed('POST', del, false, 'audit')).toBeNull();
    expect(findAllowed('POST', del, true, 'revoke')).toMatchObject({ exchange: 'bybit', purpose: 'revoke' });
    expect(() => assertAllowed('POST', del, true)).toThrow(
      'Refused: POST https://api.bybit.com/v5/user/delete-api is not on the live-audit allow-list.',
    );
    // The revoke path may sync the clock but never read permissions.
    expect(findAllowed('GET', 'https://api.bybit.com/v5/market/time', false, 'revoke')).toMatchObject({
      purpose: 'time',
    });
    expect(findAllowed('GET', 'https://api.bybit.com/v5/user/query-api', true, 'revoke')).toBeNull();
    expect(findAllowed('GET', 'https://api.bybit.com/v5/user/delete-api', true, 'revoke')).toBeNull();
    const request = await buildRevokeRequest('bybit', CREDS, 1_700_000_000_000);
    expect(request).toMatchObject({ purpose: 'revoke', method: 'POST', url: del, body: '{}' });
    expect(findAllowed(request.method, request.url, true)).toBeNull();
    for (const exchange of LIVE_AUDIT_EXCHANGES.filter((id) => id !== 'bybit')) {
      await expect(buildRevokeRequest(exchange, CREDS, 1)).rejects.toThrow(/No confirmed API revoke/);
    }
  });

  it('does not name the query (signature, timestamp) when refusing', () => {
    expect(() => assertAllowed('GET', 'https://api.binance.com/api/v3/order?signature=abc', true)).toThrow(
      'Refused: GET https://api.binance.com/api/v3/order is not on the live-audit allow-list.',
    );
  });
});
