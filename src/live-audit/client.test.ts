import { describe, expect, it, vi } from 'vitest';
import { runLiveAudit, type FetchLike } from './client';

const CREDS = { apiKey: 'okx-key-0123456789', secret: 'okx-secret', passphrase: 'okx-pass' };

type Answer = { status: number; body: string; headers?: Record<string, string> };

function fakeFetch(answers: Record<string, Answer | Error | 'hang'>) {
  const calls: { url: string; method: string; headers: Record<string, string> }[] = [];
  const fetch: FetchLike = (url, init) => {
    calls.push({ url, method: init.method, headers: init.headers });
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
      headers: { get: (name: string) => answer.headers?.[name.toLowerCase()] ?? null },
      text: () => Promise.resolve(answer.body),
    });
  };
  return { fetch, calls };
}

const TIME = '/api/v5/public/time';
const CONFIG = '/api/v5/account/config';
const ok = (json: unknown): Answer => ({ status: 200, body: JSON.stringify(json) });

describe('runLiveAudit', () => {
  it('signs with the server clock and stamps the result with the local one', async () => {
    const { fetch, calls } = fakeFetch({
      [TIME]: ok({ code: '0', data: [{ ts: '1700000100000' }] }),
      [CONFIG]: ok({ code: '0', data: [{ perm: 'read_only', ip: '' }] }),
    });
    const result = await runLiveAudit('okx', CREDS, { fetch, now: () => 1_700_000_000_000 });
    expect(result).toMatchObject({ state: 'valid', checkedAt: 1_700_000_000_000, ipRestricted: false });
    expect(calls.map((c) => c.url)).toEqual([`https://www.okx.com${TIME}`, `https://www.okx.com${CONFIG}`]);
    expect(calls[0]?.headers).not.toHaveProperty('OK-ACCESS-KEY');
    expect(calls[1]?.headers['OK-ACCESS-TIMESTAMP']).toBe(new Date(1_700_000_100_000).toISOString());
  });

  it('goes on with the local clock when the time request fails', async () => {
    const { fetch } = fakeFetch({
      [TIME]: new TypeError('fetch failed'),
      [CONFIG]: ok({ code: '0', data: [{ perm: 'read_only', ip: '' }] }),
    });
    expect(await runLiveAudit('okx', CREDS, { fetch, now: () => 1 })).toMatchObject({ state: 'valid' });
  });

  it('maps 429 (with Retry-After), 418 and 5xx to unknown', async () => {
    const time = ok({ code: '0', data: [{ ts: '1' }] });
    for (const [answer, reason] of [
      [
        { status: 429, body: '{"code":"50011","msg":"Too Many Requests"}', headers: { 'retry-after': '3' } },
        'rate-limited',
      ],
      [{ status: 418, body: '' }, 'rate-limited'],
      [{ status: 503, body: '<html>Service Unavailable</html>' }, 'server-error'],
    ] as const) {
      const { fetch } = fakeFetch({ [TIME]: time, [CONFIG]: answer });
      const result = await runLiveAudit('okx', CREDS, { fetch, now: () => 1 });
      expect(result).toMatchObject({ state: 'unknown', reason });
      if (answer.status === 429) expect(result).toMatchObject({ retryAfterMs: 3000 });
    }
  });

  it('maps network errors and timeouts to unknown', async () => {
    const net = fakeFetch({ [TIME]: ok({}), [CONFIG]: new TypeError('getaddrinfo ENOTFOUND') });
    expect(await runLiveAudit('okx', CREDS, { fetch: net.fetch, now: () => 1 })).toMatchObject({
      state: 'unknown',
      reason: 'network',
    });
    vi.useFakeTimers();
    try {
      const slow = fakeFetch({ [TIME]: 'hang', [CONFIG]: ok({}) });
      const pending = runLiveAudit('okx', CREDS, { fetch: slow.fetch, now: () => 1, timeoutMs: 1000 });
      await vi.advanceTimersByTimeAsync(1000);
      expect(await pending).toMatchObject({ state: 'unknown', reason: 'timeout' });
      expect(slow.calls).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports an unexplained answer as unknown, never invalid', async () => {
    const { fetch } = fakeFetch({
      [TIME]: ok({}),
      [CONFIG]: { status: 400, body: '{"code":"51000","msg":"Parameter error"}' },
    });
    expect(await runLiveAudit('okx', CREDS, { fetch, now: () => 1 })).toMatchObject({
      state: 'unknown',
      reason: 'unexpected-response',
    });
  });

  it('throws a field-naming error for missing credentials, before any request', async () => {
    const { fetch, calls } = fakeFetch({ [TIME]: ok({}), [CONFIG]: ok({}) });
    await expect(runLiveAudit('okx', { apiKey: 'k', secret: 's' }, { fetch, now: () => 1 })).rejects.toThrow(
      'OKX needs the passphrase field.',
    );
    expect(calls).toEqual([]);
  });

  it('refuses exchanges without a live audit', async () => {
    const { fetch } = fakeFetch({});
    await expect(runLiveAudit('gemini', { apiKey: 'k' }, { fetch, now: () => 1 })).rejects.toThrow(
      /No live audit/,
    );
  });
});
