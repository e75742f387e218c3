import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmacBase64 } from '../sign';
import { kucoin } from './kucoin';

const KEY = { apiKey: 'kc-test-key', secret: 'kc-test-secret', passphrase: 'kc-test-passphrase' };
const ORIGIN = 'https://api.kucoin.com';
const b64 = (key: string, message: string) => createHmac('sha256', key).update(message).digest('base64');

describe('kucoin signer', () => {
  it('reproduces the official SDK signer test (primitive)', async () => {
    // Kucoin/kucoin-universal-sdk test_default_signer.py
    expect(await hmacBase64('SHA-256', 'test_api_secret', 'test_plain')).toBe(
      'jie/gxS38wLFFaBwl/cAzFbAzlI8MIny96jSXrB+iP4=',
    );
  });

  it('signs the audit request and the passphrase like node:crypto', async () => {
    const request = kucoin.permissionRequest(
      { method: 'GET', origin: ORIGIN, path: '/api/v1/user/api-key' },
      1_700_000_000_123,
    );
    const signed = await kucoin.sign(request, KEY, ORIGIN);
    expect(signed.prehash).toBe('1700000000123GET/api/v1/user/api-key');
    expect(signed.headers).toEqual({
      'KC-API-KEY': KEY.apiKey,
      'KC-API-SIGN': b64(KEY.secret, '1700000000123GET/api/v1/user/api-key'),
      'KC-API-TIMESTAMP': '1700000000123',
      'KC-API-PASSPHRASE': b64(KEY.secret, KEY.passphrase),
      'KC-API-KEY-VERSION': '2',
      'Content-Type': 'application/json',
    });
  });

  it('puts the query into the signed endpoint and the body after it', async () => {
    const signed = await kucoin.sign(
      {
        method: 'POST',
        path: '/api/v1/orders',
        query: 'a=1',
        body: '{"size":"1"}',
        timestamp: '1700000000000',
      },
      KEY,
      ORIGIN,
    );
    expect(signed.prehash).toBe('1700000000000POST/api/v1/orders?a=1{"size":"1"}');
  });
});

describe('kucoin parser', () => {
  const endpoint = { method: 'GET', origin: ORIGIN, path: '/api/v1/user/api-key' } as const;
  const answer = (json: unknown, status = 200) => ({ status, text: JSON.stringify(json), json });

  it('maps the SDK-documented api-key answer', () => {
    const verdict = kucoin.parse(
      answer({
        code: '200000',
        data: {
          remark: 'bot',
          apiKey: KEY.apiKey,
          apiVersion: 3,
          permission: 'General,Spot,InnerTransfer',
          ipWhitelist: '203.0.113.1,203.0.113.2',
          createdAt: 1700000000000,
          uid: 1,
          isMaster: true,
        },
      }),
      KEY,
      endpoint,
    );
    expect(verdict).toMatchObject({
      state: 'valid',
      ipRestricted: true,
      ipList: ['203.0.113.1', '203.0.113.2'],
    });
    if (verdict.state !== 'valid') throw new Error('expected valid');
    expect(verdict.permissions.ids).toEqual(['General', 'InnerTransfer', 'Spot']);
    expect(verdict.permissions.kinds).toEqual({ read: true, trade: true, withdraw: false, transfer: true });
  });

  it('maps documented errors', () => {
    expect(
      kucoin.parse(answer({ code: '400003', msg: 'KC-API-KEY not exists' }, 401), KEY, endpoint),
    ).toMatchObject({ state: 'invalid' });
    expect(
      kucoin.parse(answer({ code: '400005', msg: 'Signature error' }, 401), KEY, endpoint),
    ).toMatchObject({ state: 'invalid' });
    expect(
      kucoin.parse(
        answer({ code: '400006', msg: 'Invalid request ip, the current clientIp is:203.0.113.9' }, 401),
        KEY,
        endpoint,
      ),
    ).toMatchObject({
      state: 'restricted',
      code: '400006',
    });
    expect(
      kucoin.parse(answer({ code: '400002', msg: 'KC-API-TIMESTAMP Invalid' }, 401), KEY, endpoint),
    ).toMatchObject({
      state: 'unknown',
      reason: 'clock-skew',
    });
  });
});
