import { SAMPLE_UUID, UUID, fact, source } from './kit';
import type { Exchange } from './types';

const AUTH = source(
  'https://www.okx.com/docs-v5/en/#overview-rest-authentication',
  'official',
  'SecretKey example 22582BD0CFF14C41EDBF1AB98506286D; HMAC-SHA256 base64 (read via mirrored copies)',
);
const FAQ = source(
  'https://www.okx.com/help/api-faq',
  'official',
  'passphrase cannot be recovered; up to 20 IP addresses per key; permissions Read, Trade, Withdraw',
);
const KEY_SECURITY = source(
  'https://www.okx.com/docs-v5/en/#overview-api-key-security',
  'official',
  '"API keys with trading or withdrawal permissions that are not bound to IPs will expire after 14 days of inactivity. (API keys in demo trading will not be deleted.)" – also in the create-sub-account-key docs',
);
const CONFIG = source(
  'https://www.okx.com/docs-v5/en/#trading-account-rest-api-get-account-configuration',
  'official',
  'GET /api/v5/account/config: perm (read_only,trade,withdraw), ip, label',
);

export const okx: Exchange = {
  id: 'okx',
  name: 'OKX',
  webDomains: ['okx.com'],
  apiHosts: ['www.okx.com', 'my.okx.com', 'eea.okx.com', 'app.okx.com', 'aws.okx.com'],
  fields: [
    { kind: 'apiKey', label: 'API key', secret: false, optional: false, source: AUTH },
    { kind: 'secret', label: 'Secret key', secret: true, optional: false, source: AUTH },
    { kind: 'passphrase', label: 'Passphrase', secret: true, optional: false, source: FAQ },
  ],
  shapes: [
    {
      id: 'okx.apiKey',
      field: 'apiKey',
      pattern: new RegExp(`^${UUID}$`),
      description: 'a lower-case UUID (8-4-4-4-12 hex)',
      distinctive: false,
      examples: [],
      synthetic: [SAMPLE_UUID],
      source: source(
        AUTH.url,
        'observed',
        'UUID form seen in the WebSocket login examples and public samples',
      ),
    },
    {
      id: 'okx.secret',
      field: 'secret',
      pattern: /^[0-9A-F]{32}$/,
      description: '32 upper-case hex digits',
      // Same shape as an upper-case MD5 digest.
      distinctive: false,
      examples: ['22582BD0CFF14C41EDBF1AB98506286D'],
      source: AUTH,
    },
  ],
  keywords: [
    'okx',
    'okex',
    'ok-access-key',
    'ok-access-passphrase',
    'okx_api_key',
    'okx_api_secret',
    'okx_secret_key',
    'okx_passphrase',
    'okx_secret',
  ],
  links: {
    keyManagement: fact(
      'https://www.okx.com/account/my-api',
      source(
        'https://www.okx.com/account/my-api',
        'third-party',
        'linked by many bot guides; the FAQ says Profile → API',
      ),
    ),
    activity: fact(
      [
        {
          label: 'Security Center (usage records of unbound trading keys)',
          url: 'https://www.okx.com/account/security',
        },
      ],
      KEY_SECURITY,
    ),
    support: fact('https://www.okx.com/help', FAQ),
  },
  permissions: fact(
    [
      { id: 'read_only', label: 'Read', kind: 'read', dangerous: false },
      { id: 'trade', label: 'Trade', kind: 'trade', dangerous: false },
      { id: 'withdraw', label: 'Withdraw', kind: 'withdraw', dangerous: true },
    ],
    FAQ,
  ),
  policies: {
    ipAllowlist: fact({ supported: true, maxEntries: 20 }, FAQ),
    expiry: fact(
      [
        {
          id: 'okx.unbound-inactive-14d',
          description:
            'A key with trade or withdraw rights and no IP bound expires after 14 days without use.',
          trigger: 'inactivity',
          days: 14,
          effect: 'key-invalid',
          onlyWithoutIpAllowlist: true,
          whenPermissionKinds: ['trade', 'withdraw'],
          source: KEY_SECURITY,
        },
      ],
      KEY_SECURITY,
    ),
    rules: [
      {
        id: 'okx.passphrase-unrecoverable',
        description: 'OKX cannot recover a lost passphrase; the key must be replaced.',
        source: FAQ,
      },
    ],
  },
  signing: fact(
    {
      algorithms: ['HMAC-SHA256'],
      output: 'base64',
      prehash: 'ISO-8601 timestamp + METHOD + requestPath (with query) + body',
      headers: ['OK-ACCESS-KEY', 'OK-ACCESS-SIGN', 'OK-ACCESS-TIMESTAMP', 'OK-ACCESS-PASSPHRASE'],
      source: AUTH,
    },
    AUTH,
  ),
  permissionEndpoint: fact(
    { method: 'GET', origin: 'https://www.okx.com', path: '/api/v5/account/config', source: CONFIG },
    CONFIG,
  ),
};
