import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { kraken } from './kraken';

// Published example: https://docs.kraken.com/api/docs/guides/spot-rest-auth
const KEY = {
  apiKey: 'docs-example-key',
  secret: 'kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==',
};
const ORIGIN = 'https://api.kraken.com';

function independent(secret: string, path: string, nonce: string, body: string): string {
  const inner = createHash('sha256')
    .update(nonce + body)
    .digest();
  return createHmac('sha512', Buffer.from(secret, 'base64'))
    .update(Buffer.concat([Buffer.from(path), inner]))
    .digest('base64');
}

describe('kraken signer', () => {
  it('reproduces the docs example byte for byte', async () => {
    const signed = await kraken.sign(
      {
        method: 'POST',
        path: '/0/private/AddOrder',
        query: '',
        body: 'nonce=1616492376594&ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.25',
        timestamp: '1616492376594',
      },
      KEY,
      ORIGIN,
    );
    expect(signed.signature).toBe(
      '4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ==',
    );
    expect(signed.headers).toMatchObject({ 'API-Key': KEY.apiKey, 'API-Sign': signed.signature });
    expect(signed.notes).toEqual([]);
  });

  it('takes the nonce from a JSON body too', async () => {
    const body = '{"nonce":"1700000000000"}';
    const signed = await kraken.sign(
      { method: 'POST', path: '/0/private/GetApiKeyInfo', query: '', body, timestamp: '' },
      KEY,
      ORIGIN,
    );
    expect(signed.signature).toBe(independent(KEY.secret, '/0/private/GetApiKeyInfo', '1700000000000', body));
    expect(signed.headers['Content-Type']).toBe('application/json');
  });

  it('signs the audit request like node:crypto', async () => {
    const request = kraken.permissionRequest(
      { method: 'POST', origin: ORIGIN, path: '/0/private/GetApiKeyInfo' },
      1_700_000_000_123,
    );
    expect(request.body).toBe('nonce=1700000000123');
    const signed = await kraken.sign(request, KEY, ORIGIN);
    expect(signed.signature).toBe(
      independent(KEY.secret, '/0/private/GetApiKeyInfo', '1700000000123', request.body),
    );
  });

  it('refuses a secret that is not base64 without echoing it', async () => {
    const bad = { apiKey: 'k', secret: 'not base64 at all!' };
    await expect(
      kraken.sign(
        { method: 'POST', path: '/0/private/x', query: '', body: 'nonce=1', timestamp: '1' },
        bad,
        ORIGIN,
      ),
    ).rejects.toThrow(/^The Kraken private key must be base64\.$/);
  });
});

describe('kraken parser', () => {
  const endpoint = { method: 'POST', origin: ORIGIN, path: '/0/private/GetApiKeyInfo' } as const;
  const answer = (json: unknown, status = 200) => ({ status, text: JSON.stringify(json), json });

  it('maps the documented GetApiKeyInfo answer', () => {
    const verdict = kraken.parse(
      answer({
        error: [],
        result: {
          apiKeyName: 'my-api-key',
          apiKey: KEY.apiKey,
          nonce: '1772627060997',
          nonceWindow: 0,
          permissions: ['query-funds', 'withdraw-funds', 'query-open-trades', 'modify-trades'],
          iban: 'AA88 N84G WOAK NMOI',
          validUntil: '0',
          queryFrom: '0',
          queryTo: '0',
          createdTime: '1772542900',
          modifiedTime: '1772543095',
          ipAllowlist: [],
          lastUsed: '1772627061',
        },
      }),
      KEY,
      endpoint,
    );
    expect(verdict).toMatchObject({ state: 'valid', ipRestricted: false, expiresAt: null });
    if (verdict.state !== 'valid') throw new Error('expected valid');
    expect(verdict.permissions.kinds).toEqual({ read: true, trade: true, withdraw: true, transfer: false });
  });

  it('reads an expiry and an allow-list', () => {
    const verdict = kraken.parse(
      answer({
        error: [],
        result: { permissions: ['query-funds'], validUntil: '1800000000', ipAllowlist: ['198.51.100.0/24'] },
      }),
      KEY,
      endpoint,
    );
    expect(verdict).toMatchObject({
      state: 'valid',
      expiresAt: 1_800_000_000_000,
      ipRestricted: true,
      ipList: ['198.51.100.0/24'],
    });
  });

  it('maps documented errors', () => {
    expect(kraken.parse(answer({ error: ['EAPI:Invalid key'] }), KEY, endpoint)).toMatchObject({
      state: 'invalid',
      code: 'EAPI:Invalid key',
    });
    expect(kraken.parse(answer({ error: ['EAPI:Invalid signature'] }), KEY, endpoint)).toMatchObject({
      state: 'invalid',
    });
    expect(kraken.parse(answer({ error: ['EAPI:Invalid nonce'] }), KEY, endpoint)).toMatchObject({
      state: 'unknown',
      reason: 'clock-skew',
    });
    expect(kraken.parse(answer({ error: ['EAPI:Rate limit exceeded'] }), KEY, endpoint)).toMatchObject({
      state: 'unknown',
      reason: 'rate-limited',
    });
    expect(kraken.parse(answer({ error: ['EGeneral:Permission denied'] }), KEY, endpoint)).toMatchObject({
      state: 'unknown',
    });
  });
});
