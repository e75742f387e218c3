import { BASE64, fact, sample, source, unknown } from './kit';
import type { Exchange } from './types';

const AUTH = source(
  'https://docs.kraken.com/api/docs/guides/spot-rest-auth',
  'official',
  'API-Key / API-Sign; HMAC-SHA512 of path + SHA256(nonce + body) with the base64-decoded private key; test vector reproduces',
);
const KEY_INFO = source(
  'https://docs.kraken.com/api-reference/account-data/get-api-key-info',
  'official',
  'POST /0/private/GetApiKeyInfo, "API Key Permissions Required: None"; returns permissions, ipAllowlist, validUntil',
);
const SUPPORT_ARTICLE = source(
  'https://support.kraken.com/hc/en-us/articles/360000919966-How-to-create-an-API-key',
  'official',
  'permission names, IP allow-list, optional expiry date, query start/end, nonce window',
);
const TRUFFLEHOG = source(
  'https://github.com/trufflesecurity/trufflehog/blob/main/pkg/detectors/kraken/kraken.go',
  'code',
  'key: 56 base64 characters',
);

export const kraken: Exchange = {
  id: 'kraken',
  name: 'Kraken',
  webDomains: ['kraken.com'],
  apiHosts: ['api.kraken.com', 'futures.kraken.com'],
  fields: [
    { kind: 'apiKey', label: 'API Key', secret: false, optional: false, source: AUTH },
    { kind: 'secret', label: 'Private Key', secret: true, optional: false, source: AUTH },
  ],
  shapes: [
    {
      id: 'kraken.apiKey',
      field: 'apiKey',
      pattern: /^[A-Za-z0-9+/=]{56}$/,
      description: '56 base64 characters',
      distinctive: false,
      examples: [],
      synthetic: [sample(BASE64, 56)],
      source: TRUFFLEHOG,
    },
    {
      id: 'kraken.secret',
      field: 'secret',
      pattern: /^[A-Za-z0-9+/]{86}==$/,
      description: '88 base64 characters ending "==" (64 bytes)',
      // Same shape as a Coinbase Ed25519 private key.
      distinctive: false,
      examples: ['kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg=='],
      source: AUTH,
    },
  ],
  keywords: [
    'kraken',
    'api-sign',
    'kraken_api_key',
    'kraken_api_secret',
    'kraken_private_key',
    'kraken_secret',
  ],
  links: {
    keyManagement: fact(
      'https://pro.kraken.com/app/settings/api',
      source(
        'https://pro.kraken.com/app/settings/api',
        'third-party',
        'linked by bot guides; older path kraken.com/u/security/api',
      ),
    ),
    activity: unknown('No official address found for login history or order pages.'),
    support: fact('https://support.kraken.com', SUPPORT_ARTICLE),
  },
  permissions: fact(
    [
      { id: 'query-funds', label: 'Query Funds', kind: 'read', dangerous: false },
      { id: 'query-open-trades', label: 'Query Open Orders & Trades', kind: 'read', dangerous: false },
      { id: 'query-closed-trades', label: 'Query Closed Orders & Trades', kind: 'read', dangerous: false },
      { id: 'query-ledger', label: 'Query Ledger Entries', kind: 'read', dangerous: false },
      { id: 'export-data', label: 'Export Data', kind: 'read', dangerous: false },
      { id: 'modify-trades', label: 'Create & Modify Orders', kind: 'trade', dangerous: false },
      { id: 'cancel-trades', label: 'Cancel & Close Orders', kind: 'trade', dangerous: false },
      { id: 'earn', label: 'Earn', kind: 'trade', dangerous: false },
      { id: 'deposit-funds', label: 'Deposit Funds', kind: 'other', dangerous: false },
      { id: 'websocket', label: 'Access WebSockets API', kind: 'other', dangerous: false },
      { id: 'withdraw-funds', label: 'Withdraw Funds', kind: 'withdraw', dangerous: true },
    ],
    source(
      SUPPORT_ARTICLE.url,
      'official',
      'labels from the support article; ids as GetApiKeyInfo reports them where seen',
    ),
  ),
  policies: {
    ipAllowlist: fact({ supported: true, cidr: true }, SUPPORT_ARTICLE),
    expiry: fact(
      [],
      source(SUPPORT_ARTICLE.url, 'official', 'no forced expiry; the user may set an optional expiry date'),
    ),
    rules: [],
  },
  signing: fact(
    {
      algorithms: ['HMAC-SHA512'],
      output: 'base64',
      prehash: 'uri path + SHA256(nonce + POST data), keyed with the base64-decoded private key',
      headers: ['API-Key', 'API-Sign'],
      source: AUTH,
    },
    AUTH,
  ),
  permissionEndpoint: fact(
    { method: 'POST', origin: 'https://api.kraken.com', path: '/0/private/GetApiKeyInfo', source: KEY_INFO },
    KEY_INFO,
  ),
};
