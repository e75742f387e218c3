import { HEX_LOWER, SAMPLE_UUID, UUID, fact, sample, source, unknown } from './kit';
import type { Exchange } from './types';

const SDK_SIGNER = source(
  'https://github.com/Kucoin/kucoin-universal-sdk',
  'official',
  'KuCoin’s own SDK: KC-API-* headers, HMAC-SHA256 base64, passphrase HMAC’d for key versions 2/3; getApikeyInfo = GET /api/v1/user/api-key',
);
const V2_UPGRADE = source(
  'https://www.kucoin.com/support/900006465403',
  'official',
  'API key v2 required since 2021-05-13: the passphrase is sent encrypted',
);
const SCANNERS = source(
  'https://github.com/trufflesecurity/trufflehog/blob/main/pkg/detectors/kucoin/kucoin.go',
  'code',
  'key 24 lower-case hex, secret a UUID; gitleaks agrees',
);

export const kucoin: Exchange = {
  id: 'kucoin',
  name: 'KuCoin',
  webDomains: ['kucoin.com'],
  apiHosts: ['api.kucoin.com', 'api-futures.kucoin.com', 'openapi-sandbox.kucoin.com'],
  fields: [
    { kind: 'apiKey', label: 'API Key', secret: false, optional: false, source: SDK_SIGNER },
    { kind: 'secret', label: 'API Secret', secret: true, optional: false, source: SDK_SIGNER },
    { kind: 'passphrase', label: 'API Passphrase', secret: true, optional: false, source: V2_UPGRADE },
  ],
  shapes: [
    {
      id: 'kucoin.apiKey',
      field: 'apiKey',
      pattern: /^[0-9a-f]{24}$/,
      description: '24 lower-case hex digits',
      // Same shape as a MongoDB ObjectId.
      distinctive: false,
      examples: [],
      synthetic: [sample(HEX_LOWER, 24)],
      source: SCANNERS,
    },
    {
      id: 'kucoin.secret',
      field: 'secret',
      pattern: new RegExp(`^${UUID}$`),
      description: 'a lower-case UUID',
      distinctive: false,
      examples: [],
      synthetic: [SAMPLE_UUID],
      source: SCANNERS,
    },
  ],
  keywords: [
    'kucoin',
    'kc-api-key',
    'kc-api-passphrase',
    'kucoin_api_key',
    'kucoin_api_secret',
    'kucoin_secret',
    'kucoin_passphrase',
    'kucoin_api_passphrase',
  ],
  links: {
    keyManagement: fact(
      'https://www.kucoin.com/account/api',
      source('https://www.kucoin.com/account/api', 'third-party', 'linked by bot guides'),
    ),
    activity: unknown('No official address found for login history or order pages.'),
    support: fact('https://www.kucoin.com/support', V2_UPGRADE),
  },
  permissions: fact(
    [
      { id: 'General', label: 'General', kind: 'read', dangerous: false },
      { id: 'Spot', label: 'Spot Trading', kind: 'trade', dangerous: false },
      { id: 'Margin', label: 'Margin Trading', kind: 'trade', dangerous: false },
      { id: 'Futures', label: 'Futures Trading', kind: 'trade', dangerous: false },
      { id: 'Earn', label: 'Earn', kind: 'trade', dangerous: false },
      { id: 'InnerTransfer', label: 'Inner Transfer', kind: 'transfer', dangerous: true },
      // Treated as withdrawal until KuCoin's own page confirms which label grants it.
      { id: 'Transfer', label: 'Transfer (withdrawal)', kind: 'withdraw', dangerous: true },
    ],
    source(SDK_SIGNER.url, 'code', 'permission values from the SDK api-key model; UI labels not confirmed'),
  ),
  policies: {
    ipAllowlist: fact({ supported: true }, SDK_SIGNER),
    expiry: unknown('No official statement on automatic expiry found.'),
    rules: [
      {
        id: 'kucoin.key-v2',
        description: 'Only key version 2 or later is accepted: the passphrase must be sent HMAC-encrypted.',
        source: V2_UPGRADE,
      },
    ],
  },
  signing: fact(
    {
      algorithms: ['HMAC-SHA256'],
      output: 'base64',
      prehash:
        'timestamp + METHOD + endpoint (with query) + body; passphrase = base64(HMAC-SHA256(secret, passphrase))',
      headers: ['KC-API-KEY', 'KC-API-SIGN', 'KC-API-TIMESTAMP', 'KC-API-PASSPHRASE', 'KC-API-KEY-VERSION'],
      source: SDK_SIGNER,
    },
    SDK_SIGNER,
  ),
  permissionEndpoint: fact(
    { method: 'GET', origin: 'https://api.kucoin.com', path: '/api/v1/user/api-key', source: SDK_SIGNER },
    SDK_SIGNER,
  ),
};
