import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { explainSignature, timestampHint } from './explain';
import { LIVE_AUDIT_EXCHANGES } from './exchanges/index';

const SPOT = {
  apiKey: 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A',
  secret: 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j',
};

describe('explainSignature', () => {
  it('shows the Binance docs example: prehash, signature, headers and URL', async () => {
    const query =
      'symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559';
    const result = await explainSignature('binance', { method: 'POST', path: '/api/v3/order', query }, SPOT);
    expect(result.prehash).toBe(query);
    expect(result.signature).toBe('c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71');
    expect(result.headers['X-MBX-APIKEY']).toBe(SPOT.apiKey);
    expect(result.url).toBe(`https://api.binance.com/api/v3/order?${query}&signature=${result.signature}`);
  });

  it('splits a query pasted into the path', async () => {
    const result = await explainSignature(
      'bitmex',
      {
        method: 'GET',
        path: '/api/v1/instrument?filter=%7B%22symbol%22%3A+%22XBTM15%22%7D',
        timestamp: '1518064237',
      },
      { apiKey: 'LAqUlngMIQkIUjXMUreyu3qn', secret: 'chNOOS4KvNXR_Xq4k4c9qsfoKWvnDecLATCRlcBwyKDYnWgO' },
    );
    expect(result.signature).toBe('e2f422547eecb5b3cb29ade2127e21b858b235b386bfa45e1c1756eb3383919f');
  });

  it('hides standing credentials in headers unless asked', async () => {
    const creds = { apiKey: 'k', secret: 's', passphrase: 'my-passphrase' };
    const request = {
      method: 'GET',
      path: '/api/v5/account/config',
      timestamp: '2024-01-01T00:00:00.000Z',
    } as const;
    const hidden = await explainSignature('okx', request, creds);
    expect(JSON.stringify(hidden)).not.toContain('my-passphrase');
    const shown = await explainSignature('okx', request, creds, { revealCredentialHeaders: true });
    expect(shown.headers['OK-ACCESS-PASSPHRASE']).toBe('my-passphrase');
    const kucoin = await explainSignature(
      'kucoin',
      { method: 'GET', path: '/api/v1/accounts', timestamp: '1700000000000' },
      creds,
    );
    expect(kucoin.headers['KC-API-PASSPHRASE']).toMatch(/^\(hidden/);
    expect(JSON.stringify(kucoin)).not.toContain(
      createHmac('sha256', 's').update('my-passphrase').digest('base64'),
    );
  });

  it('explains common mistakes in notes', async () => {
    const creds = { apiKey: 'k', secret: 's', passphrase: 'p' };
    expect(
      (
        await explainSignature(
          'binance',
          { method: 'GET', path: '/api/v3/account', query: 'recvWindow=5000' },
          creds,
        )
      ).notes.join(' '),
    ).toMatch(/timestamp/);
    expect(
      (
        await explainSignature('okx', { method: 'GET', path: 'api/v5/x', timestamp: '1700000000000' }, creds)
      ).notes.join(' '),
    ).toMatch(/start with "\/"[\s\S]*ISO-8601/);
    expect(
      (
        await explainSignature(
          'gate',
          { method: 'GET', path: '/spot/orders', timestamp: '1700000000000' },
          creds,
        )
      ).notes.join(' '),
    ).toMatch(/\/api\/v4[\s\S]*seconds/);
  });

  it('covers every live-audit exchange and gives a timestamp hint for each', async () => {
    for (const exchange of LIVE_AUDIT_EXCHANGES) {
      expect(timestampHint(exchange).length).toBeGreaterThan(0);
      if (exchange === 'coinbase') continue;
      const secret = exchange === 'kraken' ? 'c2VjcmV0' : 'secret';
      const result = await explainSignature(
        exchange,
        {
          method: 'GET',
          path: '/x',
          timestamp: '1700000000000',
          body: exchange === 'kraken' ? 'nonce=1' : '',
        },
        { apiKey: 'k', secret, passphrase: 'p' },
      );
      expect(result.signature.length, exchange).toBeGreaterThan(20);
    }
  });

  it('refuses exchanges it does not cover', async () => {
    await expect(explainSignature('gemini', { method: 'GET', path: '/' }, { apiKey: 'k' })).rejects.toThrow(
      /does not cover/,
    );
  });
});
