import { SAMPLE_UUID, UUID, fact, pemPattern, sample, source, syntheticPem, unknown, BASE64 } from './kit';
import type { Exchange } from './types';

const AUTH_OVERVIEW = source(
  'https://docs.cdp.coinbase.com/get-started/authentication/overview',
  'official',
  'Secret API keys: Ed25519 (default) or ECDSA',
);
const APP_KEYS = source(
  'https://docs.cdp.coinbase.com/coinbase-app/authentication-authorization/api-key-authentication',
  'official',
  'keys are created in the CDP portal; the Coinbase App SDKs need ECDSA (ES256) keys',
);
const ADVANCED_PY = source(
  'https://github.com/coinbase/coinbase-advanced-py/blob/master/coinbase/jwt_generator.py',
  'official',
  'ES256 for "BEGIN EC PRIVATE KEY" secrets, EdDSA for base64 Ed25519 secrets; kid = key name',
);
const KEY_PERMISSIONS = source(
  'https://docs.cdp.coinbase.com/api-reference/advanced-trade-api/rest-api/data-api/get-api-key-permissions',
  'official',
  'GET /api/v3/brokerage/key_permissions: can_view, can_trade, can_transfer, portfolio_uuid',
);
const CCXT = source(
  'https://github.com/ccxt/ccxt/blob/master/js/src/coinbase.js',
  'code',
  'Ed25519 secret is base64 of 64 bytes (seed ‖ public key); legacy v2 keys use CB-ACCESS-* HMAC',
);

/** Coinbase Advanced Trade and the Coinbase App, with CDP secret API keys (JWT auth). */
export const coinbase: Exchange = {
  id: 'coinbase',
  name: 'Coinbase (Advanced Trade / CDP keys)',
  webDomains: ['coinbase.com'],
  apiHosts: ['api.coinbase.com', 'api.cdp.coinbase.com'],
  fields: [
    {
      kind: 'apiKey',
      label: 'API key name',
      secret: false,
      optional: false,
      variant: 'ecdsa',
      source: ADVANCED_PY,
    },
    {
      kind: 'apiKey',
      label: 'API key ID',
      secret: false,
      optional: false,
      variant: 'ed25519',
      source: AUTH_OVERVIEW,
    },
    {
      kind: 'privateKey',
      label: 'Private key',
      secret: true,
      optional: true,
      variant: 'ecdsa',
      source: ADVANCED_PY,
    },
    {
      kind: 'privateKey',
      label: 'Private key',
      secret: true,
      optional: true,
      variant: 'ed25519',
      source: ADVANCED_PY,
    },
    {
      kind: 'secret',
      label: 'API Secret (legacy)',
      secret: true,
      optional: true,
      variant: 'legacy-hmac',
      source: CCXT,
    },
  ],
  shapes: [
    {
      id: 'coinbase.apiKey.ecdsa',
      field: 'apiKey',
      variant: 'ecdsa',
      pattern: new RegExp(`^organizations/${UUID}/apiKeys/${UUID}$`),
      description: '"organizations/<uuid>/apiKeys/<uuid>"',
      distinctive: true,
      examples: [],
      synthetic: [`organizations/${SAMPLE_UUID}/apiKeys/${SAMPLE_UUID}`],
      source: source(ADVANCED_PY.url, 'official', 'documented as organizations/{org_id}/apiKeys/{key_id}'),
    },
    {
      id: 'coinbase.apiKey.ed25519',
      field: 'apiKey',
      variant: 'ed25519',
      pattern: new RegExp(`^${UUID}$`),
      description: 'a lower-case UUID',
      distinctive: false,
      examples: [],
      synthetic: [SAMPLE_UUID],
      source: source(AUTH_OVERVIEW.url, 'official', 'Ed25519 keys are identified by a bare key id'),
    },
    {
      id: 'coinbase.privateKey.ecdsa',
      field: 'privateKey',
      variant: 'ecdsa',
      // SEC1 P-256: 121 DER bytes, about 164 base64 characters plus line breaks (or escaped "\n").
      pattern: pemPattern('EC PRIVATE KEY', 150, 260),
      description: 'PEM "BEGIN EC PRIVATE KEY" block (P-256)',
      // Any EC key looks like this; the key name next to it is what says "Coinbase".
      distinctive: false,
      examples: [],
      synthetic: [syntheticPem('EC PRIVATE KEY', 164)],
      source: ADVANCED_PY,
    },
    {
      id: 'coinbase.privateKey.ed25519',
      field: 'privateKey',
      variant: 'ed25519',
      pattern: /^[A-Za-z0-9+/]{86}==$/,
      description: '88 base64 characters ending "==" (64 bytes)',
      // Same shape as a Kraken private key.
      distinctive: false,
      examples: [],
      synthetic: [`${sample(BASE64, 86)}==`],
      source: CCXT,
    },
  ],
  keywords: [
    'coinbase',
    'cb-access-key',
    'coinbase_api_key',
    'coinbase_api_secret',
    'coinbase_api_key_name',
    'coinbase_api_private_key',
    'cdp_api_key_id',
    'cdp_api_key_name',
    'cdp_api_key_secret',
  ],
  links: {
    keyManagement: fact(
      'https://portal.cdp.coinbase.com/projects/api-keys',
      source(
        APP_KEYS.url,
        'official',
        'keys are listed under API Keys → Secret API Keys in the CDP portal; legacy keys: coinbase.com/settings/api',
      ),
    ),
    activity: unknown('No official address found for login history or order pages.'),
    support: fact('https://help.coinbase.com', source('https://help.coinbase.com', 'unconfirmed')),
  },
  permissions: fact(
    [
      { id: 'can_view', label: 'View', kind: 'read', dangerous: false },
      { id: 'can_trade', label: 'Trade', kind: 'trade', dangerous: false },
      // "Transfer" lets the key send funds off Coinbase.
      { id: 'can_transfer', label: 'Transfer', kind: 'withdraw', dangerous: true },
    ],
    KEY_PERMISSIONS,
  ),
  policies: {
    ipAllowlist: fact({ supported: true }, APP_KEYS),
    expiry: fact([], source(APP_KEYS.url, 'official', 'no automatic expiry is described')),
    rules: [
      {
        id: 'coinbase.app-sdk-ecdsa',
        description: 'The Coinbase App SDKs reject Ed25519 keys; ECDSA keys are needed there.',
        source: APP_KEYS,
      },
    ],
  },
  signing: fact(
    {
      algorithms: ['ES256-JWT', 'EdDSA-JWT'],
      output: 'jwt',
      prehash: 'JWT with kid = key name, sub = key name, iss "cdp", nbf/exp (120 s), uri "METHOD host/path"',
      headers: ['Authorization: Bearer'],
      source: ADVANCED_PY,
    },
    ADVANCED_PY,
  ),
  permissionEndpoint: fact(
    {
      method: 'GET',
      origin: 'https://api.coinbase.com',
      path: '/api/v3/brokerage/key_permissions',
      source: KEY_PERMISSIONS,
    },
    KEY_PERMISSIONS,
  ),
};
