import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bitmex } from './bitmex';

// Published examples: https://www.bitmex.com/app/apiKeysUsage
const KEY = {
  apiKey: 'LAqUlngMIQkIUjXMUreyu3qn',
  secret: 'chNOOS4KvNXR_Xq4k4c9qsfoKWvnDecLATCRlcBwyKDYnWgO',
};
const ORIGIN = 'https://www.bitmex.com';

describe('bitmex signer', () => {
  it('reproduces the three expires examples byte for byte', async () => {
    const simple = await bitmex.sign(
      { method: 'GET', path: '/api/v1/instrument', query: '', body: '', timestamp: '1518064236' },
      KEY,
      ORIGIN,
    );
    expect(simple.prehash).toBe('GET/api/v1/instrument1518064236');
    expect(simple.signature).toBe('c7682d435d0cfe87c16098df34ef2eb5a549d4c5a3c2b1f0f77b8af73423bf00');
    const filtered = await bitmex.sign(
      {
        method: 'GET',
        path: '/api/v1/instrument',
        query: 'filter=%7B%22symbol%22%3A+%22XBTM15%22%7D',
        body: '',
        timestamp: '1518064237',
      },
      KEY,
      ORIGIN,
    );
    expect(filtered.signature).toBe('e2f422547eecb5b3cb29ade2127e21b858b235b386bfa45e1c1756eb3383919f');
    const post = await bitmex.sign(
      {
        method: 'POST',
        path: '/api/v1/order',
        query: '',
        body: '{"symbol":"XBTM15","price":219.0,"clOrdID":"mm_bitmex_1a/oemUeQ4CAJZgP3fjHsA","orderQty":98}',
        timestamp: '1518064238',
      },
      KEY,
      ORIGIN,
    );
    expect(post.signature).toBe('1749cd2ccae4aa49048ae09f0b95110cee706e0944e6a14ad0b3a8cb45bd336b');
    expect(post.headers).toMatchObject({
      'api-expires': '1518064238',
      'api-key': KEY.apiKey,
      'api-signature': post.signature,
    });
  });

  it('signs the audit request like node:crypto, expiring 30 s ahead', async () => {
    const request = bitmex.permissionRequest(
      { method: 'GET', origin: ORIGIN, path: '/api/v1/apiKey' },
      1_700_000_000_999,
    );
    expect(request.timestamp).toBe('1700000030');
    const signed = await bitmex.sign(request, KEY, ORIGIN);
    expect(signed.signature).toBe(
      createHmac('sha256', KEY.secret).update('GET/api/v1/apiKey1700000030').digest('hex'),
    );
  });
});

describe('bitmex parser', () => {
  const endpoint = { method: 'GET', origin: ORIGIN, path: '/api/v1/apiKey' } as const;
  const answer = (status: number, json: unknown) => ({ status, text: JSON.stringify(json), json });

  it('finds the calling key among the account’s keys', () => {
    const verdict = bitmex.parse(
      answer(200, [
        { id: 'other', permissions: ['withdraw'], cidr: '0.0.0.0/0', enabled: true },
        {
          id: KEY.apiKey,
          name: 'bot',
          permissions: ['order'],
          cidr: '203.0.113.7/32',
          cidrs: ['203.0.113.7/32'],
          enabled: true,
        },
      ]),
      KEY,
      endpoint,
    );
    expect(verdict).toMatchObject({ state: 'valid', ipRestricted: true, ipList: ['203.0.113.7/32'] });
    if (verdict.state !== 'valid') throw new Error('expected valid');
    expect(verdict.permissions.ids).toEqual(['order', 'read']);
    expect(verdict.permissions.kinds).toEqual({ read: true, trade: true, withdraw: false, transfer: false });
  });

  it('treats 0.0.0.0/0 as unrestricted', () => {
    const verdict = bitmex.parse(
      answer(200, [{ id: KEY.apiKey, permissions: [], cidr: '0.0.0.0/0', cidrs: [] }]),
      KEY,
      endpoint,
    );
    expect(verdict).toMatchObject({ state: 'valid', ipRestricted: false });
  });

  it('maps documented errors', () => {
    const error = (message: string) => ({ error: { message, name: 'HTTPError' } });
    expect(bitmex.parse(answer(401, error('Invalid API Key.')), KEY, endpoint)).toMatchObject({
      state: 'invalid',
      message: 'Invalid API Key.',
    });
    expect(bitmex.parse(answer(401, error('Signature not valid.')), KEY, endpoint)).toMatchObject({
      state: 'invalid',
    });
    expect(
      bitmex.parse(
        answer(403, error('This request has expired - `expires` is in the past. Current time: 1')),
        KEY,
        endpoint,
      ),
    ).toMatchObject({
      state: 'unknown',
      reason: 'clock-skew',
    });
    expect(bitmex.parse(answer(403, error('This key is disabled.')), KEY, endpoint)).toMatchObject({
      state: 'invalid',
      ipMayBeCause: true,
    });
    expect(bitmex.parse(answer(200, [{ id: 'someone-else' }]), KEY, endpoint)).toMatchObject({
      state: 'unknown',
    });
  });
});
