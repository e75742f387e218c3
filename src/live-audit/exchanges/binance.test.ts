import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { binance } from './binance';

// Published examples: binance-spot-api-docs rest-api.md (SIGNED endpoint examples) and USDⓈ-M general info.
const SPOT = {
  apiKey: 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A',
  secret: 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j',
};
const FUTURES = {
  apiKey: 'dbefbc809e3e83c283a984c3a1459732ea7db1360ca80c5c2c8867408d28cc83',
  secret: '2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9',
};
const input = (query: string, body = '', method: 'GET' | 'POST' = 'POST') => ({
  method,
  path: '/api/v3/order',
  query,
  body,
  timestamp: '',
});

describe('binance signer', () => {
  it('reproduces the spot docs example (query string)', async () => {
    const query =
      'symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559';
    const signed = await binance.sign(input(query), SPOT, 'https://api.binance.com');
    expect(signed.signature).toBe('c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71');
    expect(signed.query).toBe(`${query}&signature=${signed.signature}`);
    expect(signed.headers['X-MBX-APIKEY']).toBe(SPOT.apiKey);
  });

  it('reproduces the spot docs non-ASCII example (percent-encoded before signing)', async () => {
    const query = `symbol=${encodeURIComponent('１２３４５６')}&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559`;
    const signed = await binance.sign(input(query), SPOT, 'https://api.binance.com');
    expect(signed.signature).toBe('e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3');
    expect(signed.notes.join(' ')).not.toMatch(/percent-encoded/);
  });

  it('warns when the payload is not percent-encoded', async () => {
    const signed = await binance.sign(input('symbol=１２３&timestamp=1'), SPOT, 'https://api.binance.com');
    expect(signed.notes.join(' ')).toMatch(/percent-encoded/);
  });

  it('reproduces the USDⓈ-M docs example, as query and as body', async () => {
    const payload =
      'symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC&recvWindow=5000&timestamp=1591702613943';
    const expected = '3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9';
    expect((await binance.sign(input(payload), FUTURES, 'https://fapi.binance.com')).signature).toBe(
      expected,
    );
    const asBody = await binance.sign(input('', payload), FUTURES, 'https://fapi.binance.com');
    expect(asBody.signature).toBe(expected);
    expect(asBody.body).toBe(`${payload}&signature=${expected}`);
    expect(asBody.query).toBe('');
  });

  it('joins query and body with nothing (USDⓈ-M mixed example, corrected digest)', async () => {
    // The docs' own digest only reproduces over their typo "timestamp= 1591702613943"; see signing.md §1.
    const signed = await binance.sign(
      input(
        'symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC',
        'quantity=1&price=9000&recvWindow=5000&timestamp=1591702613943',
      ),
      FUTURES,
      'https://fapi.binance.com',
    );
    expect(signed.signature).toBe('30baaf0fab549bbeda7f5ef201898b34122da25fd23c646cac2c529aebe670a4');
    const typo = await binance.sign(
      input(
        'symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC',
        'quantity=1&price=9000&recvWindow=5000&timestamp= 1591702613943',
      ),
      FUTURES,
      'https://fapi.binance.com',
    );
    expect(typo.signature).toBe('f9d0ae5e813ef6ccf15c2b5a434047a0181cb5a342b903b367ca6d27a66e36f2');
  });

  it('signs the audit request like an independent node:crypto implementation', async () => {
    const request = binance.permissionRequest(
      { method: 'GET', origin: 'https://api.binance.com', path: '/sapi/v1/account/apiRestrictions' },
      1_700_000_000_123,
    );
    expect(request.query).toBe('recvWindow=10000&timestamp=1700000000123');
    const signed = await binance.sign(request, SPOT, 'https://api.binance.com');
    const expected = createHmac('sha256', SPOT.secret).update(request.query).digest('hex');
    expect(signed.query).toBe(`${request.query}&signature=${expected}`);
  });
});

describe('binance parser', () => {
  const ok = (json: unknown) => ({ status: 200, text: JSON.stringify(json), json });
  const err = (status: number, json: unknown) => ({ status, text: JSON.stringify(json), json });
  const endpoint = {
    method: 'GET',
    origin: 'https://api.binance.com',
    path: '/sapi/v1/account/apiRestrictions',
  } as const;

  it('maps the documented apiRestrictions answer', () => {
    const verdict = binance.parse(
      ok({
        ipRestrict: false,
        createTime: 1698645219000,
        enableReading: true,
        enableWithdrawals: false,
        enableInternalTransfer: false,
        enableMargin: false,
        enableFutures: false,
        permitsUniversalTransfer: false,
        enableVanillaOptions: false,
        enableFixApiTrade: false,
        enableFixReadOnly: true,
        enableSpotAndMarginTrading: true,
        enablePortfolioMarginTrading: false,
      }),
      SPOT,
      endpoint,
    );
    expect(verdict).toMatchObject({ state: 'valid', ipRestricted: false, expiresAt: null });
    if (verdict.state !== 'valid') throw new Error('expected valid');
    expect(verdict.permissions.ids).toEqual([
      'enableFixReadOnly',
      'enableReading',
      'enableSpotAndMarginTrading',
    ]);
    expect(verdict.permissions.kinds).toEqual({ read: true, trade: true, withdraw: false, transfer: false });
  });

  it('flags withdrawals and IP binding', () => {
    const verdict = binance.parse(
      ok({ ipRestrict: true, enableReading: true, enableWithdrawals: true }),
      SPOT,
      endpoint,
    );
    expect(verdict).toMatchObject({
      state: 'valid',
      ipRestricted: true,
      permissions: { kinds: { withdraw: true } },
    });
  });

  it('reports -2015 as invalid but says the IP may be the cause', () => {
    expect(
      binance.parse(
        err(401, { code: -2015, msg: 'Invalid API-key, IP, or permissions for action.' }),
        SPOT,
        endpoint,
      ),
    ).toEqual({
      state: 'invalid',
      code: '-2015',
      message: 'Invalid API-key, IP, or permissions for action.',
      ipMayBeCause: true,
    });
  });

  it('reports a bad signature as invalid and a stale timestamp as clock skew', () => {
    expect(
      binance.parse(
        err(400, { code: -1022, msg: 'Signature for this request is not valid.' }),
        SPOT,
        endpoint,
      ),
    ).toMatchObject({
      state: 'invalid',
    });
    expect(
      binance.parse(
        err(400, { code: -1021, msg: 'Timestamp for this request is outside of the recvWindow.' }),
        SPOT,
        endpoint,
      ),
    ).toMatchObject({ state: 'unknown', reason: 'clock-skew' });
  });

  it('never calls an unexplained answer invalid', () => {
    expect(binance.parse(err(400, { code: -1100, msg: 'Illegal characters' }), SPOT, endpoint)).toMatchObject(
      {
        state: 'unknown',
        reason: 'unexpected-response',
      },
    );
    expect(binance.parse({ status: 200, text: '<html>', json: undefined }, SPOT, endpoint)).toMatchObject({
      state: 'unknown',
    });
  });
});
