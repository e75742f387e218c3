import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isKnown } from '../../exchanges/types';
import { bybit } from './bybit';

// Bybit publishes prehash examples but not the secret behind their digests, so signatures are checked against an
// independent node:crypto implementation and the prehash against the docs' composition examples.
const KEY = { apiKey: 'XXXXXXXXXX', secret: 'bybit-test-secret' };
const ORIGIN = 'https://api.bybit.com';

describe('bybit signer', () => {
  it('composes the docs’ GET and POST prehash examples (with our recvWindow)', async () => {
    const get = await bybit.sign(
      {
        method: 'GET',
        path: '/v5/order/realtime',
        query: 'category=option&symbol=BTC-29JUL22-25000-C',
        body: '',
        timestamp: '1658384314791',
      },
      KEY,
      ORIGIN,
    );
    expect(get.prehash).toBe('1658384314791XXXXXXXXXX10000category=option&symbol=BTC-29JUL22-25000-C');
    expect(get.signature).toBe(createHmac('sha256', KEY.secret).update(get.prehash).digest('hex'));
    const post = await bybit.sign(
      {
        method: 'POST',
        path: '/v5/order/create',
        query: '',
        body: '{"category": "option"}',
        timestamp: '1658385579423',
      },
      KEY,
      ORIGIN,
    );
    expect(post.prehash).toBe('1658385579423XXXXXXXXXX10000{"category": "option"}');
    expect(post.headers).toMatchObject({ 'Content-Type': 'application/json', 'X-BAPI-SIGN': post.signature });
  });

  it('signs the audit request like node:crypto', async () => {
    const request = bybit.permissionRequest(
      { method: 'GET', origin: ORIGIN, path: '/v5/user/query-api' },
      1_700_000_000_123,
    );
    const signed = await bybit.sign(request, KEY, ORIGIN);
    expect(signed.headers).toEqual({
      'X-BAPI-API-KEY': KEY.apiKey,
      'X-BAPI-TIMESTAMP': '1700000000123',
      'X-BAPI-RECV-WINDOW': '10000',
      'X-BAPI-SIGN': createHmac('sha256', KEY.secret).update(`1700000000123${KEY.apiKey}10000`).digest('hex'),
    });
  });

  it('records the documented self-delete request, confirmed, and builds it with an empty JSON body', async () => {
    expect(isKnown(bybit.selfDelete) && bybit.selfDelete.value).toMatchObject({
      method: 'POST',
      path: '/v5/user/delete-api',
      confirmed: true,
    });
    const request = bybit.revoke!.request(1_700_000_000_123);
    expect(request).toEqual({
      method: 'POST',
      path: '/v5/user/delete-api',
      query: '',
      body: '{}',
      timestamp: '1700000000123',
    });
    const signed = await bybit.sign(request, KEY, ORIGIN);
    expect(signed.prehash).toBe(`1700000000123${KEY.apiKey}10000{}`);
    expect(signed.signature).toBe(createHmac('sha256', KEY.secret).update(signed.prehash).digest('hex'));
  });

  it('reads the self-delete answer: retCode 0 revoked, other codes refused, busy codes unknown', () => {
    const answer = (json: unknown, status = 200) => ({ status, text: JSON.stringify(json), json });
    const parse = (response: Parameters<NonNullable<typeof bybit.revoke>['parse']>[0], key: typeof KEY) =>
      bybit.revoke!.parse(response, key);
    expect(parse(answer({ retCode: 0, retMsg: '', result: {}, retExtInfo: {}, time: 1 }), KEY)).toEqual({
      state: 'revoked',
    });
    expect(parse(answer({ retCode: 10004, retMsg: 'error sign!' }), KEY)).toEqual({
      state: 'rejected',
      message: 'error sign!',
      code: '10004',
    });
    expect(parse(answer({ retCode: 10002, retMsg: '' }), KEY)).toEqual({
      state: 'rejected',
      message: 'code 10002',
      code: '10002',
    });
    expect(parse(answer({ retCode: 10018, retMsg: 'Too many visits' }), KEY)).toMatchObject({
      state: 'unknown',
      reason: 'rate-limited',
    });
    expect(parse({ status: 401, text: '', json: undefined }, KEY)).toEqual({
      state: 'rejected',
      message: 'HTTP 401',
    });
    expect(parse({ status: 200, text: '<html>', json: undefined }, KEY)).toMatchObject({
      state: 'unknown',
      reason: 'unexpected-response',
    });
  });
});

