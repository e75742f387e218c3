import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { FetchLike } from './client';
import { canRevoke, runRevoke } from './revoke';
import { LIVE_AUDIT_EXCHANGES } from './exchanges/index';

const CREDS = { apiKey: 'bybit-key-0123456789', secret: 'bybit-secret-abcdefghij' };
const TIME = '/v5/market/time';
const DELETE = '/v5/user/delete-api';
const NOW = 1_700_000_000_000;

type Answer = { status: number; body: string };

function fakeFetch(answers: Record<string, Answer | Error | 'hang'>) {
  const calls: { url: string; method: string; headers: Record<string, string>; body?: string }[] = [];
  const fetch: FetchLike = (url, init) => {
    calls.push({
      url,
      method: init.method,
      headers: init.headers,
      ...(init.body === undefined ? {} : { body: init.body }),
    });
    const answer = answers[new URL(url).pathname];
    if (answer === undefined) return Promise.reject(new Error(`unexpected request ${url}`));
    if (answer === 'hang') {
      return new Promise((_, reject) =>
        init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    }
    if (answer instanceof Error) return Promise.reject(answer);
    return Promise.resolve({
      status: answer.status,
      headers: { get: () => null },
      text: () => Promise.resolve(answer.body),
    });
  };
  return { fetch, calls };
}

const ok = (json: unknown): Answer => ({ status: 200, body: JSON.stringify(json) });
const serverTime = ok({ retCode: 0, retMsg: 'OK', result: { timeSecond: '1700000005' }, time: NOW + 5000 });

describe('runRevoke', () => {
  it('is offered for Bybit only', () => {
    expect(LIVE_AUDIT_EXCHANGES.filter(canRevoke)).toEqual(['bybit']);
  });

  it('sends the documented, signed delete once, on the server clock, and reports revoked', async () => {
    const { fetch, calls } = fakeFetch({
      [TIME]: serverTime,
      [DELETE]: ok({ retCode: 0, retMsg: '', result: {}, retExtInfo: {}, time: NOW }),
    });
    const result = await runRevoke('bybit', CREDS, { fetch, now: () => NOW });
    expect(result).toEqual({ state: 'revoked', at: NOW });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      `GET https://api.bybit.com${TIME}`,
      `POST https://api.bybit.com${DELETE}`,
    ]);
    const del = calls[1]!;
    expect(del.body).toBe('{}');
    const ts = String(NOW + 5000);
    // Independent check: Bybit v5 signs timestamp + apiKey + recvWindow + the raw JSON body.
    expect(del.headers).toEqual({
      Accept: 'application/json',
      'Content-Type': 'application/json',
      'X-BAPI-API-KEY': CREDS.apiKey,
      'X-BAPI-TIMESTAMP': ts,
      'X-BAPI-RECV-WINDOW': '10000',
      'X-BAPI-SIGN': createHmac('sha256', CREDS.secret).update(`${ts}${CREDS.apiKey}10000{}`).digest('hex'),
    });
    expect(JSON.stringify(calls)).not.toContain(CREDS.secret);
  });

  it('reports the exchange’s refusal with its own words, and sends nothing more', async () => {
    const { fetch, calls } = fakeFetch({
      [TIME]: serverTime,
      [DELETE]: ok({ retCode: 10005, retMsg: 'Permission denied, please check your API key permissions.' }),
    });
    expect(await runRevoke('bybit', CREDS, { fetch, now: () => NOW })).toEqual({
      state: 'rejected',
      message: 'Permission denied, please check your API key permissions.',
      code: '10005',
      at: NOW,
    });
    expect(calls.filter((c) => c.url.endsWith(DELETE))).toHaveLength(1);
  });

  it('scrubs the api key from an echoed message', async () => {
    const { fetch } = fakeFetch({
      [TIME]: serverTime,
      [DELETE]: ok({ retCode: 10003, retMsg: `API key ${CREDS.apiKey} is invalid.` }),
    });
    expect(await runRevoke('bybit', CREDS, { fetch, now: () => NOW })).toMatchObject({
      state: 'rejected',
      message: 'API key [redacted] is invalid.',
    });
  });

  it('never calls a rate limit, server trouble, an odd answer or a lost connection revoked or rejected', async () => {
    const cases: [Answer | Error, string][] = [
      [{ status: 429, body: '{"retCode":10006,"retMsg":"Too many visits!"}' }, 'rate-limited'],
      [ok({ retCode: 10006, retMsg: 'Too many visits!' }), 'rate-limited'],
      [{ status: 502, body: '<html>Bad Gateway</html>' }, 'server-error'],
      [ok({ retCode: 10016, retMsg: 'Internal server error.' }), 'server-error'],
      [{ status: 200, body: 'not json' }, 'unexpected-response'],
      [new TypeError('fetch failed'), 'network'],
    ];
    for (const [answer, reason] of cases) {
      const { fetch, calls } = fakeFetch({ [TIME]: serverTime, [DELETE]: answer });
      expect(await runRevoke('bybit', CREDS, { fetch, now: () => NOW }), reason).toMatchObject({
        state: 'unknown',
        reason,
      });
      expect(calls.filter((c) => c.url.endsWith(DELETE))).toHaveLength(1);
    }
  });

  it('gives up at the time budget and says unknown', async () => {
    // Real timers: signing runs on WebCrypto, which fake timers cannot wait for.
    const { fetch, calls } = fakeFetch({ [TIME]: serverTime, [DELETE]: 'hang' });
    const result = await runRevoke('bybit', CREDS, { fetch, now: () => NOW, timeoutMs: 300 });
    expect(result).toMatchObject({ state: 'unknown', reason: 'timeout' });
    expect(calls.map((c) => new URL(c.url).pathname)).toEqual([TIME, DELETE]);
  });

  it('refuses exchanges without a confirmed self-delete and missing fields, before any request', async () => {
    const { fetch, calls } = fakeFetch({});
    await expect(runRevoke('bitmex', CREDS, { fetch, now: () => NOW })).rejects.toThrow(
      'No confirmed API revoke for bitmex.',
    );
    await expect(runRevoke('binance', CREDS, { fetch, now: () => NOW })).rejects.toThrow(/No confirmed/);
    await expect(runRevoke('bybit', { apiKey: 'k' }, { fetch, now: () => NOW })).rejects.toThrow(
      'Bybit needs the secret field.',
    );
    expect(calls).toEqual([]);
  });
});
