import { fact, pemPattern, source, syntheticPem, unknown } from './kit';
import type { Exchange } from './types';

const DOCS_REST = source(
  'https://github.com/binance/binance-spot-api-docs/blob/master/rest-api.md',
  'official',
  'SIGNED endpoint examples; HMAC keys are described as deprecated in favour of Ed25519',
);
const DOCS_KEY_TYPES = source(
  'https://github.com/binance/binance-spot-api-docs/blob/master/faqs/api_key_types.md',
  'official',
  'Ed25519 (recommended) and RSA keys: the user generates the pair and keeps a PKCS#8 PEM private key',
);
const DOCS_RESTRICTIONS = source(
  'https://developers.binance.com/docs/wallet/account/api-key-permission',
  'official',
  'enableWithdrawals "must apply the IP Access Restriction filter"',
);
const DOCS_SUB_KEY = source(
  'https://developers.binance.com/docs/sub_account/api-management/Create-Sub-account-API-Key',
  'official',
  'response example reuses the spot docs key pair',
);
const DOCS_FUTURES = source(
  'https://developers.binance.com/docs/derivatives/usds-margined-futures/general-info',
  'official',
  'USDⓈ-M futures use the same API key (it needs the Futures permission); HMAC example key pair',
);
const ANNOUNCEMENT_2021 = source(
  'https://www.binance.com/en-IN/support/announcement/cda0a4b53da04396b5d27881e93abf78',
  'official',
  'Updates to API Key Permission Rules (2021-07-08)',
);

