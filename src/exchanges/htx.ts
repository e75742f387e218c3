import { fact, source, unknown } from './kit';
import type { Exchange } from './types';

const KEY_PAGE = source(
  'https://www.htx.com/en-us/apikey',
  'official',
  'key page notes: 20 keys per account, 20 IPs or ranges per key, unbound trade/withdraw keys deactivated after 90 days unused (also quoted by moonbot.eu)',
);
const SIGNING = source(
  'https://www.htx.com/en-us/opend/newApiPages/?id=419',
  'official',
  'Signature v2: HMAC-SHA256 base64 of METHOD\\nhost\\npath\\nsorted query; masked example AccessKeyId=e2xxxxxx-99xxxxxx-84xxxxxx-7xxxx (read via docs copies)',
);

export const htx: Exchange = {
  id: 'htx',
  name: 'HTX (Huobi)',
  webDomains: ['htx.com', 'huobi.com'],
  apiHosts: ['api.huobi.pro', 'api-aws.huobi.pro', 'api.hbdm.com'],
  fields: [
    { kind: 'apiKey', label: 'Access Key', secret: false, optional: false, source: SIGNING },
    { kind: 'secret', label: 'Secret Key', secret: true, optional: false, source: SIGNING },
  ],
  shapes: [
    {
      id: 'htx.apiKey',
      field: 'apiKey',
      pattern: /^[0-9a-z]{8}-[0-9a-z]{8}-[0-9a-z]{8}-[0-9a-z]{5}$/,
      description: 'four hyphen-separated groups of 8, 8, 8 and 5 characters',
      // The layout comes from a masked example; the character set is not stated.
      distinctive: false,
      examples: ['e2xxxxxx-99xxxxxx-84xxxxxx-7xxxx'],
      source: SIGNING,
    },
    {
      id: 'htx.secret',
      field: 'secret',
      pattern: /^[0-9a-z]{8}-[0-9a-z]{8}-[0-9a-z]{8}-[0-9a-z]{5}$/,
      description: 'four hyphen-separated groups of 8, 8, 8 and 5 characters (unconfirmed)',
      distinctive: false,
      examples: [],
      synthetic: ['0a1b2c3d-4e5f6a7b-8c9d0e1f-2a3b4'],
      source: source(SIGNING.url, 'unconfirmed', 'assumed to share the access key layout'),
    },
  ],
  keywords: [
    'htx',
    'huobi',
    'accesskeyid',
    'htx_api_key',
    'htx_secret_key',
    'huobi_access_key',
    'huobi_secret_key',
    'huobi_api_key',
  ],
  links: {
    keyManagement: fact('https://www.htx.com/en-us/apikey', KEY_PAGE),
    activity: unknown('No official address found for login history or order pages.'),
    support: unknown('No official support address confirmed.'),
  },
  permissions: fact(
    [
      { id: 'readOnly', label: 'Read-only', kind: 'read', dangerous: false },
      { id: 'trade', label: 'Trade', kind: 'trade', dangerous: false },
      { id: 'withdraw', label: 'Withdraw', kind: 'withdraw', dangerous: true },
    ],
    KEY_PAGE,
  ),
  policies: {
    ipAllowlist: fact({ supported: true, maxEntries: 20, cidr: true }, KEY_PAGE),
    expiry: fact(
      [
        {
          id: 'htx.unbound-inactive-90d',
          description:
            'A key with no IP and with trade or withdraw rights is deactivated after 90 days without use; each use extends it.',
          trigger: 'inactivity',
          days: 90,
          effect: 'key-invalid',
          onlyWithoutIpAllowlist: true,
          whenPermissionKinds: ['trade', 'withdraw'],
          source: KEY_PAGE,
        },
      ],
      KEY_PAGE,
    ),
    rules: [{ id: 'htx.max-keys', description: 'At most 20 API keys per account.', source: KEY_PAGE }],
  },
  signing: fact(
    {
      algorithms: ['HMAC-SHA256'],
      output: 'base64',
      prehash: 'METHOD\\nhost\\npath\\nsorted query (SignatureVersion=2)',
      headers: ['AccessKeyId', 'SignatureMethod', 'SignatureVersion', 'Timestamp', 'Signature'],
      source: SIGNING,
    },
    SIGNING,
  ),
  permissionEndpoint: unknown(
    'HTX documents GET /v2/user/api-key (parent-user key query by uid) but it was not verified here for self-checks.',
  ),
};
