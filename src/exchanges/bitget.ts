import { HEX_LOWER, fact, pemPattern, sample, source, syntheticPem, unknown } from './kit';
import type { Exchange } from './types';

const ACCOUNT_INFO = source(
  'https://www.bitget.com/api-doc/spot/account/Get-Account-Info',
  'official',
  'GET /api/v2/spot/account/info returns ips and authorities (read via a docs mirror); unified accounts use GET /api/v3/account/info',
);
const SIGNING = source(
  'https://www.bitget.com/api-doc/common/signature',
  'official',
  'ACCESS-KEY / ACCESS-SIGN / ACCESS-TIMESTAMP / ACCESS-PASSPHRASE; HMAC-SHA256 base64, or RSA',
);
const SAMPLES = source(
  'https://github.com/search?q=bg_+BITGET_API_KEY&type=code',
  'observed',
  'seen in public .env files and READMEs; Bitget documents no key format',
);

export const bitget: Exchange = {
  id: 'bitget',
  name: 'Bitget',
  webDomains: ['bitget.com'],
  apiHosts: ['api.bitget.com'],
  fields: [
    { kind: 'apiKey', label: 'API Key', secret: false, optional: false, source: SIGNING },
    { kind: 'secret', label: 'Secret Key', secret: true, optional: true, variant: 'hmac', source: SIGNING },
    {
      kind: 'privateKey',
      label: 'RSA Private Key',
      secret: true,
      optional: true,
      variant: 'rsa',
      source: SIGNING,
    },
    { kind: 'passphrase', label: 'Passphrase', secret: true, optional: false, source: SIGNING },
  ],
  shapes: [
    {
      id: 'bitget.apiKey',
      field: 'apiKey',
      pattern: /^bg_[0-9a-f]{32}$/,
      description: '"bg_" and 32 lower-case hex digits',
      // The prefix would be distinctive, but it is only observed, not documented.
      distinctive: false,
      examples: [],
      synthetic: [`bg_${sample(HEX_LOWER, 32)}`],
      source: SAMPLES,
    },
    {
      id: 'bitget.secret.hmac',
      field: 'secret',
      variant: 'hmac',
      pattern: /^[0-9a-f]{64}$/,
      description: '64 lower-case hex digits',
      distinctive: false,
      examples: [],
      synthetic: [sample(HEX_LOWER, 64)],
      source: SAMPLES,
    },
    {
      id: 'bitget.privateKey.rsa',
      field: 'privateKey',
      variant: 'rsa',
      pattern: pemPattern('(?:RSA )?PRIVATE KEY', 1000, 4000),
      description: 'PEM RSA private key block',
      distinctive: false,
      examples: [],
      synthetic: [syntheticPem('PRIVATE KEY', 1624)],
      source: source(
        'https://github.com/BitgetLimited/v3-bitget-api-sdk',
        'code',
        'SDK signs with an RSA private key when configured',
      ),
    },
  ],
  keywords: [
    'bitget',
    'access-passphrase',
    'bitget_api_key',
    'bitget_api_secret',
    'bitget_secret_key',
    'bitget_passphrase',
    'bitget_secret',
  ],
  links: {
    keyManagement: fact(
      'https://www.bitget.com/account/newapi',
      source('https://www.bitget.com/account/newapi', 'third-party', 'linked by many bot guides'),
    ),
    activity: unknown('No official address found for login history or order pages.'),
    support: unknown('No official support address confirmed.'),
  },
  permissions: fact(
    [
      { id: 'stor', label: 'Spot (read)', kind: 'read', dangerous: false },
      { id: 'stow', label: 'Spot trade', kind: 'trade', dangerous: false },
      { id: 'smow', label: 'Margin trade', kind: 'trade', dangerous: false },
      { id: 'coow', label: 'Futures orders', kind: 'trade', dangerous: false },
      { id: 'cpow', label: 'Futures holdings', kind: 'trade', dangerous: false },
      { id: 'ttow', label: 'Copy trading', kind: 'trade', dangerous: false },
      { id: 'wtow', label: 'Transfer', kind: 'transfer', dangerous: true },
      { id: 'chow', label: 'Sub-accounts', kind: 'subaccount', dangerous: true },
      { id: 'wwow', label: 'Withdraw', kind: 'withdraw', dangerous: true },
    ],
    source(ACCOUNT_INFO.url, 'official', 'authorities codes from the account-info response; labels are ours'),
  ),
  policies: {
    ipAllowlist: fact({ supported: true }, ACCOUNT_INFO),
    expiry: unknown('No official statement on automatic expiry found.'),
    rules: [],
  },
  signing: fact(
    {
      algorithms: ['HMAC-SHA256', 'RSA-SHA256'],
      output: 'base64',
      prehash: 'timestamp + METHOD + path + ("?" + query, when present) + body',
      headers: ['ACCESS-KEY', 'ACCESS-SIGN', 'ACCESS-TIMESTAMP', 'ACCESS-PASSPHRASE'],
      source: SIGNING,
    },
    SIGNING,
  ),
  permissionEndpoint: fact(
    {
      method: 'GET',
      origin: 'https://api.bitget.com',
      path: '/api/v2/spot/account/info',
      source: ACCOUNT_INFO,
    },
    ACCOUNT_INFO,
  ),
};
