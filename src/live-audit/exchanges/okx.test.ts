import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { okx } from './okx';

// OKX publishes an example secret but no expected signature: checked against node:crypto.
const KEY = { apiKey: 'okx-key', secret: '22582BD0CFF14C41EDBF1AB98506286D', passphrase: 'okx-pass' };
const ORIGIN = 'https://www.okx.com';

describe('okx signer', () => {
  it('signs timestamp + METHOD + path?query + body like node:crypto', async () => {
    const signed = await okx.sign(
      {
        method: 'GET',
        path: '/api/v5/account/balance',
        query: 'ccy=BTC',
        body: '',
        timestamp: '2020-12-08T09:08:57.715Z',
      },
      KEY,
      ORIGIN,
    );
    expect(signed.prehash).toBe('2020-12-08T09:08:57.715ZGET/api/v5/account/balance?ccy=BTC');
    expect(signed.signature).toBe(createHmac('sha256', KEY.secret).update(signed.prehash).digest('base64'));
    expect(signed.notes).toEqual([]);
  });

  it('builds the audit request with an ISO timestamp and all four headers', async () => {
    const request = okx.permissionRequest(
      { method: 'GET', origin: ORIGIN, path: '/api/v5/account/config' },
      Date.UTC(2024, 0, 2, 3, 4, 5, 678),
    );
    expect(request.timestamp).toBe('2024-01-02T03:04:05.678Z');
    const signed = await okx.sign(request, KEY, ORIGIN);
    expect(signed.headers).toEqual({
      'OK-ACCESS-KEY': KEY.apiKey,
      'OK-ACCESS-SIGN': createHmac('sha256', KEY.secret)
        .update('2024-01-02T03:04:05.678ZGET/api/v5/account/config')
        .digest('base64'),
      'OK-ACCESS-TIMESTAMP': '2024-01-02T03:04:05.678Z',
      'OK-ACCESS-PASSPHRASE': KEY.passphrase,
    });
  });

  it('notes a timestamp in the wrong format', async () => {
    const signed = await okx.sign(
      { method: 'GET', path: '/x', query: '', body: '', timestamp: '1700000000000' },
      KEY,
      ORIGIN,
    );
    expect(signed.notes.join(' ')).toMatch(/ISO-8601/);
  });
});

describe('okx parser', () => {
  const endpoint = { method: 'GET', origin: ORIGIN, path: '/api/v5/account/config' } as const;
  const answer = (json: unknown, status = 200) => ({ status, text: JSON.stringify(json), json });

  it('maps the documented account config answer', () => {
    const verdict = okx.parse(
      answer({
        code: '0',
        data: [
          {
            acctLv: '2',
            autoLoan: false,
            ctIsoMode: 'automatic',
            label: 'v5 test',
            level: 'Lv1',
            mainUid: '44705892343619584',
            perm: 'read_only,withdraw,trade',
            posMode: 'long_short_mode',
            uid: '44705892343619584',
            ip: '',
          },
        ],
        msg: '',
      }),
      KEY,
      endpoint,
    );
    expect(verdict).toMatchObject({ state: 'valid', ipRestricted: false, ipList: [] });
    if (verdict.state !== 'valid') throw new Error('expected valid');
    expect(verdict.permissions.ids).toEqual(['read_only', 'trade', 'withdraw']);
    expect(verdict.permissions.kinds).toEqual({ read: true, trade: true, withdraw: true, transfer: false });
  });

  it('reads the bound IPs', () => {
    const verdict = okx.parse(
      answer({ code: '0', data: [{ perm: 'read_only', ip: '203.0.113.1,203.0.113.2' }] }),
      KEY,
      endpoint,
    );
    expect(verdict).toMatchObject({
      state: 'valid',
      ipRestricted: true,
      ipList: ['203.0.113.1', '203.0.113.2'],
    });
  });

  it('maps documented errors', () => {
    expect(
      okx.parse(answer({ code: '50111', msg: 'Invalid OK-ACCESS-KEY', data: [] }, 401), KEY, endpoint),
    ).toMatchObject({ state: 'invalid' });
    expect(
      okx.parse(answer({ code: '50113', msg: 'Invalid Sign', data: [] }, 401), KEY, endpoint),
    ).toMatchObject({ state: 'invalid' });
    expect(
      okx.parse(
        answer({ code: '50105', msg: 'Your OK-ACCESS-PASSPHRASE is incorrect.' }, 401),
        KEY,
        endpoint,
      ),
    ).toMatchObject({ state: 'invalid' });
    expect(
      okx.parse(
        answer(
          { code: '50110', msg: "Your IP 203.0.113.9 is not included in your API key's IP whitelist." },
          401,
        ),
        KEY,
        endpoint,
      ),
    ).toMatchObject({ state: 'restricted', code: '50110' });
    expect(
      okx.parse(answer({ code: '50102', msg: 'Timestamp request expired' }, 401), KEY, endpoint),
    ).toMatchObject({
      state: 'unknown',
      reason: 'clock-skew',
    });
  });
});
