import { ALNUM, fact, pemPattern, sample, source, syntheticPem, unknown } from './kit';
import type { Exchange } from './types';

const GUIDE = source(
  'https://github.com/bybit-exchange/docs/blob/main/docs/v5/guide.mdx',
  'official',
  'authentication section: HMAC (system-generated) or RSA (self-generated) keys',
);
const KEY_INFO = source(
  'https://bybit-exchange.github.io/docs/v5/user/apikey-info',
  'official',
  'GET /v5/user/query-api: "Any permission can access this endpoint"; deadlineDay/expiredAt only for keys with no IP bound or after a password change',
);
const EXPIRY = source(
  'https://github.com/bybit-exchange/docs/blob/main/docs/v5/user/create-subuid-apikey.mdx',
  'official',
  'ips parameter: keys with no IP bound expire after 90 days; after a password change, 7 days',
);
const PLACEHOLDERS = source(
  'https://github.com/bybit-exchange/docs',
  'observed',
  'docs code samples use api_key="x"×18 and api_secret="x"×36 placeholders; the alphabet is from public samples, not stated',
);

export const bybit: Exchange = {
  id: 'bybit',
  name: 'Bybit',
  webDomains: ['bybit.com', 'bybit.eu', 'bybit.nl', 'bybit.com.hk'],
  apiHosts: ['api.bybit.com', 'api.bytick.com', 'api-testnet.bybit.com', 'api.bybit.nl', 'api.bybit.eu'],
  fields: [
    { kind: 'apiKey', label: 'API Key', secret: false, optional: false, source: GUIDE },
    { kind: 'secret', label: 'API Secret', secret: true, optional: true, variant: 'hmac', source: GUIDE },
    { kind: 'privateKey', label: 'Private Key', secret: true, optional: true, variant: 'rsa', source: GUIDE },
  ],
  shapes: [
    {
      id: 'bybit.apiKey',
      field: 'apiKey',
      pattern: /^[A-Za-z0-9]{18}$/,
      description: '18 letters and digits',
      distinctive: false,
      examples: ['xxxxxxxxxxxxxxxxxx'],
      synthetic: [sample(ALNUM, 18)],
      source: PLACEHOLDERS,
    },
    {
      id: 'bybit.secret.hmac',
      field: 'secret',
      variant: 'hmac',
      pattern: /^[A-Za-z0-9]{36}$/,
      description: '36 letters and digits',
      distinctive: false,
      examples: ['xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
      synthetic: [sample(ALNUM, 36)],
      source: PLACEHOLDERS,
    },
    {
      id: 'bybit.privateKey.rsa',
      field: 'privateKey',
      variant: 'rsa',
      pattern: pemPattern('(?:RSA )?PRIVATE KEY', 1000, 4000),
      description: 'PEM RSA private key block (self-generated key)',
      distinctive: false,
      examples: [],
      synthetic: [syntheticPem('PRIVATE KEY', 1624), syntheticPem('RSA PRIVATE KEY', 1588)],
      source: GUIDE,
    },
  ],
  keywords: [
    'bybit',
    'x-bapi-api-key',
    'x-bapi-sign',
    'bybit_api_key',
    'bybit_api_secret',
    'bybit_secret',
    'bybit_secret_key',
  ],
  links: {
    keyManagement: fact('https://www.bybit.com/app/user/api-management', GUIDE),
    activity: unknown('No official address found for login history or order pages.'),
    support: fact('https://www.bybit.com/en-US/help-center', GUIDE),
  },
  permissions: fact(
    [
      { id: 'ReadOnly', label: 'Read-Only', kind: 'read', dangerous: false },
      { id: 'ContractTrade.Order', label: 'Contract: Orders', kind: 'trade', dangerous: false },
      { id: 'ContractTrade.Position', label: 'Contract: Positions', kind: 'trade', dangerous: false },
      { id: 'Spot.SpotTrade', label: 'Spot: Trade', kind: 'trade', dangerous: false },
      { id: 'Options.OptionsTrade', label: 'USDC Contracts: Trade', kind: 'trade', dangerous: false },
      {
        id: 'Derivatives.DerivativesTrade',
        label: 'Unified Trading: Trade',
        kind: 'trade',
        dangerous: false,
      },
      { id: 'Exchange.ExchangeHistory', label: 'Convert', kind: 'trade', dangerous: false },
      { id: 'Earn.Earn', label: 'Earn', kind: 'trade', dangerous: false },
      { id: 'Wallet.AccountTransfer', label: 'Wallet: Account Transfer', kind: 'transfer', dangerous: true },
      {
        id: 'Wallet.SubMemberTransfer',
        label: 'Wallet: Subaccount Transfer',
        kind: 'subaccount',
        dangerous: true,
      },
      { id: 'Wallet.Withdraw', label: 'Wallet: Withdrawal', kind: 'withdraw', dangerous: true },
    ],
    KEY_INFO,
  ),
  policies: {
    ipAllowlist: fact({ supported: true }, KEY_INFO),
    expiry: fact(
      [
        {
          id: 'bybit.unbound-90d',
          description: 'A key with no IP bound stops working 90 days after it was created.',
          trigger: 'creation',
          days: 90,
          effect: 'key-invalid',
          onlyWithoutIpAllowlist: true,
          whenPermissionKinds: [],
          source: EXPIRY,
        },
        {
          id: 'bybit.password-change-7d',
          description:
            'After the account password changes, a key with no IP bound stops working within 7 days.',
          trigger: 'password-change',
          days: 7,
          effect: 'key-invalid',
          onlyWithoutIpAllowlist: true,
          whenPermissionKinds: [],
          source: KEY_INFO,
        },
      ],
      EXPIRY,
    ),
    rules: [
      {
        id: 'bybit.site-bound',
        description: 'A key works only on the Bybit site (global or regional) where it was created.',
        source: GUIDE,
      },
    ],
  },
  signing: fact(
    {
      algorithms: ['HMAC-SHA256', 'RSA-SHA256'],
      output: 'hex',
      prehash: 'timestamp + apiKey + recvWindow + (query string | JSON body); RSA signatures are base64',
      headers: ['X-BAPI-API-KEY', 'X-BAPI-SIGN', 'X-BAPI-TIMESTAMP', 'X-BAPI-RECV-WINDOW'],
      source: GUIDE,
    },
    GUIDE,
  ),
  permissionEndpoint: fact(
    { method: 'GET', origin: 'https://api.bybit.com', path: '/v5/user/query-api', source: KEY_INFO },
    KEY_INFO,
  ),
};
