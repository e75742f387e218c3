import { ALNUM, fact, sample, source, unknown } from './kit';
import type { Exchange } from './types';

const KEY_PAGE = source(
  'https://bingx.com/en-gb/account/api/',
  'official',
  'notes on the key page: 20 keys per account, 20 IPs per key, withdrawal needs an IP, 14-day deletion rule',
);
const SIGNING = source(
  'https://bingx-api.github.io/docs/#/en-us/swapV2/authentication',
  'official',
  'HMAC-SHA256 of the parameter string, hex, in the `signature` parameter. The worked example digest does not reproduce.',
);
const PERMISSIONS = source(
  'https://bingx-api.github.io/docs/#/en-us/common/sub-account#Query%20API%20Key%20Permissions',
  'official',
  'GET /openApi/v1/account/apiPermissions; permission codes 1 spot trading, 2 read, 3 perpetual futures, 4 universal transfer, 5 withdraw, 7 sub-account internal transfer (read via a docs mirror)',
);

export const bingx: Exchange = {
  id: 'bingx',
  name: 'BingX',
  webDomains: ['bingx.com'],
  apiHosts: ['open-api.bingx.com', 'open-api-vst.bingx.com'],
  fields: [
    { kind: 'apiKey', label: 'API Key', secret: false, optional: false, source: SIGNING },
    { kind: 'secret', label: 'Secret Key', secret: true, optional: false, source: SIGNING },
  ],
  shapes: [
    {
      id: 'bingx.apiKey',
      field: 'apiKey',
      pattern: /^[A-Za-z0-9]{64,96}$/,
      description: 'a long run of letters and digits (length unconfirmed)',
      distinctive: false,
      examples: [],
      synthetic: [sample(ALNUM, 81)],
      source: source(
        'https://bingx-api.github.io/docs/',
        'unconfirmed',
        'no documented key; one public sample was 81 characters',
      ),
    },
    {
      id: 'bingx.secret',
      field: 'secret',
      pattern: /^[A-Za-z0-9]{64,96}$/,
      description: 'a long run of letters and digits (the docs example is 83)',
      distinctive: false,
      examples: ['mheO6dR8ovSsxZQCOYEFCtelpuxcWGTfHw7te326y6jOwq5WpvFQ9JNljoTwBXZGv5It07m9RXSPpDQEK2w'],
      source: source(SIGNING.url, 'observed', 'one documented example secret (83 characters); range is ours'),
    },
  ],
  keywords: ['bingx', 'x-bx-apikey', 'bingx_api_key', 'bingx_api_secret', 'bingx_secret_key', 'bingx_secret'],
  links: {
    keyManagement: fact('https://bingx.com/en-gb/account/api/', KEY_PAGE),
    activity: unknown('No official address found for login history or order pages.'),
    support: unknown('No official support address confirmed.'),
  },
  permissions: fact(
    [
      { id: '2', label: 'Read', kind: 'read', dangerous: false },
      { id: '1', label: 'Spot Trading', kind: 'trade', dangerous: false },
      { id: '3', label: 'Perpetual Futures Trading', kind: 'trade', dangerous: false },
      { id: '4', label: 'Universal Transfer', kind: 'transfer', dangerous: true },
      { id: '7', label: 'Sub-account Internal Transfer', kind: 'subaccount', dangerous: true },
      { id: '5', label: 'Withdraw', kind: 'withdraw', dangerous: true },
    ],
    PERMISSIONS,
  ),
  policies: {
    ipAllowlist: fact({ supported: true, maxEntries: 20 }, KEY_PAGE),
    expiry: fact(
      [
        {
          id: 'bingx.unbound-inactive-14d',
          description:
            'A key with no IP and with trading, transfer or sub-account rights is deleted after 14 days without use.',
          trigger: 'inactivity',
          days: 14,
          effect: 'key-deleted',
          onlyWithoutIpAllowlist: true,
          whenPermissionKinds: ['trade', 'transfer', 'subaccount'],
          source: KEY_PAGE,
        },
      ],
      KEY_PAGE,
    ),
    rules: [
      {
        id: 'bingx.withdraw-needs-ip',
        description: 'Keys with withdrawal permission must be linked to an IP address.',
        source: KEY_PAGE,
      },
      {
        id: 'bingx.max-keys',
        description: 'At most 20 active keys per account or sub-account.',
        source: KEY_PAGE,
      },
    ],
  },
  signing: fact(
    {
      algorithms: ['HMAC-SHA256'],
      output: 'hex',
      prehash: 'the parameter string k1=v1&k2=v2… including timestamp',
      headers: ['X-BX-APIKEY', 'signature', 'timestamp'],
      source: SIGNING,
    },
    SIGNING,
  ),
  permissionEndpoint: fact(
    {
      method: 'GET',
      origin: 'https://open-api.bingx.com',
      path: '/openApi/v1/account/apiPermissions',
      source: PERMISSIONS,
    },
    PERMISSIONS,
  ),
};
