import { ALNUM, fact, sample, source, unknown } from './kit';
import type { Exchange } from './types';

const API_DOCS = source(
  'https://exchange-docs.crypto.com/exchange/v1/rest-ws/index.html#digital-signature',
  'official',
  'api_key, sig and nonce in the JSON body; HMAC-SHA256 hex of method + id + api_key + sorted params + nonce; nonce within 60 s',
);
const SUMMARY = source(
  'https://raw.githubusercontent.com/api-evangelist/crypto-com/refs/heads/main/authentication/crypto-com-authentication.yml',
  'third-party',
  'summary of Crypto.com’s docs: keys made under User Center → API; read-only by default; optional source-IP allow-list',
);
const LOOSE = source(API_DOCS.url, 'unconfirmed', 'no documented key format found');

export const cryptocom: Exchange = {
  id: 'cryptocom',
  name: 'Crypto.com Exchange',
  webDomains: ['crypto.com'],
  apiHosts: ['api.crypto.com', 'uat-api.3ona.co'],
  fields: [
    { kind: 'apiKey', label: 'API Key', secret: false, optional: false, source: API_DOCS },
    { kind: 'secret', label: 'Secret Key', secret: true, optional: false, source: API_DOCS },
  ],
  shapes: [
    {
      id: 'cryptocom.apiKey',
      field: 'apiKey',
      pattern: /^[A-Za-z0-9]{16,64}$/,
      description: '16 to 64 letters and digits (unconfirmed)',
      distinctive: false,
      examples: [],
      synthetic: [sample(ALNUM, 22)],
      source: LOOSE,
    },
    {
      id: 'cryptocom.secret',
      field: 'secret',
      pattern: /^[A-Za-z0-9]{16,64}$/,
      description: '16 to 64 letters and digits (unconfirmed)',
      distinctive: false,
      examples: [],
      synthetic: [sample(ALNUM, 22)],
      source: LOOSE,
    },
  ],
  keywords: [
    'crypto.com',
    'cryptocom',
    'cdc_api_key',
    'cryptocom_api_key',
    'cryptocom_api_secret',
    'cryptocom_secret_key',
    'crypto_com_api_key',
    'crypto_com_api_secret',
  ],
  links: {
    keyManagement: fact(
      'https://crypto.com/exchange/user/settings/api-management',
      source(
        'https://crypto.com/exchange/user/settings/api-management',
        'third-party',
        'linked by bot guides',
      ),
    ),
    activity: unknown('No official address found for login history or order pages.'),
    support: unknown('No official support address confirmed.'),
  },
  permissions: fact(
    [
      { id: 'read', label: 'Read', kind: 'read', dangerous: false },
      { id: 'trade', label: 'Trade', kind: 'trade', dangerous: false },
      { id: 'withdraw', label: 'Withdraw', kind: 'withdraw', dangerous: true },
    ],
    SUMMARY,
  ),
  policies: {
    ipAllowlist: fact({ supported: true }, SUMMARY),
    expiry: unknown('No statement on automatic expiry found.'),
    rules: [],
  },
  signing: fact(
    {
      algorithms: ['HMAC-SHA256'],
      output: 'hex',
      prehash: 'method + id + api_key + sorted params (key+value, no separators) + nonce',
      headers: ['api_key', 'sig', 'nonce'],
      source: API_DOCS,
    },
    API_DOCS,
  ),
  permissionEndpoint: unknown('No documented request reports the calling key’s own permissions.'),
};
