import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExchangeId } from '../../src/exchanges/types';
import { ALLOWLIST, findAllowed } from '../../src/live-audit/allowlist';
import { runLiveAudit } from '../../src/live-audit/client';
import { runRevoke } from '../../src/live-audit/revoke';
import { LIVE_AUDIT_EXCHANGES } from '../../src/live-audit/exchanges/index';
import type { Credentials } from '../../src/live-audit/types';
import {
  publicKeyOf,
  standinFetch,
  startExchangeStandin,
  type Behaviour,
  type ExchangeStandin,
  type StandinKey,
} from '../harness/exchange-standin';

const BEHAVIOURS: readonly Behaviour[] = ['valid', 'rejected', 'ip-restricted', 'rate-limited', 'hang'];
const PASSPHRASE_VENUES = new Set<ExchangeId>(['okx', 'bitget', 'kucoin']);
const coinbasePem = String(
  generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'sec1', format: 'pem' }),
);

function credentialsFor(exchange: ExchangeId, behaviour: Behaviour | 'unified'): Credentials {
  const apiKey =
    exchange === 'coinbase'
      ? `organizations/standin/apiKeys/${behaviour}`
      : `${exchange}-${behaviour}-key-0123456789`;
  if (exchange === 'coinbase') return { apiKey, privateKey: coinbasePem };
  // Fixed per key, so the stand-in and the client agree; Kraken's secret is base64.
  const secret =
    exchange === 'kraken' ? Buffer.from(`${apiKey}-secret`).toString('base64') : `${apiKey}-secret`;
  return PASSPHRASE_VENUES.has(exchange)
    ? { apiKey, secret, passphrase: `${apiKey}-pass` }
    : { apiKey, secret };
}

function standinKey(exchange: ExchangeId, behaviour: Behaviour): StandinKey {
  const c = credentialsFor(exchange, behaviour);
  return exchange === 'coinbase'
    ? { apiKey: c.apiKey, publicKey: publicKeyOf(coinbasePem), behaviour }
    : {
        apiKey: c.apiKey,
        ...(c.secret === undefined ? {} : { secret: c.secret }),
        ...(c.passphrase === undefined ? {} : { passphrase: c.passphrase }),
        behaviour,
      };
}

let standin: ExchangeStandin;

beforeAll(async () => {
  const keys = LIVE_AUDIT_EXCHANGES.flatMap((exchange) =>
    BEHAVIOURS.map((behaviour) => standinKey(exchange, behaviour)),
  );
  keys.push({
    ...standinKey('bitget', 'valid'),
    apiKey: credentialsFor('bitget', 'unified').apiKey,
    secret: credentialsFor('bitget', 'unified').secret ?? '',
    passphrase: credentialsFor('bitget', 'unified').passphrase ?? '',
    behaviour: 'unified',
  });
  standin = await startExchangeStandin(keys);
});

afterAll(async () => {
  await standin.close();
  // Nothing the audit sent, across every test, left the audit's allow-list, and none was a self-delete (the
  // revoke tests below use a stand-in of their own).
  expect(standin.requests.length).toBeGreaterThan(0);
  for (const request of standin.requests) {
    const url = urlOf(request);
    expect(findAllowed(request.method, url, false), `${request.method} ${url}`).not.toBeNull();
    expect(findAllowed(request.method, url, true, 'revoke')?.purpose).not.toBe('revoke');
  }
});

function urlOf(request: { host: string; path: string; query: string }): string {
  return `https://${request.host}${request.path}${request.query === '' ? '' : `?${request.query}`}`;
}

const audit = (exchange: ExchangeId, credentials: Credentials, timeoutMs = 5000) =>
  runLiveAudit(exchange, credentials, { fetch: standinFetch(standin), now: () => Date.now(), timeoutMs });

const IP_OUTCOME: Record<ExchangeId, object> = {
  binance: { state: 'invalid', ipMayBeCause: true },
  coinbase: { state: 'invalid', ipMayBeCause: true },
  kraken: { state: 'unknown', reason: 'not-permitted' },
} as Record<ExchangeId, object>;