describe('bybit parser', () => {
  const endpoint = { method: 'GET', origin: ORIGIN, path: '/v5/user/query-api' } as const;
  const answer = (json: unknown, status = 200) => ({ status, text: JSON.stringify(json), json });

  it('maps the documented query-api answer', () => {
    const verdict = bybit.parse(
      answer({
        retCode: 0,
        retMsg: '',
        result: {
          id: '13770661',
          note: 'XXXXXX',
          apiKey: KEY.apiKey,
          readOnly: 0,
          secret: '',
          permissions: {
            ContractTrade: ['Order', 'Position'],
            Spot: ['SpotTrade'],
            Wallet: ['AccountTransfer', 'SubMemberTransfer'],
            Options: ['OptionsTrade'],
            Derivatives: [],
            Exchange: ['ExchangeHistory'],
            Earn: [],
            BlockTrade: [],
            Affiliate: [],
            NFT: [],
          },
          ips: ['*'],
          type: 1,
          deadlineDay: 66,
          expiredAt: '2023-12-22T07:20:25Z',
          createdAt: '2022-10-16T02:24:40Z',
          unified: 0,
          uta: 0,
          userID: 24617703,
          inviterID: 0,
          vipLevel: 'No VIP',
          mktMakerLevel: '0',
          affiliateID: 0,
        },
        retExtInfo: {},
        time: 1697525990798,
      }),
      KEY,
      endpoint,
    );
    expect(verdict).toMatchObject({
      state: 'valid',
      ipRestricted: false,
      expiresAt: Date.parse('2023-12-22T07:20:25Z'),
    });
    if (verdict.state !== 'valid') throw new Error('expected valid');
    expect(verdict.permissions.ids).toEqual([
      'ContractTrade.Order',
      'ContractTrade.Position',
      'Exchange.ExchangeHistory',
      'Options.OptionsTrade',
      'Spot.SpotTrade',
      'Wallet.AccountTransfer',
      'Wallet.SubMemberTransfer',
    ]);
    expect(verdict.permissions.kinds).toEqual({ read: true, trade: true, withdraw: false, transfer: true });
  });

  it('reports read-only keys, bound IPs and withdrawal rights', () => {
    const ro = bybit.parse(
      answer({ retCode: 0, result: { readOnly: 1, permissions: {}, ips: ['203.0.113.5'], expiredAt: '' } }),
      KEY,
      endpoint,
    );
    expect(ro).toMatchObject({
      state: 'valid',
      ipRestricted: true,
      ipList: ['203.0.113.5'],
      expiresAt: null,
      permissions: { ids: ['ReadOnly'] },
    });
    const wd = bybit.parse(
      answer({ retCode: 0, result: { readOnly: 0, permissions: { Wallet: ['Withdraw'] }, ips: ['*'] } }),
      KEY,
      endpoint,
    );
    expect(wd).toMatchObject({ state: 'valid', permissions: { kinds: { withdraw: true } } });
  });

  it('maps documented errors', () => {
    expect(
      bybit.parse(answer({ retCode: 10003, retMsg: 'API key is invalid.' }), KEY, endpoint),
    ).toMatchObject({ state: 'invalid', code: '10003' });
    expect(bybit.parse(answer({ retCode: 10004, retMsg: 'Error sign' }), KEY, endpoint)).toMatchObject({
      state: 'invalid',
    });
    expect(
      bybit.parse(
        answer({ retCode: 10010, retMsg: "Unmatched IP, please check your API key's bound IP addresses." }),
        KEY,
        endpoint,
      ),
    ).toMatchObject({
      state: 'restricted',
    });
    expect(
      bybit.parse(
        answer({ retCode: 10002, retMsg: 'invalid request, please check your server timestamp' }),
        KEY,
        endpoint,
      ),
    ).toMatchObject({
      state: 'unknown',
      reason: 'clock-skew',
    });
    expect(bybit.parse(answer({ retCode: 10006, retMsg: 'Too many visits!' }), KEY, endpoint)).toMatchObject({
      state: 'unknown',
      reason: 'rate-limited',
    });
  });

  it('scrubs the api key when the exchange echoes it', () => {
    const verdict = bybit.parse(
      answer({ retCode: 10003, retMsg: `API key ${KEY.apiKey} is invalid.` }),
      KEY,
      endpoint,
    );
    expect(verdict).toMatchObject({ state: 'invalid', message: 'API key [redacted] is invalid.' });
  });
});
