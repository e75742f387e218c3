import { fact, source, unknown } from './kit';
import type { Exchange } from './types';

const USAGE = source(
  'https://www.bitmex.com/app/apiKeysUsage',
  'official',
  'signing guide with a worked example key and secret; all five example signatures reproduce',
);
const SWAGGER = source(
  'https://github.com/BitMEX/api-connectors/blob/master/swagger.json',
  'official',
  'GET /apiKey returns id, cidr/cidrs, permissions (order, orderCancel, withdraw), enabled',
);
const TRUFFLEHOG = source(
  'https://github.com/trufflesecurity/trufflehog/blob/main/pkg/detectors/bitmex/bitmex.go',
  'code',
  'key 24 and secret 48 characters of [A-Za-z0-9_-]; agrees with the docs example',
);

export const bitmex: Exchange = {
  id: 'bitmex',
  name: 'BitMEX',
  webDomains: ['bitmex.com'],
  apiHosts: ['www.bitmex.com', 'testnet.bitmex.com'],
  fields: [
    { kind: 'apiKey', label: 'ID', secret: false, optional: false, source: USAGE },
    { kind: 'secret', label: 'Secret', secret: true, optional: false, source: USAGE },
  ],
  shapes: [
    {
      id: 'bitmex.apiKey',
      field: 'apiKey',
      pattern: /^[A-Za-z0-9_-]{24}$/,
      description: '24 letters, digits, "_" or "-"',
      distinctive: false,
      examples: ['LAqUlngMIQkIUjXMUreyu3qn'],
      source: TRUFFLEHOG,
    },
    {
      id: 'bitmex.secret',
      field: 'secret',
      pattern: /^[A-Za-z0-9_-]{48}$/,
      description: '48 letters, digits, "_" or "-"',
      distinctive: false,
      examples: ['chNOOS4KvNXR_Xq4k4c9qsfoKWvnDecLATCRlcBwyKDYnWgO'],
      source: TRUFFLEHOG,
    },
  ],
  keywords: [
    'bitmex',
    'api-signature',
    'api-expires',
    'bitmex_api_key',
    'bitmex_api_secret',
    'bitmex_secret',
  ],
  links: {
    keyManagement: fact(
      'https://www.bitmex.com/app/apiKeys',
      source('https://www.bitmex.com/app/apiKeysUsage', 'official', 'the signing guide links the key page'),
    ),
    activity: unknown('No official address found for login history or order pages.'),
    support: unknown('No official support address confirmed.'),
  },
  permissions: fact(
    [
      { id: 'read', label: 'Read (no flags, the default)', kind: 'read', dangerous: false },
      { id: 'order', label: 'Order', kind: 'trade', dangerous: false },
      { id: 'orderCancel', label: 'Order Cancel', kind: 'trade', dangerous: false },
      { id: 'withdraw', label: 'Withdraw', kind: 'withdraw', dangerous: true },
    ],
    SWAGGER,
  ),
  policies: {
    ipAllowlist: fact({ supported: true, cidr: true }, SWAGGER),
    expiry: unknown('No official statement on automatic expiry found.'),
    rules: [],
  },
  signing: fact(
    {
      algorithms: ['HMAC-SHA256'],
      output: 'hex',
      prehash: 'VERB + path (with query) + expires + body',
      headers: ['api-key', 'api-signature', 'api-expires'],
      source: USAGE,
    },
    USAGE,
  ),
  permissionEndpoint: fact(
    { method: 'GET', origin: 'https://www.bitmex.com', path: '/api/v1/apiKey', source: SWAGGER },
    SWAGGER,
  ),
};
