import { generateKeyPairSync, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { coinbase } from './coinbase';

// Coinbase publishes no vector (ES256 is randomised). Keys are generated here; node:crypto verifies ES256 JWTs and
// recomputes the deterministic EdDSA ones.
const ORIGIN = 'https://api.coinbase.com';
const KEY_NAME =
  'organizations/0f0e0d0c-0b0a-4908-8706-050403020100/apiKeys/0f0e0d0c-0b0a-4908-8706-050403020101';

function ecKey() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { pem: String(privateKey.export({ type: 'sec1', format: 'pem' })), publicKey };
}

function edKey() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const seed = Buffer.from(privateKey.export({ format: 'jwk' }).d ?? '', 'base64url');
  const pub = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url');
  return { secret: Buffer.concat([seed, pub]).toString('base64'), privateKey, publicKey };
}

const decode = (part: string) =>
  JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

describe('coinbase signer', () => {
  it('builds an ES256 JWT from a SEC1 PEM that node:crypto verifies', async () => {
    const { pem, publicKey } = ecKey();
    const request = coinbase.permissionRequest(
      { method: 'GET', origin: ORIGIN, path: '/api/v3/brokerage/key_permissions' },
      1_700_000_000_500,
    );
    const signed = await coinbase.sign(
      { ...request, nonce: 'abc123' },
      { apiKey: KEY_NAME, privateKey: pem },
      ORIGIN,
    );
    const jwt = (signed.headers.Authorization ?? '').replace(/^Bearer /, '');
    const [header = '', payload = '', signature = ''] = jwt.split('.');
    expect(decode(header)).toEqual({ alg: 'ES256', kid: KEY_NAME, nonce: 'abc123', typ: 'JWT' });
    expect(decode(payload)).toEqual({
      sub: KEY_NAME,
      iss: 'cdp',
      nbf: 1_700_000_000,
      exp: 1_700_000_120,
      uri: 'GET api.coinbase.com/api/v3/brokerage/key_permissions',
    });
    expect(signed.prehash).toBe(`${header}.${payload}`);
    const ok = nodeVerify(
      'sha256',
      Buffer.from(signed.prehash),
      { key: publicKey, dsaEncoding: 'ieee-p1363' },
      Buffer.from(signature, 'base64url'),
    );
    expect(ok).toBe(true);
  });

  it('accepts a PEM pasted with literal \\n escapes', async () => {
    const { pem, publicKey } = ecKey();
    const escaped = pem.replace(/\n/g, '\\n');
    const signed = await coinbase.sign(
      {
        method: 'GET',
        path: '/api/v3/brokerage/key_permissions',
        query: '',
        body: '',
        timestamp: '1700000000',
      },
      { apiKey: KEY_NAME, privateKey: escaped },
      ORIGIN,
    );
    const ok = nodeVerify(
      'sha256',
      Buffer.from(signed.prehash),
      { key: publicKey, dsaEncoding: 'ieee-p1363' },
      Buffer.from(signed.signature, 'base64url'),
    );
    expect(ok).toBe(true);
  });

  it('builds an EdDSA JWT identical to node:crypto’s from a base64 seed‖public key', async () => {
    const { secret, privateKey } = edKey();
    const signed = await coinbase.sign(
      {
        method: 'GET',
        path: '/api/v3/brokerage/key_permissions',
        query: 'x=1',
        body: '',
        timestamp: '1700000000',
        nonce: 'n',
      },
      { apiKey: 'key-id', privateKey: secret },
      ORIGIN,
    );
    expect(decode(signed.prehash.split('.')[0] ?? '')).toMatchObject({ alg: 'EdDSA' });
    // The query string is not part of the uri claim.
    expect(decode(signed.prehash.split('.')[1] ?? '')).toMatchObject({
      uri: 'GET api.coinbase.com/api/v3/brokerage/key_permissions',
    });
    expect(signed.signature).toBe(
      nodeSign(null, Buffer.from(signed.prehash), privateKey).toString('base64url'),
    );
  });

  it('rejects a key that is neither form, without echoing it', async () => {
    await expect(
      coinbase.sign(
        { method: 'GET', path: '/', query: '', body: '', timestamp: '1' },
        { apiKey: 'k', privateKey: 'short-legacy-secret' },
        ORIGIN,
      ),
    ).rejects.toThrow(/^The private key is neither an EC PEM nor a base64 Ed25519 key\.$/);
  });
});

describe('coinbase parser', () => {
  const endpoint = { method: 'GET', origin: ORIGIN, path: '/api/v3/brokerage/key_permissions' } as const;
  const creds = { apiKey: KEY_NAME, privateKey: 'unused' };

  it('maps the documented key_permissions answer', () => {
    const json = {
      can_view: true,
      can_trade: true,
      can_transfer: false,
      portfolio_uuid: 'x',
      portfolio_type: 'DEFAULT',
    };
    const verdict = coinbase.parse({ status: 200, text: JSON.stringify(json), json }, creds, endpoint);
    expect(verdict).toMatchObject({
      state: 'valid',
      ipRestricted: 'unknown',
      permissions: { ids: ['can_trade', 'can_view'] },
    });
  });

  it('reports 401 as invalid with the IP as a possible cause', () => {
    expect(coinbase.parse({ status: 401, text: 'Unauthorized\n', json: undefined }, creds, endpoint)).toEqual(
      {
        state: 'invalid',
        message: 'Unauthorized',
        ipMayBeCause: true,
      },
    );
  });
});
