import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { gate } from './gate';

// Gate publishes no vector: checked against node:crypto following gateapi-python's gen_sign.
const KEY = { apiKey: 'c5dcfbf1f3a7d1e2a3b4c5d6e7f80912', secret: 'gate-test-secret' };
const ORIGIN = 'https://api.gateio.ws';

function independent(method: string, path: string, query: string, body: string, ts: string): string {
  const bodyHash = createHash('sha512').update(body).digest('hex');
  return createHmac('sha512', KEY.secret)
    .update([method, path, query, bodyHash, ts].join('\n'))
    .digest('hex');
}

describe('gate signer', () => {
  it('signs the audit request like node:crypto', async () => {
    const request = gate.permissionRequest(
      { method: 'GET', origin: ORIGIN, path: '/api/v4/account/main_keys' },
      1_700_000_000_999,
    );
    expect(request.timestamp).toBe('1700000000');
    const signed = await gate.sign(request, KEY, ORIGIN);
    expect(signed.signature).toBe(independent('GET', '/api/v4/account/main_keys', '', '', '1700000000'));
    expect(signed.signature).toHaveLength(128);
    expect(signed.headers).toMatchObject({
      KEY: KEY.apiKey,
      Timestamp: '1700000000',
      SIGN: signed.signature,
    });
  });

  it('hashes a body and keeps the raw query', async () => {
    const body = '{"text":"t-1","currency_pair":"BTC_USDT"}';
    const signed = await gate.sign(
      { method: 'POST', path: '/api/v4/spot/orders', query: 'account=spot', body, timestamp: '1700000000' },
      KEY,
      ORIGIN,
    );
    expect(signed.signature).toBe(
      independent('POST', '/api/v4/spot/orders', 'account=spot', body, '1700000000'),
    );
  });
});

describe('gate parser', () => {
  const endpoint = { method: 'GET', origin: ORIGIN, path: '/api/v4/account/main_keys' } as const;
  const answer = (json: unknown, status = 200) => ({ status, text: JSON.stringify(json), json });
  const entry = (key: string, perms: unknown[], ips: string[] = []) => ({
    state: 1,
    mode: 1,
    name: 'bot',
    user_id: 1,
    perms,
    ip_whitelist: ips,
    currency_pairs: [],
    key,
    created_at: '1700000000',
    update_at: '1700000000',
    last_access: '1700000000',
  });

  it('finds the calling key by its masked prefix', () => {
    const verdict = gate.parse(
      answer([
        entry('aaaabbbbcccc*****', [{ name: 'withdraw', read_only: false }]),
        entry(
          'c5dcfbf1f3a7*****',
          [
            { name: 'spot', read_only: false },
            { name: 'wallet', read_only: true },
          ],
          ['203.0.113.4'],
        ),
      ]),
      KEY,
      endpoint,
    );
    expect(verdict).toMatchObject({ state: 'valid', ipRestricted: true, ipList: ['203.0.113.4'] });
    if (verdict.state !== 'valid') throw new Error('expected valid');
    expect(verdict.permissions.ids).toEqual(['spot', 'wallet:read']);
    expect(verdict.permissions.kinds).toEqual({ read: true, trade: true, withdraw: false, transfer: false });
  });

  it('accepts the single-object shape', () => {
    expect(
      gate.parse(answer(entry('whatever****', [{ name: 'withdraw', read_only: false }])), KEY, endpoint),
    ).toMatchObject({
      state: 'valid',
      permissions: { kinds: { withdraw: true } },
    });
  });

  it('is unknown when the key cannot be told apart', () => {
    expect(gate.parse(answer([entry('zzzzzzzz*****', [])]), KEY, endpoint)).toMatchObject({
      state: 'unknown',
    });
  });

  it('maps documented error labels', () => {
    expect(
      gate.parse(answer({ label: 'INVALID_KEY', message: 'Invalid key provided' }, 401), KEY, endpoint),
    ).toMatchObject({ state: 'invalid' });
    expect(
      gate.parse(answer({ label: 'INVALID_SIGNATURE', message: 'Signature mismatch' }, 401), KEY, endpoint),
    ).toMatchObject({ state: 'invalid' });
    expect(
      gate.parse(
        answer({ label: 'IP_FORBIDDEN', message: 'Request IP not in whitelist' }, 403),
        KEY,
        endpoint,
      ),
    ).toMatchObject({
      state: 'restricted',
    });
    expect(
      gate.parse(answer({ label: 'REQUEST_EXPIRED', message: 'gap too large' }, 401), KEY, endpoint),
    ).toMatchObject({
      state: 'unknown',
      reason: 'clock-skew',
    });
  });
});