/** Binance spot and USDⓈ-M futures: one account, one key page, the same keys. */
export const binance: Exchange = {
  id: 'binance',
  name: 'Binance',
  // binance.us is a separate company with its own keys; it is deliberately not listed here.
  webDomains: ['binance.com'],
  apiHosts: [
    'api.binance.com',
    'api1.binance.com',
    'api2.binance.com',
    'api3.binance.com',
    'api4.binance.com',
    'fapi.binance.com',
    'dapi.binance.com',
    'eapi.binance.com',
    'papi.binance.com',
    'testnet.binance.vision',
    'testnet.binancefuture.com',
  ],
  fields: [
    { kind: 'apiKey', label: 'API Key', secret: false, optional: false, source: DOCS_REST },
    { kind: 'secret', label: 'Secret Key', secret: true, optional: true, variant: 'hmac', source: DOCS_REST },
    {
      kind: 'privateKey',
      label: 'Private Key',
      secret: true,
      optional: true,
      variant: 'ed25519',
      source: DOCS_KEY_TYPES,
    },
    {
      kind: 'privateKey',
      label: 'Private Key',
      secret: true,
      optional: true,
      variant: 'rsa',
      source: DOCS_KEY_TYPES,
    },
  ],
  shapes: [
    {
      id: 'binance.apiKey',
      field: 'apiKey',
      pattern: /^[A-Za-z0-9]{64}$/,
      description: '64 letters and digits',
      // A 64-character hex digest also fits (the futures docs example is all hex), so context is needed.
      distinctive: false,
      examples: [
        'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A',
        'dbefbc809e3e83c283a984c3a1459732ea7db1360ca80c5c2c8867408d28cc83',
      ],
      source: DOCS_REST,
    },
    {
      id: 'binance.secret.hmac',
      field: 'secret',
      variant: 'hmac',
      pattern: /^[A-Za-z0-9]{64}$/,
      description: '64 letters and digits',
      distinctive: false,
      examples: [
        'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j',
        '2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9',
      ],
      source: DOCS_FUTURES,
    },
    {
      id: 'binance.privateKey.ed25519',
      field: 'privateKey',
      variant: 'ed25519',
      // PKCS#8 Ed25519: 48 DER bytes, 64 base64 characters (plus line breaks).
      pattern: pemPattern('PRIVATE KEY', 64, 80),
      description: 'PEM "BEGIN PRIVATE KEY" block with a 64-character body (Ed25519, PKCS#8)',
      // Any PKCS#8 Ed25519 key looks like this; only context says it is a Binance key.
      distinctive: false,
      examples: [],
      synthetic: [syntheticPem('PRIVATE KEY', 64)],
      source: DOCS_KEY_TYPES,
    },
    {
      id: 'binance.privateKey.rsa',
      field: 'privateKey',
      variant: 'rsa',
      pattern: pemPattern('PRIVATE KEY', 1000, 4000),
      description: 'PEM "BEGIN PRIVATE KEY" block with a long body (RSA 2048/4096, PKCS#8)',
      distinctive: false,
      examples: [],
      synthetic: [syntheticPem('PRIVATE KEY', 1624)],
      source: DOCS_KEY_TYPES,
    },
  ],
  keywords: [
    'binance',
    'x-mbx-apikey',
    'binance_api_key',
    'binance_api_secret',
    'binance_secret_key',
    'binance_secret',
    'binance_private_key',
  ],
  links: {
    keyManagement: fact(
      'https://www.binance.com/en/my/settings/api-management',
      source(
        'https://www.binance.com/en/my/settings/api-management',
        'third-party',
        'linked by many bot guides',
      ),
    ),
    activity: unknown(
      'Exact URLs not confirmed. In the app: Profile → Security → Account Activity / Devices.',
    ),
    support: fact(
      'https://www.binance.com/en/support/faq/360002502072',
      source(
        'https://github.com/binance/binance-spot-api-docs/blob/master/faqs/api_key_types.md',
        'official',
        'API key FAQ linked from the docs',
      ),
    ),
  },
  permissions: fact(
    [
      { id: 'enableReading', label: 'Enable Reading', kind: 'read', dangerous: false },
      {
        id: 'enableSpotAndMarginTrading',
        label: 'Enable Spot & Margin Trading',
        kind: 'trade',
        dangerous: false,
      },
      { id: 'enableMargin', label: 'Enable Margin Loan, Repay & Transfer', kind: 'trade', dangerous: false },
      { id: 'enableFutures', label: 'Enable Futures', kind: 'trade', dangerous: false },
      { id: 'enableVanillaOptions', label: 'Enable European Options', kind: 'trade', dangerous: false },
      {
        id: 'enablePortfolioMarginTrading',
        label: 'Enable Portfolio Margin Trading',
        kind: 'trade',
        dangerous: false,
      },
      { id: 'enableFixApiTrade', label: 'FIX API Trade', kind: 'trade', dangerous: false },
      { id: 'enableFixReadOnly', label: 'FIX API Read', kind: 'read', dangerous: false },
      {
        id: 'permitsUniversalTransfer',
        label: 'Permits Universal Transfer',
        kind: 'transfer',
        dangerous: true,
      },
      {
        id: 'enableInternalTransfer',
        label: 'Enable Internal Transfer',
        kind: 'subaccount',
        dangerous: true,
      },
      { id: 'enableWithdrawals', label: 'Enable Withdrawals', kind: 'withdraw', dangerous: true },
    ],
    source(
      'https://developers.binance.com/docs/wallet/account/api-key-permission',
      'official',
      'ids are the apiRestrictions response fields; labels follow the key page',
    ),
  ),
  policies: {
    // status 1 unrestricted, 2 trusted IPs, 3 trusted third-party IPs; no per-key maximum stated for normal keys.
    ipAllowlist: fact({ supported: true }, DOCS_SUB_KEY),
    expiry: fact(
      [
        {
          id: 'binance.spot-trading-30d',
          description:
            'On a key with no IP allow-list, "Enable Spot & Margin Trading" is switched off 30 days after it was enabled.',
          trigger: 'creation',
          days: 30,
          effect: 'permission-removed',
          onlyWithoutIpAllowlist: true,
          whenPermissionKinds: ['trade'],
          removesPermissions: ['enableSpotAndMarginTrading'],
          source: ANNOUNCEMENT_2021,
        },
        {
          id: 'binance.inactive-unrestricted-deleted-30d',
          description: 'A key with no IP allow-list that is unused for 30 days is deleted.',
          trigger: 'inactivity',
          days: 30,
          effect: 'key-deleted',
          onlyWithoutIpAllowlist: true,
          whenPermissionKinds: [],
          source: source(
            'https://helpdesk.bitsgap.com/en/articles/6838861-how-do-i-whitelist-the-bitsgap-ip-address-in-binance',
            'third-party',
            'bot vendor help page; no Binance source found',
          ),
        },
      ],
      ANNOUNCEMENT_2021,
    ),
    rules: [
      {
        id: 'binance.withdrawals-need-ip',
        description: 'Withdrawals can only be enabled on a key with an IP access restriction.',
        source: DOCS_RESTRICTIONS,
      },
      {
        id: 'binance.futures-after-account',
        description: 'Keys created before the futures account was opened cannot use futures.',
        source: DOCS_RESTRICTIONS,
      },
    ],
  },
  signing: fact(
    {
      algorithms: ['HMAC-SHA256', 'Ed25519', 'RSA-SHA256'],
      output: 'hex',
      prehash: 'query string + request body as sent (HMAC: hex; Ed25519 and RSA: base64)',
      headers: ['X-MBX-APIKEY', 'signature', 'timestamp', 'recvWindow'],
      source: DOCS_REST,
    },
    DOCS_REST,
  ),
  permissionEndpoint: fact(
    {
      method: 'GET',
      origin: 'https://api.binance.com',
      path: '/sapi/v1/account/apiRestrictions',
      source: DOCS_RESTRICTIONS,
    },
    DOCS_RESTRICTIONS,
  ),
};
