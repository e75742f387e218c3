import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BITGET_UTA_ENDPOINT, bitget } from './bitget';

// Bitget publishes prehash examples without a secret or digest: signatures are checked against node:crypto.
const KEY = { apiKey: 'bg_test_key', secret: 'bitget-test-secret', passphrase: 'bitget-pass' };
const ORIGIN = 'https://api.bitget.com';
const CLASSIC = { method: 'GET', origin: ORIGIN, path: '/api/v2/spot/account/info' } as const;

describe('bitget signer', () => {
  it('composes the docs’ prehash example and signs it like node:crypto', async () => {
    const signed = await bitget.sign(
      {
        method: 'GET',
        path: '/api/mix/v2/market/depth',
        query: 'limit=20&symbol=BTCUSDT',
        body: '',
        timestamp: '16273667805456',
      },
      KEY,
      ORIGIN,
    );
    expect(signed.prehash).toBe('16273667805456GET/api/mix/v2/market/depth?limit=20&symbol=BTCUSDT');
    expect(signed.signature).toBe(createHmac('sha256', KEY.secret).update(signed.prehash).digest('base64'));
  });

  it('adds no "?" when the query is empty', async () => {
    const request = bitget.permissionRequest(CLASSIC, 1_700_000_000_123);
    const signed = await bitget.sign(request, KEY, ORIGIN);
    expect(signed.prehash).toBe('1700000000123GET/api/v2/spot/account/info');
    expect(signed.headers).toMatchObject({
      'ACCESS-KEY': KEY.apiKey,
      'ACCESS-SIGN': createHmac('sha256', KEY.secret).update(signed.prehash).digest('base64'),
      'ACCESS-TIMESTAMP': '1700000000123',
      'ACCESS-PASSPHRASE': KEY.passphrase,
    });
  });
});

describe('bitget parser', () => {
  const answer = (json: unknown, status = 200) => ({ status, text: JSON.stringify(json), json });

  it('maps the classic account info answer', () => {
    const verdict = bitget.parse(
      answer({
        code: '00000',
        msg: 'success',
        requestTime: 1695808949356,
        data: {
          userId: '**********',
          inviterId: '**********',
          ips: '127.0.0.1',
          authorities: ['trade', 'readonly'],
          parentId: 1,
          traderType: 'trader',
          channelCode: 'XXX',
          channel: 'YYY',
          regisTime: '1246566789345',
        },
      }),
      KEY,
      CLASSIC,
    );
    expect(verdict).toMatchObject({ state: 'valid', ipRestricted: true, ipList: ['127.0.0.1'] });
    const wd = bitget.parse(
      answer({ code: '00000', data: { ips: '', authorities: ['stor', 'stow', 'wwow', 'coor'] } }),
      KEY,
      CLASSIC,
    );
    expect(wd).toMatchObject({
      state: 'valid',
      ipRestricted: false,
      permissions: { kinds: { read: true, trade: true, withdraw: true, transfer: false } },
    });
  });

  it('moves on to the v3 request for unified accounts and maps its answer', () => {
    expect(
      bitget.parse(answer({ code: '40085', msg: 'Please use the UTA API' }, 400), KEY, CLASSIC),
    ).toMatchObject({ state: 'next' });
    const verdict = bitget.parse(
      answer({
        code: '00000',
        data: { uid: '1', ips: '', permType: 'read-and-write', permissions: ['uta_trade', 'withdraw'] },
      }),
      KEY,
      BITGET_UTA_ENDPOINT,
    );
    expect(verdict).toMatchObject({
      state: 'valid',
      permissions: { kinds: { read: true, trade: true, withdraw: true } },
    });
  });

  it('maps documented errors', () => {
    expect(
      bitget.parse(answer({ code: '40006', msg: 'Invalid ACCESS_KEY' }, 400), KEY, CLASSIC),
    ).toMatchObject({ state: 'invalid' });
    expect(
      bitget.parse(answer({ code: '40009', msg: 'sign signature error' }, 400), KEY, CLASSIC),
    ).toMatchObject({ state: 'invalid' });
    expect(bitget.parse(answer({ code: '40018', msg: 'Invalid IP' }, 400), KEY, CLASSIC)).toMatchObject({
      state: 'restricted',
    });
    expect(
      bitget.parse(answer({ code: '40008', msg: 'Request timestamp expired' }, 400), KEY, CLASSIC),
    ).toMatchObject({
      state: 'unknown',
      reason: 'clock-skew',
    });
  });
});