describe.each(LIVE_AUDIT_EXCHANGES)('live audit against the %s stand-in', (exchange) => {
  it('reads the permissions of a valid key', async () => {
    const result = await audit(exchange, credentialsFor(exchange, 'valid'));
    expect(result).toMatchObject({ state: 'valid' });
    if (result.state !== 'valid') return;
    expect(result.permissions.exchange).toBe(exchange);
    expect(result.permissions.ids.length).toBeGreaterThan(0);
    expect(result.permissions.kinds.read).toBe(true);
  });

  it('reports a rejected key as invalid with the exchange’s message', async () => {
    const result = await audit(exchange, credentialsFor(exchange, 'rejected'));
    expect(result.state).toBe('invalid');
    if (result.state === 'invalid') expect(result.message.length).toBeGreaterThan(0);
  });

  it('reports a wrong secret as invalid', async () => {
    const good = credentialsFor(exchange, 'valid');
    const wrong =
      exchange === 'coinbase'
        ? {
            ...good,
            privateKey: String(
              generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
                type: 'sec1',
                format: 'pem',
              }),
            ),
          }
        : { ...good, secret: exchange === 'kraken' ? randomBytes(64).toString('base64') : 'not-the-secret' };
    expect(await audit(exchange, wrong)).toMatchObject({ state: 'invalid' });
  });

  it('keeps an IP-restricted key apart from a dead one', async () => {
    const result = await audit(exchange, credentialsFor(exchange, 'ip-restricted'));
    expect(result).toMatchObject(IP_OUTCOME[exchange] ?? { state: 'restricted' });
  });

  it('reports a 429 as unknown, never invalid', async () => {
    expect(await audit(exchange, credentialsFor(exchange, 'rate-limited'))).toMatchObject({
      state: 'unknown',
      reason: 'rate-limited',
    });
  });

  it('gives up on a hanging exchange and reports a timeout', async () => {
    const started = Date.now();
    expect(await audit(exchange, credentialsFor(exchange, 'hang'), 400)).toMatchObject({
      state: 'unknown',
      reason: 'timeout',
    });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('never puts the secret in the result', async () => {
    const credentials = credentialsFor(exchange, 'rejected');
    const text = JSON.stringify(await audit(exchange, credentials));
    for (const value of [credentials.secret, credentials.passphrase, credentials.privateKey]) {
      if (value !== undefined) expect(text).not.toContain(value);
    }
  });
});

describe('clock skew', () => {
  it('follows the server clock where the exchange has a time request', async () => {
    standin.setClockOffset(120_000);
    try {
      for (const exchange of [
        'binance',
        'bybit',
        'okx',
        'bitget',
        'bingx',
        'kucoin',
        'gate',
        'coinbase',
      ] as const) {
        expect(await audit(exchange, credentialsFor(exchange, 'valid')), exchange).toMatchObject({
          state: 'valid',
        });
      }
      // BitMEX has no time request: two minutes of skew exceed its 30 s expiry, reported as clock skew.
      expect(await audit('bitmex', credentialsFor('bitmex', 'valid'))).toMatchObject({
        state: 'unknown',
        reason: 'clock-skew',
      });
    } finally {
      standin.setClockOffset(0);
    }
  });
});

describe('bitget unified accounts', () => {
  it('falls back to the v3 request after 40085', async () => {
    const before = standin.requests.length;
    const result = await audit('bitget', credentialsFor('bitget', 'unified'));
    expect(result).toMatchObject({
      state: 'valid',
      permissions: { ids: ['uta_trade', 'withdraw'], kinds: { withdraw: true } },
    });
    expect(standin.requests.slice(before).map((r) => r.path)).toEqual([
      '/api/v2/public/time',
      '/api/v2/spot/account/info',
      '/api/v3/account/info',
    ]);
  });
});

describe('the stand-in itself', () => {
  it('serves every allow-listed request and nothing else', async () => {
    const fetch = standinFetch(standin);
    const signal = new AbortController().signal;
    for (const entry of ALLOWLIST.filter((e) => e.purpose === 'time')) {
      const response = await fetch(`${entry.origin}${entry.path}`, { method: 'GET', headers: {}, signal });
      expect(response.status, entry.path).toBe(200);
    }
    const other = await fetch('https://api.binance.com/api/v3/order', {
      method: 'POST',
      headers: {},
      signal,
    });
    expect(other.status).toBe(404);
    standin.requests.pop();
  });
});

describe('revoke via API against the stand-in', () => {
  let own: ExchangeStandin;
  const creds = (name: string): Credentials => ({
    apiKey: `bybit-${name}-0123456789`,
    secret: `${name}-secret`,
  });

  beforeAll(async () => {
    own = await startExchangeStandin([
      { ...creds('doomed'), behaviour: 'valid' },
      { ...creds('readonly'), behaviour: 'read-only' },
      { ...creds('limited'), behaviour: 'rate-limited' },
    ]);
  });

  afterAll(async () => {
    await own.close();
    // Only time requests and self-deletes, all on the revoke scope of the allow-list.
    for (const request of own.requests) {
      expect(findAllowed(request.method, urlOf(request), false, 'revoke'), request.path).not.toBeNull();
    }
  });

  const revoke = (credentials: Credentials) =>
    runRevoke('bybit', credentials, { fetch: standinFetch(own), now: () => Date.now(), timeoutMs: 5000 });

  it('deletes a key once; the exchange rejects it from then on', async () => {
    expect(await revoke(creds('doomed'))).toMatchObject({ state: 'revoked' });
    expect(own.requests.filter((r) => r.path === '/v5/user/delete-api')).toHaveLength(1);
    expect(await revoke(creds('doomed'))).toMatchObject({ state: 'rejected', code: '10003' });
  });

  it('reports a key without the needed rights, a wrong secret and a 429 truthfully', async () => {
    expect(await revoke(creds('readonly'))).toMatchObject({ state: 'rejected', code: '10005' });
    expect(await revoke({ ...creds('readonly'), secret: 'wrong' })).toMatchObject({
      state: 'rejected',
      code: '10004',
    });
    expect(await revoke(creds('limited'))).toMatchObject({ state: 'unknown', reason: 'rate-limited' });
  });
});
