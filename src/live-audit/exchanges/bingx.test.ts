import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bingx } from './bingx';

const ORIGIN = 'https://open-api.bingx.com';
// The docs' example secret; their stated digest does not reproduce (signing.md §5), so ours is checked against
// node:crypto over the same payload.
const KEY = {
  apiKey: 'bingx-test-key',
  secret: 'mheO6dR8ovSsxZQCOYEFCtelpuxcWGTfHw7te326y6jOwq5WpvFQ9JNljoTwBXZGv5It07m9RXSPpDQEK2w',
};

describe('bingx signer', () => {
  it('signs the docs’ parameter string like node:crypto', async () => {
    const query = 'recvWindow=0&symbol=BTC-USDT&timestamp=1696751141337';
    const signed = await bingx.sign(
      { method: 'GET', path: '/openApi/swap/v2/trade/order', query, body: '', timestamp: '' },
      KEY,
      ORIGIN,
    );
    expect(signed.signature).toBe('f8d883609dfd31c824feb4de865b071008dedb1d461451fa70847875c8e7a7a2');
    expect(signed.signature).toBe(createHmac('sha256', KEY.secret).update(query).digest('hex'));
    expect(signed.query).toBe(`${query}&signature=${signed.signature}`);
    expect(signed.headers).toEqual({ 'X-BX-APIKEY': KEY.apiKey });
  });

  it('builds the audit request', async () => {
    const request = bingx.permissionRequest(
      { method: 'GET', origin: ORIGIN, path: '/openApi/v1/account/apiPermissions' },
      1_700_000_000_123,
    );
    const signed = await bingx.sign(request, KEY, ORIGIN);
    expect(signed.query).toBe(
      `recvWindow=10000&timestamp=1700000000123&signature=${createHmac('sha256', KEY.secret).update('recvWindow=10000&timestamp=1700000000123').digest('hex')}`,
    );
  });
});

describe('bingx parser', () => {
  const endpoint = { method: 'GET', origin: ORIGIN, path: '/openApi/v1/account/apiPermissions' } as const;
  const answer = (json: unknown, status = 200) => ({ status, text: JSON.stringify(json), json });

  it('maps the documented apiPermissions answer', () => {
    const verdict = bingx.parse(
      answer({
        code: 0,
        msg: '',
        data: { apiKey: KEY.apiKey, permissions: [1, 2, 5], ipAddresses: ['203.0.113.1'], note: 'bot' },
      }),
      KEY,
      endpoint,
    );
    expect(verdict).toMatchObject({ state: 'valid', ipRestricted: true, ipList: ['203.0.113.1'] });
    if (verdict.state !== 'valid') throw new Error('expected valid');
    expect(verdict.permissions.ids).toEqual(['1', '2', '5']);
    expect(verdict.permissions.kinds).toEqual({ read: true, trade: true, withdraw: true, transfer: false });
  });

  it('maps documented errors', () => {
    expect(
      bingx.parse(answer({ code: 100001, msg: 'Signature verification failed' }), KEY, endpoint),
    ).toMatchObject({ state: 'invalid' });
    expect(bingx.parse(answer({ code: 100413, msg: 'Incorrect apiKey' }), KEY, endpoint)).toMatchObject({
      state: 'invalid',
    });
    expect(
      bingx.parse(
        answer({ code: 100419, msg: 'your current request IP is not in the whitelist' }),
        KEY,
        endpoint,
      ),
    ).toMatchObject({
      state: 'restricted',
    });
    expect(
      bingx.parse(answer({ code: 100421, msg: 'Null timestamp or timestamp mismatch' }), KEY, endpoint),
    ).toMatchObject({
      state: 'unknown',
      reason: 'clock-skew',
    });
  });
});
